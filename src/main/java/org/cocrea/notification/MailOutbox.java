package org.cocrea.notification;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.cocrea.kernel.InsertIfAbsent;
import org.cocrea.kernel.InputText;
import org.cocrea.kernel.NotFoundException;
import org.cocrea.limits.AbuseLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.unbescape.html.HtmlEscape;

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
    private final JdbcTemplate jdbc;
    private final InsertIfAbsent insertIfAbsent;
    /**
     * Starts every placeholder of a personal value ({@link #enqueueAll(List, Set)}): letters and digits only (no
     * escaping changes them), random per node so that no text a person typed can contain one.
     */
    private final String placeholderPrefix = "cocrea" + UUID.randomUUID().toString().replace("-", "") + "x";

    MailOutbox(OutboxRepository repository, SpringTemplateEngine templates, MessageSource messages, Clock clock,
            @Value("${cocrea.public-base-url}") String baseUrl, AbuseLimits limits, MailProperties properties,
            JdbcTemplate jdbc, InsertIfAbsent insertIfAbsent) {
        this.limits = limits;
        this.insertIfAbsent = insertIfAbsent;
        this.jdbc = jdbc;
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
        return repository.save(render(mail));
    }

    /**
     * Like {@link #enqueue} for many mails at once (a mass mailing's batch): renders each and stores them all with one
     * statement, in the caller's transaction (on PostgreSQL one insert of arrays, on H2 a JDBC batch).
     *
     * @param mails what to send
     * @return the ids of the stored rows (status PENDING), in the order of {@code mails}
     * @throws org.springframework.transaction.IllegalTransactionStateException if called outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> enqueueAll(List<OutgoingMail> mails) {
        return enqueueAll(mails, Set.of());
    }

    /**
     * Like {@link #enqueueAll(List)} for mails that differ only in a few personal values (a mass mailing's greeting
     * and links): each distinct mail, the personal values aside, is rendered once by Thymeleaf with a placeholder in
     * place of each non-empty personal value, and every mail's body is that rendering with the placeholders replaced
     * by its values, HTML-escaped as {@code th:text} and {@code th:href} escape them
     * ({@code HtmlEscape.escapeHtml4Xml}, Thymeleaf 3.1's escaping of text and attributes in HTML templates). An empty
     * personal value is rendered as such (so the template's tests for {@code ''} hold). Renders 4 bodies for a batch
     * of an open call (two languages, with and without a name) instead of one per person.
     *
     * @param mails    what to send
     * @param personal names of model variables, each a String (or null) that the template only prints escaped
     *                 ({@code th:text}, {@code th:href}, or as an argument of a message printed so) or compares with
     *                 {@code ''}; the result is then the same as rendering every mail on its own
     *                 ({@code MailOutboxTests} holds that for {@code mail/call-for-participation})
     * @return the ids of the stored rows (status PENDING), in the order of {@code mails}
     * @throws org.springframework.transaction.IllegalTransactionStateException if called outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> enqueueAll(List<OutgoingMail> mails, Set<String> personal) {
        if (mails.isEmpty()) {
            return List.of();
        }
        Map<List<Object>, String> rendered = new HashMap<>();
        List<OutboxMessage> rows = mails.stream().map(m -> render(m, body(m, personal, rendered))).toList();
        return insertIfAbsent.isPostgres() ? insertAsArrays(rows) : insertAsBatch(rows);
    }

    /**
     * PostgreSQL: all rows in one statement, {@code insert ... select ... from unnest(...)}, one array per column (a
     * JDBC batch of single-row inserts costs the server an insert statement per row).
     *
     * @return the new rows' ids in the order of {@code rows}, matched through their Message-IDs (unique per row)
     */
    private List<Long> insertAsArrays(List<OutboxMessage> rows) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.execute((ConnectionCallback<Void>) con -> {
            try (PreparedStatement ps = con.prepareStatement("insert into mail_outbox (recipient, subject, "
                    + "body_html, kind, reference, language, status, attempts, next_attempt_at, message_id, "
                    + "created_at, list_unsubscribe, attachment_name, attachment_type, attachment_content, version) "
                    + "select v.r, v.s, v.b, v.k, v.ref, v.l, ?, 0, cast(v.na as timestamp with time zone), v.m, "
                    + "cast(v.ca as timestamp with time zone), v.lu, v.an, v.at, v.ac, 0 "
                    + "from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) with ordinality "
                    + "as v(r, s, b, k, ref, l, na, m, ca, lu, an, at, ac, n) order by v.n "
                    + "returning id, message_id")) {
                ps.setString(1, OutboxStatus.PENDING.name());
                ps.setArray(2, con.createArrayOf("varchar", column(rows, OutboxMessage::getRecipient)));
                ps.setArray(3, con.createArrayOf("varchar", column(rows, OutboxMessage::getSubject)));
                ps.setArray(4, con.createArrayOf("varchar", column(rows, OutboxMessage::getBodyHtml)));
                ps.setArray(5, con.createArrayOf("varchar", column(rows, OutboxMessage::getKind)));
                ps.setArray(6, con.createArrayOf("varchar", column(rows, OutboxMessage::getReference)));
                ps.setArray(7, con.createArrayOf("varchar", column(rows, OutboxMessage::getLanguage)));
                ps.setArray(8, con.createArrayOf("varchar", column(rows, m -> m.getNextAttemptAt().toString())));
                ps.setArray(9, con.createArrayOf("varchar", column(rows, OutboxMessage::getMessageId)));
                ps.setArray(10, con.createArrayOf("varchar", column(rows, m -> m.getCreatedAt().toString())));
                ps.setArray(11, con.createArrayOf("varchar", column(rows, OutboxMessage::getListUnsubscribe)));
                ps.setArray(12, con.createArrayOf("varchar", column(rows, OutboxMessage::getAttachmentName)));
                ps.setArray(13, con.createArrayOf("varchar", column(rows, OutboxMessage::getAttachmentType)));
                ps.setArray(14, con.createArrayOf("varchar", column(rows, OutboxMessage::getAttachmentContent)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.put(rs.getString(2), rs.getLong(1));
                    }
                }
            }
            return null;
        });
        if (ids.size() != rows.size()) {
            throw new IllegalStateException("stored " + ids.size() + " outbox rows of " + rows.size());
        }
        return rows.stream().map(m -> ids.get(m.getMessageId())).toList();
    }

    private static Object[] column(List<OutboxMessage> rows, Function<OutboxMessage, String> value) {
        return rows.stream().map(value).toArray();
    }

    /** H2 (the first-run demo): a JDBC batch of single-row inserts. @return the new ids in the order of rows */
    private List<Long> insertAsBatch(List<OutboxMessage> rows) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(c -> c.prepareStatement("insert into mail_outbox (recipient, subject, body_html, kind, "
                + "reference, language, status, attempts, next_attempt_at, message_id, created_at, list_unsubscribe, "
                + "attachment_name, attachment_type, attachment_content, version) "
                + "values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, 0)", new String[] {"id"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        OutboxMessage m = rows.get(i);
                        OffsetDateTime created = m.getCreatedAt().atOffset(ZoneOffset.UTC);
                        ps.setString(1, m.getRecipient());
                        ps.setString(2, m.getSubject());
                        ps.setString(3, m.getBodyHtml());
                        ps.setString(4, m.getKind());
                        ps.setString(5, m.getReference());
                        ps.setString(6, m.getLanguage());
                        ps.setString(7, OutboxStatus.PENDING.name());
                        ps.setObject(8, m.getNextAttemptAt().atOffset(ZoneOffset.UTC));
                        ps.setString(9, m.getMessageId());
                        ps.setObject(10, created);
                        ps.setString(11, m.getListUnsubscribe());
                        ps.setString(12, m.getAttachmentName());
                        ps.setString(13, m.getAttachmentType());
                        ps.setString(14, m.getAttachmentContent());
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                }, keys);
        return keys.getKeyList().stream().map(k -> ((Number) k.values().iterator().next()).longValue()).toList();
    }

    /**
     * @param rendered the bodies rendered so far with placeholders, by template, locale and model (personal values
     *                 replaced by their placeholders)
     * @return the mail's body: rendered with placeholders once per distinct mail, then the values put in
     */
    private String body(OutgoingMail mail, Set<String> personal, Map<List<Object>, String> rendered) {
        if (personal.isEmpty()) {
            return process(mail.template(), mail.locale(), mail.model());
        }
        Map<String, Object> model = new HashMap<>(mail.model());
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : personal) {
            if (model.get(name) instanceof String value && !value.isEmpty()) {
                String placeholder = placeholderPrefix + name + "x";
                values.put(placeholder, HtmlEscape.escapeHtml4Xml(value));
                model.put(name, placeholder);
            }
        }
        String body = rendered.computeIfAbsent(List.of(mail.template(), mail.locale(), model),
                k -> process(mail.template(), mail.locale(), model));
        for (Map.Entry<String, String> v : values.entrySet()) {
            body = body.replace(v.getKey(), v.getValue());
        }
        return body;
    }

    private String process(String template, Locale locale, Map<String, Object> model) {
        Context context = new Context(locale);
        context.setVariables(model);
        context.setVariable("baseUrl", baseUrl);
        return templates.process(template, context);
    }

    private OutboxMessage render(OutgoingMail mail) {
        return render(mail, process(mail.template(), mail.locale(), mail.model()));
    }

    private OutboxMessage render(OutgoingMail mail, String body) {
        String subject = messages.getMessage(mail.subjectKey(), mail.subjectArgs(), mail.locale());
        subject = InputText.abbreviate(subject, 300, "...");
        Instant now = clock.instant();
        OutboxMessage message = new OutboxMessage(mail.recipient(), subject, body, mail.kind(), mail.reference(),
                mail.locale().getLanguage(), mail.listUnsubscribe(), "<" + UUID.randomUUID() + "@" + messageIdDomain + ">",
                now);
        message.attach(mail.attachment());
        return message;
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
