package org.cocrea.proposal;

/** Where a proposal stands; shown on the public status page. */
public enum ProposalStatus {
    /** Stored; being routed to the responsible area. */
    RECEIVED,
    /** The responsible area is reviewing feasibility. */
    IN_REVIEW,
    /** The area has reviewed it; the open-government team meets the area and writes the reasoned response. */
    REVIEWED,
    /** The reasoned response was sent to the proposer and is public. */
    RESPONDED
}
