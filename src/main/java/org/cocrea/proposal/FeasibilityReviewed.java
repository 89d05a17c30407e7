package org.cocrea.proposal;

/**
 * An area recorded its feasibility review of a proposal.
 *
 * @param proposalId database id of the proposal
 * @param callId     call for proposals it belongs to
 */
public record FeasibilityReviewed(long proposalId, long callId) {
}
