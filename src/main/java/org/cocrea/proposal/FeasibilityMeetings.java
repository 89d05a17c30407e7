package org.cocrea.proposal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.InputText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feasibility meetings: one per area and call, between the open-government team and the area, about all of the
 * area's reviewed proposals.
 */
@Service
public class FeasibilityMeetings {

    private final FeasibilityMeetingRepository repository;
    private final Proposals proposals;
    private final Clock clock;

    FeasibilityMeetings(FeasibilityMeetingRepository repository, Proposals proposals, Clock clock) {
        this.repository = repository;
        this.proposals = proposals;
        this.clock = clock;
    }

    /**
     * Gathers the area's reviewed proposals into a plain-text agenda for the meeting task.
     *
     * @param callId    call id
     * @param areaGroup the area's candidate group
     * @return one line per proposal: tracking code, title, verdict and willingness to co-create (at most 3900 chars)
     */
    @Transactional(readOnly = true)
    public String agenda(long callId, String areaGroup) {
        String text = proposals.ofArea(callId, areaGroup).stream()
                .map(p -> "• " + p.getTrackingCode() + " [" + p.getAxis() + "] " + p.getTitle() + " — "
                        + (p.getVerdict() == null ? "sin dictamen" : p.getVerdict())
                        + (Boolean.TRUE.equals(p.getWillingToCoCreate()) ? " — co-crea" : ""))
                .collect(Collectors.joining("\n"));
        return InputText.abbreviate(text, 3900, " ...");
    }

    /**
     * Records the meeting (again, if staff correct it).
     *
     * @param callId     call id
     * @param areaGroup  the area's candidate group
     * @param heldAt     when it was held; required, not in the future
     * @param attendees  who attended; required, at most 2000 characters
     * @param outcome    what was agreed; required, at most 4000 characters
     * @param recordedBy Camunda user id, may be null
     * @return the stored meeting
     * @throws InputRefusedException listing every invalid field
     */
    @Transactional
    public FeasibilityMeeting record(long callId, String areaGroup, Instant heldAt, String attendees, String outcome,
            String recordedBy) {
        List<FieldProblem> problems = new ArrayList<>();
        if (heldAt == null) {
            problems.add(FieldProblem.of("heldAt", "meeting.heldAt.required"));
        } else if (heldAt.isAfter(clock.instant().plusSeconds(3600))) {
            problems.add(FieldProblem.of("heldAt", "meeting.heldAt.future"));
        }
        if (ProposalValidator.isBlank(attendees) || InputText.exceeds(attendees.strip(), 2000)
                || InputText.hasForbiddenCharacters(attendees)) {
            problems.add(FieldProblem.of("attendees", "meeting.attendees"));
        }
        if (ProposalValidator.isBlank(outcome) || InputText.exceeds(outcome.strip(), 4000)
                || InputText.hasForbiddenCharacters(outcome)) {
            problems.add(FieldProblem.of("outcome", "meeting.outcome"));
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        FeasibilityMeeting meeting = repository.findByCallIdAndAreaGroup(callId, areaGroup)
                .orElseGet(() -> new FeasibilityMeeting(callId, areaGroup));
        meeting.record(heldAt, attendees.strip(), outcome.strip(), recordedBy, clock.instant());
        return repository.save(meeting);
    }

    /**
     * @param callId call id
     * @return the meetings recorded for the call, by area
     */
    @Transactional(readOnly = true)
    public List<FeasibilityMeeting> ofCall(long callId) {
        return repository.findByCallIdOrderByAreaGroupAsc(callId);
    }
}
