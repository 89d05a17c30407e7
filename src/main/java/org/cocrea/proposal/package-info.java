/**
 * Proposals of the public consultation (Stage 1): submission from the public form, the JSON API and staff CSV
 * imports; the area's feasibility review; the feasibility meeting; the reasoned response to every proposer (OGP
 * Participation and Co-creation Standard, minimum requirement 4.1); and the prioritisation for the co-creation
 * round-tables; and the public list of every proposal with what happened to it, its Spanish full-text search and
 * open data ({@code ProposalCatalogue}). What a proposal led to in later stages (round-table, commitments) comes
 * through {@link org.cocrea.proposal.ProposalOutcomes}, implemented by {@code commitment/}, since those stages depend
 * on this package. Publishes {@link org.cocrea.proposal.ProposalSubmitted} and
 * {@link org.cocrea.proposal.FeasibilityReviewed}; never calls the engine.
 */
package org.cocrea.proposal;
