package org.cocrea.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cocrea.proposal.Proposals;
import org.springframework.stereotype.Component;

/** {@code Task_CheckReviews}: sets {@code allReviewsDone} when no proposal of the call waits for routing or review. */
@Component("checkReviews")
class CheckReviewsDelegate implements JavaDelegate {

    private final Proposals proposals;

    CheckReviewsDelegate(Proposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long callId = CallForProposalsProcess.CALL_ID_VAR.required(execution);
        execution.setVariable(CallForProposalsProcess.ALL_REVIEWS_DONE, proposals.pendingReviews(callId) == 0);
    }
}
