package org.cocrea.notification;

/** Delivery state of an outbox row. */
public enum OutboxStatus {
    /** Waiting for its next attempt (or for an SMTP server to be configured). */
    PENDING,
    /**
     * Claimed by one sender until its lease ({@code cocrea.mail.claim-lease}); being handed to the SMTP server. Still
     * SENDING after the lease means the sender stopped: the row goes back to PENDING and is sent again.
     */
    SENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /**
     * Gave up after {@code cocrea.mail.max-attempts} (SMTP failures, or interruptions, each counting one); staff see
     * it on the outbox page and in health, and may re-queue it.
     */
    FAILED
}
