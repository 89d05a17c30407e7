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
        long callId = CallForProposalsProcess.CALL_ID_VAR.required(task);
        List<Long> ids = new ArrayList<>();
        for (String s : CallForProposalsProcess.PRIORITISED_PROPOSALS_VAR.get(task)) {
            try {
                ids.add(Long.valueOf(s));
            } catch (NumberFormatException e) {
                throw RefusalTexts.refusal("refusal.unknownProposal", s);
            }
        }
        Refusals.refuseInvalid(() -> proposals.prioritise(callId, ids));
    }
}
