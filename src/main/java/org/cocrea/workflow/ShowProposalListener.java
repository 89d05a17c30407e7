package org.cocrea.workflow;

import static org.cocrea.workflow.ProposalReviewProcess.*;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.Proposals;
import org.springframework.stereotype.Component;

/**
 * Create listener of the proposal's user tasks: copies the proposal's title, text, axis and submitter (never the
 * proposer's contact data) into task-local variables, so the form shows them while the process itself carries only
 * the proposal id.
 */
@Component("showProposal")
class ShowProposalListener implements TaskListener {

    private final Proposals proposals;

    ShowProposalListener(Proposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public void notify(DelegateTask task) {
        Proposal p = proposals.get((Long) task.getVariable(PROPOSAL_ID));
        task.setVariableLocal(PROPOSAL_TITLE, p.getTrackingCode() + " — " + p.getTitle());
        task.setVariableLocal(PROPOSAL_TEXT, p.getDescription());
        task.setVariableLocal(PROPOSAL_AXIS_NAME, proposals.axisName(p.getAxis(), Locale.forLanguageTag("es")));
        task.setVariableLocal(PROPOSAL_SUBMITTER, p.getSubmitterType()
                + (p.getOrganization() == null ? "" : " — " + p.getOrganization()));
    }
}
