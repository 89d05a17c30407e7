/**
 * Moderation of public comments (issue 11): anyone may report a comment shown on a public page (a draft comment of
 * {@code commitment/}, a round-table board entry of {@code roundtable/}) with a reason; the open-government team sees
 * the reported items in one queue ({@code /staff/moderation}) and hides or keeps each with a reason; every decision is
 * logged with the staff user and the instant (shown in America/Argentina/Buenos_Aires). A hidden item keeps a visible
 * placeholder with the reason, so the public record stays honest (OGP Participation and Co-Creation Standard: a
 * transparent, respectful space for participation).
 *
 * <p>The features own their items and the hidden state: each implements {@link ModeratedItems} (this package depends
 * on no feature; the features depend on it), so the queue reaches both kinds without a cycle.
 */
package org.cocrea.moderation;
