package org.cocrea.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.Proposals;
import org.springframework.stereotype.Component;

/**
 * Finds the proposal a {@code proposal-review} instance is about through the instance's business key (the tracking
 * code), never through a process variable: a user completing a task can overwrite variables, but not the business
 * key. A mismatch is refused.
 */
@Component
class ProposalOfInstance {

    private final Proposals proposals;

    ProposalOfInstance(Proposals proposals) {
        this.proposals = proposals;
    }

    /**
     * @param execution an execution of a proposal-review instance
     * @return its proposal
     * @throws IllegalStateException when the business key names no proposal (a broken instance: an incident)
     */
    Proposal of(DelegateExecution execution) {
        String code = execution.getProcessBusinessKey();
        return proposals.byTrackingCode(code)
                .orElseThrow(() -> new IllegalStateException("No proposal with tracking code " + code));
    }

    /**
     * @param task a task of a proposal-review instance
     * @return its proposal
     * @throws IllegalStateException when the business key names no proposal
     */
    Proposal of(DelegateTask task) {
        return of(task.getExecution());
    }
}
