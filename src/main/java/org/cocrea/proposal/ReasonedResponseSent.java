package org.cocrea.proposal;

/**
 * The reasoned response to a proposal was mailed to the proposer and the proposal is now RESPONDED (OGP Participation
 * and Co-Creation Standard, requirement 6: feedback on how contributions were considered). Published in the
 * transaction that records it, so listeners that write to the outbox commit or roll back with it.
 *
 * @param proposalId   database id of the proposal
 * @param trackingCode its public tracking code, e.g. {@code CC-7K3M9P2Q}
 */
public record ReasonedResponseSent(long proposalId, String trackingCode) {
}
