package org.cocrea.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cocrea.proposal.Proposals;
import org.springframework.stereotype.Component;

/** {@code Task_AssignArea}: records the area chosen by the routing decision or by triage on the proposal. */
@Component("assignArea")
class AssignAreaDelegate implements JavaDelegate {

    private final Proposals proposals;

    AssignAreaDelegate(Proposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        proposals.assignArea((Long) execution.getVariable(ProposalReviewProcess.PROPOSAL_ID),
                (String) execution.getVariable(ProposalReviewProcess.AREA_GROUP));
    }
}
