package org.cocrea.workflow;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cocrea.proposal.Proposals;
import org.springframework.stereotype.Component;

/**
 * {@code Task_GatherMeetingAreas}: sets {@code meetingAreaGroups}, the candidate groups of the areas that reviewed
 * proposals of the call; the meeting sub-process runs once per entry.
 */
@Component("gatherMeetingAreas")
class GatherMeetingAreasDelegate implements JavaDelegate {

    private final Proposals proposals;

    GatherMeetingAreasDelegate(Proposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long callId = CallForProposalsProcess.CALL_ID_VAR.required(execution);
        execution.setVariable(CallForProposalsProcess.MEETING_AREA_GROUPS,
                new ArrayList<>(proposals.reviewingAreaGroups(callId)));
    }
}
