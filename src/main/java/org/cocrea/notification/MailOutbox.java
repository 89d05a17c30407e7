package org.cocrea.notification;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

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

    private final OutboxRepository repository;
    private final SpringTemplateEngine templates;
    private final MessageSource messages;
    private final Clock clock;
    private final String baseUrl;

    MailOutbox(OutboxRepository repository, SpringTemplateEngine templates, MessageSource messages, Clock clock,
            @Value("${cocrea.public-base-url}") String baseUrl) {
        this.repository = repository;
        this.templates = templates;
        this.messages = messages;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /**
     * Renders and stores a mail. Must run inside the transaction of the step that causes it. Templates also get
     * {@code baseUrl}, the public address of Cocrea ({@code cocrea.public-base-url}).
     *
     * @param mail what to send
     * @return the stored outbox row, status PENDING
     * @throws org.springframework.transaction.IllegalTransactionStateException if called outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public OutboxMessage enqueue(OutgoingMail mail) {
        Context context = new Context(mail.locale());
        context.setVariables(mail.model());
        context.setVariable("baseUrl", baseUrl);
        String body = templates.process(mail.template(), context);
        String subject = messages.getMessage(mail.subjectKey(), mail.subjectArgs(), mail.locale());
        subject = org.cocrea.web.InputText.abbreviate(subject, 300, "...");
        OutboxMessage message = new OutboxMessage(mail.recipient(), subject, body, mail.kind(), mail.reference(),
                mail.locale().getLanguage(), mail.listUnsubscribe(), clock.instant());
        message.attach(mail.attachment());
        return repository.save(message);
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
     * @throws IllegalArgumentException if there is no such row or it is not FAILED
     */
    @Transactional
    public void requeue(long id) {
        OutboxMessage message = repository.findById(id)
                .orElseThrow(() -> new IllegalArgumentException("No outbox row " + id));
        if (message.getStatus() != OutboxStatus.FAILED) {
            throw new IllegalArgumentException("Only FAILED rows can be re-queued");
        }
        message.requeue(clock.instant());
    }
}
