/**
 * Following what matters to you (issue 11): a visitor follows a proposal ({@code /proposals/{trackingCode}}), a draft
 * commitment ({@code /drafts/{id}}) or a published commitment ({@code /dashboard/{code}}) by e-mail, one mail per
 * change or a weekly digest. Double opt-in (nothing is mailed before the owner of the address confirms), consent
 * recorded with its text version (Argentina's Ley 25.326), one-click unsubscribe on every mail (RFC 8058). The changes
 * come from the other features' events (reasoned response sent, round-table scheduled, draft circulated, commitment
 * published, monthly report accepted, evaluation published), written to the outbox in the transaction of the change,
 * so a crash neither loses nor repeats a mail. This implements the OGP Participation and Co-Creation Standard's
 * requirement to keep participants informed of how the process and their contributions move on.
 */
package org.cocrea.following;
