package org.cocrea.workflow;

import static org.cocrea.workflow.ProposalReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.Proposals;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_ReviewFeasibility}: validates the area's review on the server (Tasklist validates
 * only in the browser) and stores it on the task's own proposal (found by business key, and only if the task belongs
 * to that proposal's area); an invalid completion is refused and the task stays open.
 */
@Component("feasibilityReviewCompleted")
class FeasibilityReviewCompletedListener implements TaskListener {

    private final Proposals proposals;
    private final ProposalOfInstance proposalOf;

    FeasibilityReviewCompletedListener(Proposals proposals, ProposalOfInstance proposalOf) {
        this.proposals = proposals;
        this.proposalOf = proposalOf;
    }

    @Override
    public void notify(DelegateTask task) {
        Proposal p = proposalOf.of(task);
        boolean ownArea = task.getCandidates().stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).anyMatch(g -> g.equals(p.getAreaGroup()));
        if (!ownArea) {
            throw RefusalTexts.refusal("refusal.notTheProposalsArea", p.getTrackingCode());
        }
        Refusals.refuseInvalid(() -> proposals.recordReview(p.getId(), VERDICT_VAR.get(task),
                REASONING_VAR.get(task), WILLING_TO_CO_CREATE_VAR.get(task),
                CONTACT_PERSON_VAR.get(task), Actors.of(task)));
    }
}
