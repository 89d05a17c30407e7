package org.cocrea.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.ByteArrayDataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.cocrea.kernel.InputText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job that delivers the outbox, at least once and never losing a mail, whatever moment the node is stopped at.
 * Every {@code cocrea.mail.send-interval} it takes the due rows one by one: it claims the row (a committed conditional
 * update with a lease of {@code cocrea.mail.claim-lease}, so two nodes never take the same row), hands it to SMTP over
 * the run's one connection and, as soon as the server answers, records the result in its own transaction: SENT, or a
 * retry with exponential backoff, or FAILED after {@code cocrea.mail.max-attempts}. A row still SENDING after its
 * lease belonged to a sender that stopped (kill -9, crash, lost database): it goes back to the queue, the interruption
 * counting as an attempt, and is sent again with the same {@code Message-ID} and {@code X-Cocrea-Outbox-Id}. So after
 * a stop at any moment no mail is lost, and at most the one message in flight (accepted by SMTP, result not yet
 * committed) arrives twice, with the same Message-ID for the receiver to drop. A failure never touches the process
 * that wrote the mail. With no SMTP host configured ({@code SMTP_HOST} empty, the embedded default) it does nothing
 * and mails stay readable on the staff outbox page.
 *
 * <p>Outcomes are counted for {@code /actuator/prometheus}: {@code cocrea_mail_sent_total} (accepted by SMTP) and
 * {@code cocrea_mail_failed_total} (a failed attempt; tag {@code final="true"} when the row was given up, FAILED,
 * {@code "false"} when it will be retried).
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);
    private static final int MAX_ERROR_LENGTH = 1000;
    static final String INTERRUPTED = "Entrega interrumpida: el envío se detuvo antes de registrar el resultado; se "
            + "reenvía con el mismo Message-ID / Delivery interrupted: the sender stopped before recording the result; "
            + "sent again with the same Message-ID";
    static final String INTERRUPTED_LAST_ATTEMPT = "Entrega interrumpida en el último intento: verifique si llegó "
            + "(Message-ID) antes de reencolar / Delivery interrupted on the last attempt: check whether it arrived "
            + "(Message-ID) before re-queuing";

    private final OutboxRepository repository;
    private final JavaMailSender mailSender;
    private final TransactionTemplate tx;
    private final MailProperties properties;
    private final Clock clock;
    private final String smtpHost;
    private final Counter sentMails;
    private final Counter retriedMails;
    private final Counter givenUpMails;

    OutboxSender(OutboxRepository repository, JavaMailSender mailSender, TransactionTemplate tx,
            MailProperties properties, Clock clock, @Value("${spring.mail.host:}") String smtpHost,
            MeterRegistry meters) {
        this.repository = repository;
        this.mailSender = mailSender;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
        this.smtpHost = smtpHost;
        this.sentMails = Counter.builder("cocrea.mail.sent").description("Mails accepted by the SMTP server")
                .register(meters);
        this.retriedMails = Counter.builder("cocrea.mail.failed").tag("final", "false")
                .description("Failed delivery attempts").register(meters);
        this.givenUpMails = Counter.builder("cocrea.mail.failed").tag("final", "true")
                .description("Failed delivery attempts").register(meters);
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
     * Returns the rows of stopped senders to the queue, then delivers the rows due now, at most
     * {@code cocrea.mail.batch-size}, recording each one's result as soon as the SMTP server answers.
     *
     * @return how many were accepted by the SMTP server
     * @throws org.springframework.dao.DataAccessException if the database fails; the row in hand, if any, stays
     *                                                     SENDING until its lease runs out and is then sent again
     */
    public int sendDue() {
        Instant now = clock.instant();
        returnExpiredClaims(now);
        List<Long> due = tx.execute(s -> repository.findDue(now, PageRequest.of(0, properties.batchSize())));
        int sent = 0;
        try (SmtpConnection smtp = new SmtpConnection(mailSender)) {
            for (Long id : due) {
                OutboxMessage message = claim(id);
                if (message != null && deliver(smtp, message)) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private void returnExpiredClaims(Instant now) {
        Instant claimedBefore = now.minus(properties.claimLease());
        int max = properties.maxAttempts();
        int[] counts = tx.execute(s -> new int[] {
                repository.requeueExpiredClaims(now, claimedBefore, max, INTERRUPTED),
                repository.failExpiredClaims(now, claimedBefore, max, INTERRUPTED_LAST_ATTEMPT)});
        if (counts[0] > 0) {
            log.warn("{} outbox rows were claimed by a sender that stopped before recording the result; "
                    + "back in the queue, to be sent again with the same Message-ID", counts[0]);
        }
        retriedMails.increment(counts[0]);
        givenUpMails.increment(counts[1]);
        if (counts[1] > 0) {
            log.warn("{} outbox rows were interrupted on their last attempt; marked FAILED for staff to check",
                    counts[1]);
        }
    }

    /** @return the row as claimed (its version is the claim), or null if another sender has it or it is gone */
    private OutboxMessage claim(long id) {
        return tx.execute(s -> {
            Instant at = clock.instant();
            if (repository.claim(id, at, at.plus(properties.claimLease())) == 0) {
                return null;
            }
            return repository.findById(id).orElse(null);
        });
    }

    /** @return whether the SMTP server accepted the message */
    private boolean deliver(SmtpConnection smtp, OutboxMessage message) {
        try {
            smtp.send(toMime(message));
        } catch (Exception e) {
            recordFailure(message, e.getClass().getSimpleName() + ": " + e.getMessage());
            return false;
        }
        // Accepted: commit that right away. A stop before this commit is the one case that sends a mail twice.
        tx.execute(s -> repository.markSent(message.getId(), clock.instant()));
        sentMails.increment();
        return true;
    }

    private void recordFailure(OutboxMessage message, String error) {
        int attempt = message.getAttempts() + 1;
        boolean giveUp = attempt >= properties.maxAttempts();
        Duration delay = properties.firstRetryDelay().multipliedBy(1L << Math.min(attempt - 1, 20));
        Instant next = clock.instant().plus(delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay);
        String text = InputText.cut(error, MAX_ERROR_LENGTH);
        Integer recorded = tx.execute(s -> repository.markFailed(message.getId(), message.getVersion(),
                giveUp ? OutboxStatus.FAILED : OutboxStatus.PENDING, text, next));
        if (recorded == null || recorded == 0) {
            log.warn("Mail {} to {} failed after its claim had expired; left to the sender that holds it now: {}",
                    message.getId(), message.getRecipient(), error);
            return;
        }
        (giveUp ? givenUpMails : retriedMails).increment();
        log.warn("Mail {} to {} failed (attempt {}{}): {}", message.getId(), message.getRecipient(), attempt,
                giveUp ? ", giving up" : "", error);
    }

    /**
     * @param attachmentType the stored attachment's MIME type
     * @return the iTIP method ({@code REQUEST}, {@code CANCEL}) of a {@code text/calendar} attachment, upper case, or
     *         null when the attachment is no calendar invitation or names no method
     */
    static String calendarMethod(String attachmentType) {
        if (attachmentType == null) {
            return null;
        }
        try {
            ContentType type = new ContentType(attachmentType);
            String method = type.getParameter("method");
            return type.match("text/calendar") && method != null && !method.isBlank()
                    ? method.strip().toUpperCase(Locale.ROOT) : null;
        } catch (ParseException e) {
            return null;
        }
    }

    /**
     * The body of a mail carrying a calendar invitation, laid out as the big calendar services send theirs, so that
     * Outlook and Gmail show the event with accept / decline (RFC 6047 section 2.4): {@code multipart/mixed} with a
     * {@code multipart/alternative} (the HTML text, then the same iCalendar object as
     * {@code text/calendar; method=...}) and the file as an {@code application/ics} attachment for clients that only
     * offer attachments.
     */
    private static MimeMultipart invitation(OutboxMessage message, String method) throws MessagingException {
        byte[] ics = message.getAttachmentContent().getBytes(StandardCharsets.UTF_8);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.getBodyHtml(), StandardCharsets.UTF_8.name(), "html");
        MimeBodyPart calendar = new MimeBodyPart();
        calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(ics,
                "text/calendar; charset=UTF-8; method=" + method)));
        calendar.setHeader("Content-Type", "text/calendar; charset=UTF-8; method=" + method);
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(html);
        alternative.addBodyPart(calendar);
        MimeBodyPart text = new MimeBodyPart();
        text.setContent(alternative);
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(ics, "application/ics")));
        file.setFileName(message.getAttachmentName());
        file.setDisposition(Part.ATTACHMENT);
        file.setHeader("Content-Type", "application/ics; name=\"" + message.getAttachmentName() + "\"");
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(text);
        mixed.addBodyPart(file);
        return mixed;
    }

    private MimeMessage toMime(OutboxMessage message) throws MessagingException {
        MimeMessage mime = mailSender.createMimeMessage();
        boolean attachment = message.getAttachmentName() != null;
        String method = attachment ? calendarMethod(message.getAttachmentType()) : null;
        MimeMessageHelper helper = new MimeMessageHelper(mime, attachment && method == null,
                StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(message.getRecipient());
        helper.setSubject(message.getSubject());
        if (method != null) {
            mime.setContent(invitation(message, method));
        } else {
            helper.setText(message.getBodyHtml(), true);
        }
        if (attachment && method == null) {
            helper.addAttachment(message.getAttachmentName(), new ByteArrayResource(
                    message.getAttachmentContent().getBytes(StandardCharsets.UTF_8)), message.getAttachmentType());
        }
        // Both stay the same on every delivery of the row, so a receiver can drop a second copy.
        mime.setHeader("Message-ID", message.getMessageId());
        mime.setHeader("X-Cocrea-Outbox-Id", String.valueOf(message.getId()));
        mime.setHeader("Content-Language", message.getLanguage());
        if (message.getListUnsubscribe() != null) {
            mime.setHeader("List-Unsubscribe", "<" + message.getListUnsubscribe() + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mime;
    }
}
