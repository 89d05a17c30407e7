package org.cocrea.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbox delivery settings ({@code cocrea.mail.*}).
 *
 * @param from            sender address
 * @param maxAttempts     attempts before a row is marked FAILED
 * @param firstRetryDelay delay after the first failure; doubled after each further failure (capped at 6 hours)
 * @param sendInterval    how often the sender job looks for due rows
 * @param batchSize       rows per run of the sender job
 * @param staleClaimAfter a row claimed longer ago than this without a result is marked FAILED (never resent
 *                        automatically, so a mail is never sent twice)
 */
@ConfigurationProperties("cocrea.mail")
public record MailProperties(@DefaultValue("Cocrea <no-reply@cocrea.local>") String from,
        @DefaultValue("8") int maxAttempts, @DefaultValue("PT1M") Duration firstRetryDelay,
        @DefaultValue("PT10S") Duration sendInterval, @DefaultValue("25") int batchSize,
        @DefaultValue("PT15M") Duration staleClaimAfter) {
}
