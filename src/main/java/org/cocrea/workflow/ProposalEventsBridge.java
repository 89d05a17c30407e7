package org.cocrea.workflow;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.cocrea.consultation.CallStatus;
import org.cocrea.consultation.Consultations;
import org.cocrea.proposal.FeasibilityReviewed;
import org.cocrea.proposal.ProposalSubmitted;
import org.cocrea.proposal.Proposals;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the proposal feature's events into engine calls, inside the publishing transaction: a submitted proposal
 * starts its {@code proposal-review} instance (if that fails, the proposal is not stored); the last review of a closed
 * call lets the call-for-proposals instance move on (message {@code ReviewsCompleted}).
 */
@Component
class ProposalEventsBridge {

    private final RuntimeService runtimeService;
    private final Proposals proposals;
    private final Consultations consultations;
    private final ProposalOfInstance proposalOf;

    ProposalEventsBridge(@Lazy RuntimeService runtimeService, Proposals proposals, Consultations consultations,
            ProposalOfInstance proposalOf) {
        this.runtimeService = runtimeService;
        this.proposals = proposals;
        this.consultations = consultations;
        this.proposalOf = proposalOf;
    }

    @EventListener
    void on(ProposalSubmitted event) {
        Map<String, Object> variables = Variables.createVariables()
                .putValue(ProposalReviewProcess.PROPOSAL_ID, event.proposalId())
                .putValue(ProposalReviewProcess.CALL_ID, event.callId())
                .putValue(ProposalReviewProcess.AXIS, event.axis())
                .putValue(ProposalReviewProcess.SUBMITTER_TYPE, event.submitterType());
        // The instance's listeners find the proposal this transaction stored without looking its code up.
        proposalOf.remember(event.trackingCode(), event.proposalId());
        runtimeService.startProcessInstanceByKey(ProposalReviewProcess.KEY, event.trackingCode(), variables);
    }

    @EventListener
    void on(FeasibilityReviewed event) {
        if (consultations.get(event.callId()).getStatus() == CallStatus.CLOSED
                && proposals.pendingReviews(event.callId()) == 0) {
            runtimeService.createMessageCorrelation(CallForProposalsProcess.MESSAGE_REVIEWS_COMPLETED)
                    .processInstanceVariableEquals(CallForProposalsProcess.CALL_ID, event.callId())
                    .correlateAllWithResult();
        }
    }
}
