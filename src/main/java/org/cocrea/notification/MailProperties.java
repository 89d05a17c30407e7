package org.cocrea.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbox delivery settings ({@code cocrea.mail.*}).
 *
 * @param from            sender address; its domain is also the right-hand side of every Message-ID
 * @param maxAttempts     attempts before a row is marked FAILED (an SMTP failure and an interrupted delivery each
 *                        count as one)
 * @param firstRetryDelay delay after the first SMTP failure; doubled after each further failure (capped at 6 hours)
 * @param sendInterval    how often the sender job looks for due rows
 * @param batchSize       rows claimed together (one transaction); a run of the sender job takes batch after batch
 * @param claimLease      how long a sender may hold a claimed batch before handing its rows to SMTP and recording
 *                        their results; a row still SENDING after its lease belonged to a sender that stopped
 *                        (kill -9, crash) and is put back in the queue, to be sent again with the same Message-ID. The
 *                        rows of a batch not yet handed to SMTP when half the lease is left go back to the queue. Must
 *                        be well above the SMTP timeouts of one message ({@code spring.mail.properties.mail.smtp.*timeout})
 * @param maxRun          how long one run of the sender job goes on taking batches while rows are due, before it
 *                        hands the scheduler back to the other jobs until the next {@code sendInterval}
 * @param senders         senders delivering at once on one node, each with its own claims and SMTP connection
 *                        ({@code OutboxSender.drainWithAllSenders}); after a stop, at most one message per sender
 *                        arrives twice (with its same Message-ID)
 */
@ConfigurationProperties("cocrea.mail")
public record MailProperties(@DefaultValue("Cocrea <no-reply@cocrea.local>") String from,
        @DefaultValue("8") int maxAttempts, @DefaultValue("PT1M") Duration firstRetryDelay,
        @DefaultValue("PT10S") Duration sendInterval, @DefaultValue("100") int batchSize,
        @DefaultValue("PT5M") Duration claimLease, @DefaultValue("PT1M") Duration maxRun,
        @DefaultValue("1") int senders) {
}
