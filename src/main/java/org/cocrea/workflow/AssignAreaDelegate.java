package org.cocrea.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cocrea.proposal.Proposals;
import org.springframework.stereotype.Component;

/** {@code Task_AssignArea}: records the area chosen by the routing decision or by triage on the proposal. */
@Component("assignArea")
class AssignAreaDelegate implements JavaDelegate {

    private final Proposals proposals;
    private final ProposalOfInstance proposalOf;

    AssignAreaDelegate(Proposals proposals, ProposalOfInstance proposalOf) {
        this.proposals = proposals;
        this.proposalOf = proposalOf;
    }

    @Override
    public void execute(DelegateExecution execution) {
        proposals.assignArea(proposalOf.of(execution).getId(),
                ProposalReviewProcess.AREA_GROUP_VAR.get(execution));
    }
}
