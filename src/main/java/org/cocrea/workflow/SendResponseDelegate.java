package org.cocrea.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cocrea.proposal.Proposals;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendResponse}: writes the reasoned response mail to the outbox and publishes the response on the
 * proposal's status page (OGP minimum requirement 4.1).
 */
@Component("sendResponse")
class SendResponseDelegate implements JavaDelegate {

    private final Proposals proposals;
    private final ProposalOfInstance proposalOf;

    SendResponseDelegate(Proposals proposals, ProposalOfInstance proposalOf) {
        this.proposals = proposals;
        this.proposalOf = proposalOf;
    }

    @Override
    public void execute(DelegateExecution execution) {
        proposals.sendResponse(proposalOf.of(execution).getId());
    }
}
