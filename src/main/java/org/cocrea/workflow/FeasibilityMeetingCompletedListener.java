package org.cocrea.workflow;

import static org.cocrea.workflow.CallForProposalsProcess.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cocrea.proposal.FeasibilityMeetings;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.Proposals;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_RecordFeasibilityMeeting}: validates and stores the meeting, then lets every
 * proposal of that area continue to its reasoned response (message {@code FeasibilityMeetingHeld}).
 */
@Component("feasibilityMeetingCompleted")
class FeasibilityMeetingCompletedListener implements TaskListener {

    private final FeasibilityMeetings meetings;
    private final RuntimeService runtimeService;
    private final Proposals proposals;

    FeasibilityMeetingCompletedListener(FeasibilityMeetings meetings, @Lazy RuntimeService runtimeService,
            Proposals proposals) {
        this.meetings = meetings;
        this.proposals = proposals;
        this.runtimeService = runtimeService;
    }

    @Override
    public void notify(DelegateTask task) {
        long callId = CALL_ID_VAR.required(task);
        String group = AREA_GROUP_VAR.get(task);
        Refusals.refuseInvalid(() -> meetings.record(callId, group,
                MEETING_DATE_VAR.get(task),
                MEETING_ATTENDEES_VAR.get(task), MEETING_OUTCOME_VAR.get(task),
                Actors.of(task)));
        // Correlate by business key (tracking code) from the database, not by variables a task could overwrite.
        for (Proposal p : proposals.ofArea(callId, group)) {
            runtimeService.createMessageCorrelation(ProposalReviewProcess.MESSAGE_MEETING_HELD)
                    .processInstanceBusinessKey(p.getTrackingCode()).correlateAllWithResult();
        }
    }
}
