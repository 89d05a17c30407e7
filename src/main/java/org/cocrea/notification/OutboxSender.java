package org.cocrea.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailSendException;
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
        // Claim each row in its own committed update (two nodes never take the same row), then hand the whole batch
        // to SMTP over one connection.
        Map<MimeMessage, Long> batch = new LinkedHashMap<>();
        Map<Long, String> errors = new HashMap<>();
        for (Long id : due) {
            Integer won = tx.execute(s -> repository.claim(id, clock.instant()));
            if (won == null || won == 0) {
                continue;
            }
            OutboxMessage message = repository.findById(id).orElseThrow();
            try {
                batch.put(toMime(message), id);
            } catch (Exception e) {
                errors.put(id, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        if (!batch.isEmpty()) {
            try {
                mailSender.send(batch.keySet().toArray(new MimeMessage[0]));
            } catch (MailSendException e) {
                Map<Object, Exception> failed = e.getFailedMessages();
                if (failed.isEmpty()) {
                    batch.values().forEach(id -> errors.put(id, describe(e)));
                } else {
                    failed.forEach((mime, ex) -> {
                        Long id = batch.get(mime);
                        if (id != null) {
                            errors.put(id, describe(ex));
                        }
                    });
                }
            } catch (Exception e) {
                batch.values().forEach(id -> errors.put(id, describe(e)));
            }
        }
        int sent = 0;
        List<Long> handled = new ArrayList<>(batch.values());
        handled.addAll(errors.keySet().stream().filter(id -> !batch.containsValue(id)).toList());
        for (Long id : handled) {
            String error = errors.get(id);
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

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private MimeMessage toMime(OutboxMessage message) throws jakarta.mail.MessagingException {
        MimeMessage mime = mailSender.createMimeMessage();
        boolean attachment = message.getAttachmentName() != null;
        MimeMessageHelper helper = new MimeMessageHelper(mime, attachment, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(message.getRecipient());
        helper.setSubject(message.getSubject());
        helper.setText(message.getBodyHtml(), true);
        if (attachment) {
            helper.addAttachment(message.getAttachmentName(), new org.springframework.core.io.ByteArrayResource(
                    message.getAttachmentContent().getBytes(StandardCharsets.UTF_8)), message.getAttachmentType());
        }
        mime.setHeader("X-Cocrea-Outbox-Id", String.valueOf(message.getId()));
        mime.setHeader("Content-Language", message.getLanguage());
        if (message.getListUnsubscribe() != null) {
            mime.setHeader("List-Unsubscribe", "<" + message.getListUnsubscribe() + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mime;
    }
}
