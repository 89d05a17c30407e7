package org.cocrea.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cocrea.proposal.Proposals;
import org.springframework.stereotype.Component;

/** {@code Task_DraftResponse}: prefills {@code responseText} from the area's verdict and reasoning. */
@Component("draftResponse")
class DraftResponseDelegate implements JavaDelegate {

    private final Proposals proposals;
    private final ProposalOfInstance proposalOf;

    DraftResponseDelegate(Proposals proposals, ProposalOfInstance proposalOf) {
        this.proposals = proposals;
        this.proposalOf = proposalOf;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ProposalReviewProcess.RESPONSE_TEXT,
                proposals.draftResponse(proposalOf.of(execution).getId()));
    }
}
