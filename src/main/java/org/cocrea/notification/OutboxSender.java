package org.cocrea.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job that delivers the outbox: every {@code cocrea.mail.send-interval} it claims due rows one by one (a claim is
 * a committed conditional update, so two nodes never take the same row), hands each to SMTP and records the result.
 * A failure retries with exponential backoff and never touches the process that wrote the mail. With no SMTP host
 * configured ({@code SMTP_HOST} empty, the embedded default) it does nothing and mails stay readable on the staff
 * outbox page.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);

    private final OutboxRepository repository;
    private final JavaMailSender mailSender;
    private final TransactionTemplate tx;
    private final MailProperties properties;
    private final Clock clock;
    private final String smtpHost;

    OutboxSender(OutboxRepository repository, JavaMailSender mailSender, TransactionTemplate tx,
            MailProperties properties, Clock clock, @Value("${spring.mail.host:}") String smtpHost) {
        this.repository = repository;
        this.mailSender = mailSender;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
        this.smtpHost = smtpHost;
    }

    /** @return whether an SMTP server is configured */
    public boolean smtpConfigured() {
        return smtpHost != null && !smtpHost.isBlank();
    }

    @Scheduled(initialDelayString = "${cocrea.mail.send-interval:PT10S}", fixedDelayString = "${cocrea.mail.send-interval:PT10S}")
    void scheduledRun() {
        if (smtpConfigured()) {
            sendDue();
        }
    }

    /**
     * Delivers the rows due now, at most {@code cocrea.mail.batch-size}.
     *
     * @return how many were accepted by the SMTP server
     */
    public int sendDue() {
        Instant now = clock.instant();
        Integer stale = tx.execute(s -> repository.failStaleClaims(now.minus(properties.staleClaimAfter())));
        if (stale != null && stale > 0) {
            log.warn("{} outbox rows were claimed but never confirmed; marked FAILED for staff to check", stale);
        }
        List<Long> due = tx.execute(s -> repository.findDue(now, PageRequest.of(0, properties.batchSize())));
        int sent = 0;
        for (Long id : due) {
            Integer won = tx.execute(s -> repository.claim(id, clock.instant()));
            if (won == null || won == 0) {
                continue;
            }
            OutboxMessage message = repository.findById(id).orElseThrow();
            String error = deliver(message);
            tx.executeWithoutResult(s -> {
                OutboxMessage m = repository.findById(id).orElseThrow();
                if (error == null) {
                    m.sent(clock.instant());
                } else {
                    int attempt = m.getAttempts() + 1;
                    boolean giveUp = attempt >= properties.maxAttempts();
                    Duration delay = properties.firstRetryDelay().multipliedBy(1L << Math.min(attempt - 1, 20));
                    m.failed(error, clock.instant().plus(delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay), giveUp);
                    log.warn("Mail {} to {} failed (attempt {}{}): {}", id, m.getRecipient(), attempt,
                            giveUp ? ", giving up" : "", error);
                }
            });
            if (error == null) {
                sent++;
            }
        }
        return sent;
    }

    private String deliver(OutboxMessage message) {
        try {
            MimeMessage mime = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(message.getRecipient());
            helper.setSubject(message.getSubject());
            helper.setText(message.getBodyHtml(), true);
            mime.setHeader("X-Cocrea-Outbox-Id", String.valueOf(message.getId()));
            mime.setHeader("Content-Language", message.getLanguage());
            if (message.getListUnsubscribe() != null) {
                mime.setHeader("List-Unsubscribe", "<" + message.getListUnsubscribe() + ">");
                mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            mailSender.send(mime);
            return null;
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
