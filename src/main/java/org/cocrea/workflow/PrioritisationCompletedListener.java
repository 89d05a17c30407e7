package org.cocrea.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cocrea.proposal.Proposals;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_PrioritiseProposals}: stores which feasible proposals go to the co-creation
 * round-tables (the list Stage 2 reads). An id that is not a feasible proposal of the call is refused.
 */
@Component("prioritisationCompleted")
class PrioritisationCompletedListener implements TaskListener {

    private final Proposals proposals;

    PrioritisationCompletedListener(Proposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public void notify(DelegateTask task) {
        long callId = (Long) task.getVariable(CallForProposalsProcess.CALL_ID);
        List<Long> ids = new ArrayList<>();
        for (String s : FormValues.list(CallForProposalsProcess.PRIORITISED_PROPOSALS,
                task.getVariable(CallForProposalsProcess.PRIORITISED_PROPOSALS))) {
            try {
                ids.add(Long.valueOf(s));
            } catch (NumberFormatException e) {
                throw RefusalTexts.refusal("refusal.unknownProposal", s);
            }
        }
        Refusals.refuseInvalid(() -> proposals.prioritise(callId, ids));
    }
}
