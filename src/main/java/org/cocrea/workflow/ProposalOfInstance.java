package org.cocrea.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.cocrea.kernel.TransactionMemo;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.Proposals;
import org.springframework.stereotype.Component;

/**
 * Finds the proposal a {@code proposal-review} instance is about through the instance's business key (the tracking
 * code), never through a process variable: a user completing a task can overwrite variables, but not the business
 * key. A mismatch is refused.
 *
 * <p>Several listeners of one transaction ask for the same proposal (submission: routing, area assignment, the task's
 * create listener; a meeting: the draft response and the new task of each proposal). The tracking code is looked up
 * once per transaction ({@link TransactionMemo}); later calls load the proposal by its id, which the JPA persistence
 * context of the transaction already holds, so they run no statement.
 */
@Component
class ProposalOfInstance {

    private final Proposals proposals;
    /** Tracking code to proposal id, per transaction (a tracking code never changes its proposal). */
    private final TransactionMemo<String, Long> ids = new TransactionMemo<>();

    ProposalOfInstance(Proposals proposals) {
        this.proposals = proposals;
    }

    /**
     * Remembers, for the rest of the current transaction, which proposal a tracking code names: the transaction that
     * stored the proposal starts its instance and need not look it up again.
     *
     * @param trackingCode the instance's business key
     * @param proposalId   the proposal's id
     */
    void remember(String trackingCode, long proposalId) {
        ids.put(trackingCode, proposalId);
    }

    /**
     * @param execution an execution of a proposal-review instance
     * @return its proposal
     * @throws IllegalStateException when the business key names no proposal (a broken instance: an incident)
     */
    Proposal of(DelegateExecution execution) {
        String code = execution.getProcessBusinessKey();
        Long id = code == null ? null
                : ids.get(code, c -> proposals.byTrackingCode(c).map(Proposal::getId).orElse(null));
        if (id == null) {
            throw new IllegalStateException("No proposal with tracking code " + code);
        }
        return proposals.get(id);
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
