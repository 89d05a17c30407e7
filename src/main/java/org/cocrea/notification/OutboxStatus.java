package org.cocrea.notification;

/** Delivery state of an outbox row. */
public enum OutboxStatus {
    /** Waiting for its next attempt (or for an SMTP server to be configured). */
    PENDING,
    /** Claimed by one sender; being handed to the SMTP server. */
    SENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Gave up after the maximum attempts, or delivery was interrupted; staff may re-queue it. */
    FAILED
}
