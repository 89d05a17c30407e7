package org.cocrea.workflow;

import static org.cocrea.workflow.ProposalReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cocrea.proposal.Proposals;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_ReviewFeasibility}: validates the area's review on the server (Tasklist validates
 * only in the browser) and stores it; an invalid completion is refused and the task stays open.
 */
@Component("feasibilityReviewCompleted")
class FeasibilityReviewCompletedListener implements TaskListener {

    private final Proposals proposals;

    FeasibilityReviewCompletedListener(Proposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public void notify(DelegateTask task) {
        Refusals.refuseInvalid(() -> proposals.recordReview((Long) task.getVariable(PROPOSAL_ID),
                FormValues.text(task.getVariable(VERDICT)), FormValues.text(task.getVariable(REASONING)),
                FormValues.bool(task.getVariable(WILLING_TO_CO_CREATE)), FormValues.text(task.getVariable(CONTACT_PERSON)),
                Actors.of(task)));
    }
}
