package org.cocrea.commitment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cocrea.commitment.CommitmentSheets.Recipient;
import org.cocrea.forum.Forum;
import org.cocrea.forum.ForumMember;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.notification.EmailAddresses;
import org.cocrea.notification.MailOutbox;
import org.cocrea.notification.OutgoingMail;
import org.cocrea.participant.Contacts;
import org.cocrea.roundtable.Registration;
import org.cocrea.roundtable.RoundTables;
import org.cocrea.kernel.Dates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Circulates a draft for public comment: its recipients, the mails, the comment window; for {@link CommitmentSheets}.
 */
@Component
class DraftCirculation {

    private final SheetRules rules;
    private final SheetVersions sheets;
    private final DraftCommentRepository comments;
    private final RoundTables roundTables;
    private final Contacts contacts;
    private final MailOutbox outbox;
    private final Dates dates;
    private final Forum forum;
    private final Clock clock;
    private final String baseUrl;
    private final ApplicationEventPublisher events;

    DraftCirculation(SheetRules rules, SheetVersions sheets, DraftCommentRepository comments,
            RoundTables roundTables, Contacts contacts, MailOutbox outbox, Dates dates,
            Forum forum, Clock clock, @Value("${cocrea.public-base-url}") String baseUrl,
            ApplicationEventPublisher events) {
        this.events = events;
        this.rules = rules;
        this.sheets = sheets;
        this.comments = comments;
        this.roundTables = roundTables;
        this.contacts = contacts;
        this.outbox = outbox;
        this.dates = dates;
        this.forum = forum;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** See {@link CommitmentSheets#circulationRecipients}. */
    List<Recipient> recipients(Commitment c) {
        Map<String, Recipient> out = new LinkedHashMap<>();
        if (c.getRoundTableId() != null) {
            for (Registration r : roundTables.registrations(c.getRoundTableId())) {
                if (r.getStatus() == Registration.Status.REGISTERED) {
                    add(out, r.getEmail(), r.getName(), r.getLanguage(), null);
                }
            }
        }
        // the forum's current members (term covers today, Buenos Aires), not past or future ones
        for (ForumMember m : forum.currentMembers()) {
            add(out, m.getEmail(), m.getRepresentative(), null, null);
        }
        if (c.getAxis() != null) {
            contacts.mailableOfAxis(c.getAxis()).forEach(k -> add(out, k.getEmail(), k.getName(), k.getLanguage(),
                    k.getToken()));
        }
        return new ArrayList<>(out.values());
    }

    /** See {@link CommitmentSheets#circulate}. */
    Instant circulate(Commitment c, Duration window) {
        List<FieldProblem> problems = new ArrayList<>(rules.validate(sheets.sheetOf(c)));
        if (c.getStatus() != Commitment.Status.DRAFT) {
            problems.add(FieldProblem.of("status", "sheet.error.notDraft"));
        }
        if (window == null || window.compareTo(Duration.ofHours(1)) < 0
                || window.compareTo(CommitmentSheets.MAX_WINDOW) > 0) {
            problems.add(FieldProblem.of("commentWindow", "sheet.error.window"));
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        Instant deadline = clock.instant().plus(window);
        c.startCirculation(deadline);
        mailAll(c, "mail.draftCirculated", "draft-circulated");
        events.publishEvent(new DraftCirculated(c.getId(), deadline));
        return deadline;
    }

    /** See {@link CommitmentSheets#remindCommenters}. */
    int remindCommenters(Commitment c) {
        if (c.getStatus() != Commitment.Status.CIRCULATING || !clock.instant().isBefore(c.getCommentDeadline())) {
            return 0;
        }
        return mailAll(c, "mail.draftReminder", "draft-reminder");
    }

    /** See {@link CommitmentSheets#closeComments}. */
    long closeComments(Commitment c) {
        if (c.getStatus() == Commitment.Status.CIRCULATING) {
            c.closeComments();
        }
        return comments.countByCommitmentId(c.getId());
    }

    /** Mails every recipient with {@code mail/draft-circulated}: subject {@code <keys>.subject}, text {@code <keys>.body}. */
    private int mailAll(Commitment c, String keys, String kind) {
        String template = "mail/draft-circulated";
        String subject = keys + ".subject";
        List<Recipient> recipients = recipients(c);
        for (Recipient r : recipients) {
            Locale locale = "en".equals(r.language()) ? Locale.ENGLISH : Locale.forLanguageTag("es");
            Map<String, Object> model = model(c, r.name());
            model.put("bodyKey", keys + ".body");
            // Subscribers (mailed because of the directory) get the one-click unsubscribe link and header.
            String unsubscribe = r.token() == null ? null : baseUrl + "/unsubscribe/" + r.token();
            model.put("unsubscribeLink", unsubscribe == null ? "" : unsubscribe);
            model.put("myDataLink", r.token() == null ? "" : baseUrl + "/my-data/" + r.token());
            outbox.enqueue(new OutgoingMail(r.email(), locale, template, subject, new Object[] {c.getTitleEs()},
                    model, kind, "commitment-" + c.getId(), unsubscribe));
        }
        return recipients.size();
    }

    /** The model of the draft's mails: the reader's name, the title, the deadline and the commitment's id. */
    Map<String, Object> model(Commitment c, String name) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", name == null ? "" : name);
        model.put("title", c.getTitleEs());
        model.put("deadline", dates.format(c.getCommentDeadline()));
        model.put("commitmentId", c.getId());
        return model;
    }

    private static void add(Map<String, Recipient> out, String email, String name, String language, String token) {
        if (email == null) {
            return;
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        if (EmailAddresses.isValid(address)) {
            out.putIfAbsent(address, new Recipient(address, name, language, token));
        }
    }
}
