package org.cocrea.mailing;

/**
 * Where a call for participation stands.
 *
 * @param recipients people selected when the call was prepared
 * @param left       not yet written to the outbox
 * @param queued     written to the outbox, waiting for SMTP
 * @param sent       accepted by the SMTP server
 * @param failed     given up after retries (or interrupted mid-delivery), for staff to check
 * @param skipped    unsubscribed or erased after the call was prepared (never mailed), or erased after their mail
 *                   was written (the mail was deleted with their data)
 */
public record MailingProgress(long recipients, long left, long queued, long sent, long failed, long skipped) {

    /** @return whether every recipient has been written to the outbox or skipped */
    public boolean allQueued() {
        return left == 0;
    }
}
