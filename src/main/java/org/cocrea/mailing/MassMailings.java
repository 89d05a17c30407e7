package org.cocrea.mailing;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.InputText;
import org.cocrea.kernel.InsertIfAbsent;
import org.cocrea.kernel.NotFoundException;
import org.cocrea.notification.MailOutbox;
import org.cocrea.notification.OutgoingMail;
import org.cocrea.participant.Addressee;
import org.cocrea.participant.Contacts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mass mailings: prepares the recipient list of a call for participation (consenting, subscribed, not erased; of the
 * call's topic if it has one), then queues it in batches. Each batch writes its mails to the outbox and marks its
 * recipients QUEUED in one transaction, so a batch that fails or a node that stops leaves no half-done work: the
 * batch is retried and nobody is lost or mailed twice. Every mail carries the person's one-click unsubscribe link.
 */
@Service
public class MassMailings {

    static final int SUBJECT_MAX = 300;
    static final int BODY_MAX = 3900;
    /** The model variables of {@code mail/call-for-participation} that differ from person to person. */
    static final Set<String> PERSONAL = Set.of("name", "unsubscribeLink", "myDataLink");
    private static final Pattern LINK = Pattern.compile("^https?://[^\\s<>\"]{1,490}$");

    private final MailingRepository mailings;
    private final JdbcTemplate jdbc;
    private final Contacts contacts;
    private final MailOutbox outbox;
    private final Clock clock;
    private final String baseUrl;
    private final InsertIfAbsent insertIfAbsent;

    MassMailings(MailingRepository mailings, JdbcTemplate jdbc, Contacts contacts, MailOutbox outbox, Clock clock,
            @Value("${cocrea.public-base-url}") String baseUrl, InsertIfAbsent insertIfAbsent) {
        this.insertIfAbsent = insertIfAbsent;
        this.mailings = mailings;
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.outbox = outbox;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /**
     * @param draft the call as written
     * @return the problems, each with a bundle key {@code mailing.refusal.*} (fields {@code subjectEs}, {@code bodyEs},
     *         {@code subjectEn}, {@code bodyEn}, {@code link}, {@code topic}); empty when valid
     */
    public List<FieldProblem> validate(MailingDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        text(problems, "subjectEs", draft.subjectEs(), SUBJECT_MAX);
        text(problems, "bodyEs", draft.bodyEs(), BODY_MAX);
        text(problems, "subjectEn", draft.subjectEn(), SUBJECT_MAX);
        text(problems, "bodyEn", draft.bodyEn(), BODY_MAX);
        if (draft.link() == null || !LINK.matcher(draft.link().strip()).matches()) {
            problems.add(FieldProblem.of("link", "mailing.refusal.link"));
        }
        if (draft.topic() != null && !draft.topic().isBlank() && !contacts.topics().contains(draft.topic())) {
            problems.add(FieldProblem.of("topic", "mailing.refusal.topic", draft.topic()));
        }
        return problems;
    }

    private static void text(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "mailing.refusal." + field + ".required"));
        } else if (InputText.exceeds(value.strip(), max)) {
            problems.add(FieldProblem.of(field, "mailing.refusal." + field + ".tooLong", max));
        }
    }

    /**
     * Stores the call and selects its recipients (one row each, status PENDING) in one statement.
     *
     * @param draft             the call, valid ({@link #validate})
     * @param processInstanceId the call-for-participation process instance
     * @param createdBy         staff user id, may be null
     * @return the stored mailing
     * @throws InputRefusedException when the draft is invalid (the problems of {@link #validate})
     */
    @Transactional
    public Mailing prepare(MailingDraft draft, String processInstanceId, String createdBy) {
        List<FieldProblem> problems = validate(draft);
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        String topic = draft.topic() == null || draft.topic().isBlank() ? null : draft.topic();
        Mailing mailing = mailings.save(new Mailing(new MailingDraft(draft.subjectEs().strip(), draft.bodyEs().strip(),
                draft.subjectEn().strip(), draft.bodyEn().strip(), topic, draft.link().strip()), processInstanceId,
                createdBy, clock.instant()));
        mailings.flush();
        String sql = "insert into mailing_recipient (mailing_id, contact_id, status) select ?, c.id, 'PENDING' "
                + "from contact c where c.subscribed = true and c.consent_at is not null and c.erased_at is null";
        if (topic == null) {
            jdbc.update(sql, mailing.getId());
        } else {
            jdbc.update(sql + " and exists (select 1 from contact_topic t where t.contact_id = c.id and t.topic = ?)",
                    mailing.getId(), topic);
        }
        return mailing;
    }

    /**
     * Writes the next batch of the call to the outbox, in one transaction: the mails with one insert, the
     * recipients' new states with one update per state (the QUEUED ones on H2 as a JDBC batch). The recipients are
     * read and locked as {@link Addressee}s, without their axes and topics.
     *
     * @param mailingId the mailing
     * @param batchSize how many recipients at most
     * @return how many recipients are still PENDING after this batch
     */
    @Transactional
    public long queueNextBatch(long mailingId, int batchSize) {
        Mailing mailing = get(mailingId);
        // One batch of a mailing at a time: a second transaction on the same mailing (a job whose lock expired, a
        // second node) waits here and then sees the first one's recipients QUEUED, instead of mailing them again.
        jdbc.queryForList("select id from mailing where id = ? for update", Long.class, mailingId);
        List<Long> ids = jdbc.queryForList("select contact_id from mailing_recipient where mailing_id = ? "
                + "and status = 'PENDING' order by contact_id limit ?", Long.class, mailingId, batchSize);
        Map<Long, Addressee> batch = contacts.addressees(ids);
        List<Long> skipped = new ArrayList<>();
        List<Long> queued = new ArrayList<>();
        List<OutgoingMail> mails = new ArrayList<>();
        for (Long contactId : ids) {
            Addressee c = batch.get(contactId);
            if (c == null || !c.mayBeMailed()) {
                skipped.add(contactId);
                continue;
            }
            boolean english = "en".equals(c.language());
            Locale locale = english ? Locale.ENGLISH : Locale.forLanguageTag("es");
            String unsubscribe = baseUrl + "/unsubscribe/" + c.token();
            mails.add(new OutgoingMail(c.email(), locale, "mail/call-for-participation",
                    "mail.callForParticipation.subject", new Object[] {english ? mailing.getSubjectEn()
                            : mailing.getSubjectEs()},
                    Map.of("name", c.name() == null ? "" : c.name(),
                            "body", english ? mailing.getBodyEn() : mailing.getBodyEs(), "link", mailing.getLink(),
                            "unsubscribeLink", unsubscribe, "myDataLink", baseUrl + "/my-data/" + c.token()),
                    "call-for-participation", "mailing-" + mailingId, unsubscribe));
            queued.add(contactId);
        }
        List<Long> outboxIds = outbox.enqueueAll(mails, PERSONAL);
        // one statement per state, the ids as arrays (a JDBC batch costs the server an update statement per row)
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("update mailing_recipient set status = 'SKIPPED' "
                    + "where mailing_id = ? and contact_id = any(?) and status = 'PENDING'");
            ps.setLong(1, mailingId);
            ps.setArray(2, con.createArrayOf("bigint", skipped.toArray()));
            return ps;
        });
        if (insertIfAbsent.isPostgres()) {
            jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement("update mailing_recipient r set status = 'QUEUED', "
                        + "outbox_id = v.o from unnest(?, ?) as v(c, o) where r.mailing_id = ? and r.contact_id = v.c "
                        + "and r.status = 'PENDING'");
                ps.setArray(1, con.createArrayOf("bigint", queued.toArray()));
                ps.setArray(2, con.createArrayOf("bigint", outboxIds.toArray()));
                ps.setLong(3, mailingId);
                return ps;
            });
        } else {
            // H2 has no update ... from: a JDBC batch, one row each
            List<Object[]> links = new ArrayList<>();
            for (int i = 0; i < queued.size(); i++) {
                links.add(new Object[] {outboxIds.get(i), mailingId, queued.get(i)});
            }
            jdbc.batchUpdate("update mailing_recipient set status = 'QUEUED', outbox_id = ? where mailing_id = ? "
                    + "and contact_id = ? and status = 'PENDING'", links);
        }
        return left(mailingId);
    }

    private long left(long mailingId) {
        Long left = jdbc.queryForObject("select count(*) from mailing_recipient where mailing_id = ? "
                + "and status = 'PENDING'", Long.class, mailingId);
        return left == null ? 0 : left;
    }

    /**
     * @param mailingId the mailing
     * @return counts of recipients by stage
     */
    @Transactional(readOnly = true)
    public MailingProgress progress(long mailingId) {
        Map<String, Object> row = jdbc.queryForMap("select count(*) as total, "
                + "coalesce(sum(case when r.status = 'PENDING' then 1 else 0 end), 0) as left_count, "
                + "coalesce(sum(case when r.status = 'SKIPPED' or (r.status = 'QUEUED' and o.id is null) then 1 else 0 "
                + "end), 0) as skipped, "
                + "coalesce(sum(case when o.status = 'SENT' then 1 else 0 end), 0) as sent, "
                + "coalesce(sum(case when o.status = 'FAILED' then 1 else 0 end), 0) as failed, "
                + "coalesce(sum(case when o.status in ('PENDING', 'SENDING') then 1 else 0 end), 0) as queued "
                + "from mailing_recipient r left join mail_outbox o on o.id = r.outbox_id where r.mailing_id = ?",
                mailingId);
        return new MailingProgress(number(row, "total"), number(row, "left_count"), number(row, "queued"),
                number(row, "sent"), number(row, "failed"), number(row, "skipped"));
    }

    private static long number(Map<String, Object> row, String key) {
        Object v = row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key)).findFirst()
                .map(Map.Entry::getValue).orElse(0);
        return ((Number) v).longValue();
    }

    /**
     * Writes the short text staff post on social networks: the Spanish subject, the link and the hashtag, at most
     * 280 characters (the strictest common limit).
     *
     * @param mailingId the mailing
     * @return the text
     */
    @Transactional
    public String socialText(long mailingId) {
        Mailing m = get(mailingId);
        String suffix = " " + m.getLink() + " #GobiernoAbierto";
        String subject = m.getSubjectEs();
        subject = InputText.abbreviate(subject, Math.max(1, 280 - InputText.length(suffix)), "…");
        String text = subject + suffix;
        m.setSocialText(text);
        return text;
    }

    /**
     * @param mailingId id
     * @return the mailing
     * @throws NotFoundException if unknown
     */
    @Transactional(readOnly = true)
    public Mailing get(long mailingId) {
        return mailings.findById(mailingId).orElseThrow(() -> new NotFoundException("mailing", mailingId));
    }

    /** @return the 50 newest mailings */
    @Transactional(readOnly = true)
    public List<Mailing> latest() {
        return mailings.findTop50ByOrderByIdDesc();
    }
}
