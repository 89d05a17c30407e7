package org.cocrea.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cocrea.proposal.Proposals;
import org.springframework.stereotype.Component;

/** Complete listener of {@code Task_ReviewResponse}: validates and stores the reasoned response staff approved. */
@Component("reasonedResponseCompleted")
class ReasonedResponseCompletedListener implements TaskListener {

    private final Proposals proposals;
    private final ProposalOfInstance proposalOf;

    ReasonedResponseCompletedListener(Proposals proposals, ProposalOfInstance proposalOf) {
        this.proposals = proposals;
        this.proposalOf = proposalOf;
    }

    @Override
    public void notify(DelegateTask task) {
        Refusals.refuseInvalid(() -> proposals.recordResponse(proposalOf.of(task).getId(),
                ProposalReviewProcess.RESPONSE_TEXT_VAR.get(task)));
    }
}
