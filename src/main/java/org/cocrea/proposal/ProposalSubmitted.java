package org.cocrea.proposal;

/**
 * A proposal was stored. Published inside the storing transaction, so listeners (the workflow starting the
 * feasibility review) share its fate: if they fail, the proposal is not stored.
 *
 * @param proposalId   database id
 * @param trackingCode public tracking code
 * @param callId       call for proposals it belongs to
 * @param axis         thematic axis id
 * @param submitterType submitter type code
 */
public record ProposalSubmitted(long proposalId, String trackingCode, long callId, String axis, String submitterType) {
}
