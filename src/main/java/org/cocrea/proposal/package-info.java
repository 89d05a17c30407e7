/**
 * Proposals of the public consultation (Stage 1): submission from the public form, the JSON API and staff CSV
 * imports; the area's feasibility review; the feasibility meeting; the reasoned response to every proposer (OGP
 * Participation and Co-creation Standard, minimum requirement 4.1); and the prioritisation for the co-creation
 * round-tables. Publishes {@link org.cocrea.proposal.ProposalSubmitted} and
 * {@link org.cocrea.proposal.FeasibilityReviewed}; never calls the engine.
 */
package org.cocrea.proposal;
