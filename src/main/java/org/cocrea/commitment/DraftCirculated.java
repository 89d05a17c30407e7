package org.cocrea.commitment;

import java.time.Instant;

/**
 * A draft commitment was published on {@code /drafts/{id}} for public comment (OGP Participation and Co-Creation
 * Standard, requirement 5: drafts shared for comment before the plan is final). Published in the transaction that
 * starts the circulation.
 *
 * @param commitmentId the commitment's database id (the draft page's id)
 * @param deadline     end of the comment window
 */
public record DraftCirculated(long commitmentId, Instant deadline) {
}
