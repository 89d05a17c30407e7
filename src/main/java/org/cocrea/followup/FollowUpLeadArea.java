package org.cocrea.followup;

import java.util.Collection;

import org.springframework.stereotype.Component;

/**
 * The lead-area rule of the follow-up, in one place: a commitment's follow-up belongs to its lead area, the
 * candidate group its published sheet names ({@code Commitment.leadAreaGroup}, e.g. {@code area-ambiente}). The
 * same rule answers, as bean {@code followUpLeadArea}:
 * <ul>
 * <li>who gets the monthly report task and is mailed its reminder and overdue notice ({@link FollowUpMails}): the
 * follow-up's {@code Task_PrepareFollowUp} ({@code workflow.CommitmentFollowUpDelegates}) stores {@link #group(long)}
 * as the variable {@code leadAreaGroup}, which {@code Task_SubmitReport}'s
 * {@code camunda:candidateGroups="${leadAreaGroup}"} and the mail delegates read (a variable, so a running
 * instance keeps the area it started with, and process tests need no database);</li>
 * <li>who may see and add a report's evidence besides staff: {@link #isMember(Collection, String)}
 * ({@link FollowUpAccess}), asked by the evidence page ({@code FollowUpReportController}) with
 * {@link #group(long)}.</li>
 * </ul>
 */
@Component("followUpLeadArea")
public class FollowUpLeadArea {

    private final FollowUps followUps;

    FollowUpLeadArea(FollowUps followUps) {
        this.followUps = followUps;
    }

    /**
     * @param commitmentId database id of a commitment
     * @return its lead area's candidate group, or null when the sheet names none
     * @throws org.cocrea.kernel.NotFoundException or the feature's refusal when there is no such commitment (as
     *         {@link FollowUps#leadAreaGroup(long)})
     */
    public String group(long commitmentId) {
        return followUps.leadAreaGroup(commitmentId);
    }

    /**
     * @param groups        the user's group ids
     * @param leadAreaGroup the commitment's lead area group ({@link #group(long)}), may be null
     * @return whether the user is a member of the lead area (false when the commitment has none)
     */
    public static boolean isMember(Collection<String> groups, String leadAreaGroup) {
        return leadAreaGroup != null && groups.contains(leadAreaGroup);
    }
}
