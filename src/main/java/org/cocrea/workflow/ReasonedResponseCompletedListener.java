package org.cocrea.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cocrea.proposal.Proposals;
import org.springframework.stereotype.Component;

/** Complete listener of {@code Task_ReviewResponse}: validates and stores the reasoned response staff approved. */
@Component("reasonedResponseCompleted")
class ReasonedResponseCompletedListener implements TaskListener {

    private final Proposals proposals;

    ReasonedResponseCompletedListener(Proposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public void notify(DelegateTask task) {
        Refusals.refuseInvalid(() -> proposals.recordResponse((Long) task.getVariable(ProposalReviewProcess.PROPOSAL_ID),
                FormValues.text(task.getVariable(ProposalReviewProcess.RESPONSE_TEXT))));
    }
}
