package org.cocrea.workflow;

import static org.cocrea.workflow.ProposalReviewProcess.*;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cocrea.kernel.InputText;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.Proposals;
import org.springframework.stereotype.Component;

/**
 * Create listener of the proposal's user tasks: copies the proposal's title, text, axis and submitter (never the
 * proposer's contact data) into task-local variables, so the form shows them while the process itself carries only
 * the proposal id. Also appends the tracking code and title to the task's name, so tasks can be told apart in
 * Tasklist's list.
 */
@Component("showProposal")
class ShowProposalListener implements TaskListener {

    private final Proposals proposals;
    private final ProposalOfInstance proposalOf;

    ShowProposalListener(Proposals proposals, ProposalOfInstance proposalOf) {
        this.proposals = proposals;
        this.proposalOf = proposalOf;
    }

    @Override
    public void notify(DelegateTask task) {
        Proposal p = proposalOf.of(task);
        task.setVariableLocal(PROPOSAL_TITLE, p.getTrackingCode() + " — " + p.getTitle());
        task.setVariableLocal(PROPOSAL_TEXT, p.getDescription());
        task.setVariableLocal(PROPOSAL_AXIS_NAME, proposals.axisName(p.getAxis(), Locale.forLanguageTag("es")));
        Locale es = Locale.forLanguageTag("es");
        task.setVariableLocal(PROPOSAL_SUBMITTER, proposals.submitterTypeName(p.getSubmitterType(), es)
                + (p.getOrganization() == null ? "" : " — " + p.getOrganization()));
        // Tasklist lists tasks by name: make each one recognisable by its tracking code and title.
        String title = InputText.abbreviate(p.getTitle(), 60, "...");
        task.setName(task.getName() + " · " + p.getTrackingCode() + " · " + title);
    }
}
