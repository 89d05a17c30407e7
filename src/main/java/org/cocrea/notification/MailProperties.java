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
 * @param batchSize       rows per run of the sender job
 * @param claimLease      how long a sender may hold one claimed row before handing it to SMTP and recording the
 *                        result; a row still SENDING after its lease belonged to a sender that stopped (kill -9,
 *                        crash) and is put back in the queue, to be sent again with the same Message-ID. Must be well
 *                        above the SMTP timeouts of one message ({@code spring.mail.properties.mail.smtp.*timeout})
 */
@ConfigurationProperties("cocrea.mail")
public record MailProperties(@DefaultValue("Cocrea <no-reply@cocrea.local>") String from,
        @DefaultValue("8") int maxAttempts, @DefaultValue("PT1M") Duration firstRetryDelay,
        @DefaultValue("PT10S") Duration sendInterval, @DefaultValue("25") int batchSize,
        @DefaultValue("PT5M") Duration claimLease) {
}
