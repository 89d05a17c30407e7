package org.cocrea.notification;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.cocrea.kernel.InputText;
import org.cocrea.kernel.NotFoundException;
import org.cocrea.limits.AbuseLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The transactional outbox: renders a mail from its Thymeleaf template and stores it in the caller's transaction.
 * If the caller rolls back, the mail is gone too; if it commits, {@link OutboxSender} delivers it later.
 */
@Service
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final OutboxRepository repository;
    private final SpringTemplateEngine templates;
    private final MessageSource messages;
    private final Clock clock;
    private final String baseUrl;
    private final AbuseLimits limits;
    private final String messageIdDomain;

    MailOutbox(OutboxRepository repository, SpringTemplateEngine templates, MessageSource messages, Clock clock,
            @Value("${cocrea.public-base-url}") String baseUrl, AbuseLimits limits, MailProperties properties) {
        this.limits = limits;
        this.repository = repository;
        this.templates = templates;
        this.messages = messages;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.messageIdDomain = domainOf(properties.from());
    }

    /**
     * Renders and stores a mail. Must run inside the transaction of the step that causes it. Templates also get
     * {@code baseUrl}, the public address of Cocrea ({@code cocrea.public-base-url}).
     *
     * @param mail what to send
     * @return the stored outbox row, status PENDING, with its own Message-ID ({@code <random UUID@domain of
     *         cocrea.mail.from>}) that every delivery of the row carries
     * @throws org.springframework.transaction.IllegalTransactionStateException if called outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public OutboxMessage enqueue(OutgoingMail mail) {
        Context context = new Context(mail.locale());
        context.setVariables(mail.model());
        context.setVariable("baseUrl", baseUrl);
        String body = templates.process(mail.template(), context);
        String subject = messages.getMessage(mail.subjectKey(), mail.subjectArgs(), mail.locale());
        subject = InputText.abbreviate(subject, 300, "...");
        OutboxMessage message = new OutboxMessage(mail.recipient(), subject, body, mail.kind(), mail.reference(),
                mail.locale().getLanguage(), mail.listUnsubscribe(), "<" + UUID.randomUUID() + "@" + messageIdDomain + ">",
                clock.instant());
        message.attach(mail.attachment());
        return repository.save(message);
    }

    /**
     * Like {@link #enqueue}, for a confirmation mailed to an address that an anonymous visitor typed into a public form
     * (proposal received, subscription link, round-table registration): at most
     * {@code cocrea.limits.confirmation-mail.<kind>} of its kind per recipient are queued. The excess is not stored and
     * the caller answers as usual, so the page says nothing about the address and the victim of a flood gets a few
     * mails, not hundreds.
     *
     * @param mail what to send; {@link OutgoingMail#kind()} selects the cap
     * @return the stored row (status PENDING), or empty when the cap dropped it
     * @throws org.springframework.transaction.IllegalTransactionStateException if called outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<OutboxMessage> enqueueConfirmation(OutgoingMail mail) {
        if (!limits.allowConfirmation(mail.kind(), mail.recipient())) {
            log.info("Not queued: a {} mail{} (cocrea.limits.confirmation-mail cap for its recipient reached)",
                    mail.kind(), mail.reference() == null ? "" : " about " + mail.reference());
            return Optional.empty();
        }
        return Optional.of(enqueue(mail));
    }

    /** @return the 200 newest rows, newest first */
    @Transactional(readOnly = true)
    public List<OutboxMessage> latest() {
        return repository.findTop200ByOrderByIdDesc();
    }

    /**
     * @param id row id
     * @return the row, if any
     */
    @Transactional(readOnly = true)
    public Optional<OutboxMessage> find(long id) {
        return repository.findById(id);
    }

    /**
     * @param recipient e-mail address, compared ignoring case
     * @return every mail written to that address, oldest first
     */
    @Transactional(readOnly = true)
    public List<OutboxMessage> to(String recipient) {
        return repository.findByRecipientIgnoreCaseOrderByIdAsc(recipient);
    }

    /**
     * Forgets every mail written to an address (erasure of personal data, Ley 25.326).
     *
     * @param recipient e-mail address, compared ignoring case
     * @return how many rows were deleted
     */
    @Transactional
    public int forgetRecipient(String recipient) {
        List<OutboxMessage> rows = repository.findByRecipientIgnoreCaseOrderByIdAsc(recipient);
        repository.deleteAll(rows);
        return rows.size();
    }

    /**
     * @param status a delivery state
     * @return how many rows are in it
     */
    @Transactional(readOnly = true)
    public long count(OutboxStatus status) {
        return repository.countByStatus(status);
    }

    /**
     * Puts a FAILED row back in the queue (staff decided it did not arrive).
     *
     * @param id row id
     * @throws NotFoundException       if there is no such row
     * @throws IllegalArgumentException if it is not FAILED
     */
    @Transactional
    public void requeue(long id) {
        OutboxMessage message = repository.findById(id)
                .orElseThrow(() -> new NotFoundException("outbox message", id));
        if (message.getStatus() != OutboxStatus.FAILED) {
            throw new IllegalArgumentException("Only FAILED rows can be re-queued");
        }
        message.requeue(clock.instant());
    }

    /** The domain of the sender address, for Message-IDs (RFC 5322 section 3.6.4); {@code cocrea.local} if none. */
    private static String domainOf(String from) {
        try {
            String address = new InternetAddress(from).getAddress();
            int at = address == null ? -1 : address.lastIndexOf('@');
            if (at >= 0 && at < address.length() - 1) {
                return address.substring(at + 1);
            }
        } catch (AddressException e) {
            // a broken MAIL_FROM fails at send time with a clear error; the Message-ID only needs a stable domain
        }
        return "cocrea.local";
    }
}
