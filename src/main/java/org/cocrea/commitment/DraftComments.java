package org.cocrea.commitment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.Languages;
import org.cocrea.kernel.NotFoundException;
import org.cocrea.kernel.PrivateTokens;
import org.cocrea.notification.EmailAddresses;
import org.cocrea.notification.MailOutbox;
import org.cocrea.notification.OutgoingMail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Public comments on a circulating draft and the team's reasoned answers, for {@link CommitmentSheets}. */
@Component
class DraftComments {

    private final DraftCommentRepository comments;
    private final DraftCirculation circulation;
    private final MailOutbox outbox;
    private final Clock clock;
    private final String baseUrl;

    DraftComments(DraftCommentRepository comments, DraftCirculation circulation, MailOutbox outbox, Clock clock,
            @Value("${cocrea.public-base-url}") String baseUrl) {
        this.baseUrl = baseUrl;
        this.comments = comments;
        this.circulation = circulation;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** See {@link CommitmentSheets#comment}. */
    DraftComment comment(Commitment c, String section, String name, String organization, String email,
            boolean consent, String body) {
        if (c.getStatus() != Commitment.Status.CIRCULATING || c.getCommentDeadline() == null
                || !clock.instant().isBefore(c.getCommentDeadline())) {
            throw InputRefusedException.of("deadline", "comment.error.closed");
        }
        List<FieldProblem> p = new ArrayList<>();
        try {
            CommitmentSheet.Section.of(section);
        } catch (IllegalArgumentException e) {
            p.add(FieldProblem.of("section", "comment.error.section"));
        }
        SheetRules.required(p, "name", name, 200);
        SheetRules.optional(p, "organization", organization, 300);
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (!EmailAddresses.isValid(address)) {
            p.add(FieldProblem.of("email", "comment.error.email"));
        }
        if (!consent) {
            p.add(FieldProblem.of("consent", "comment.error.consent"));
        }
        SheetRules.required(p, "body", body, CommitmentSheets.MAX_TEXT);
        if (!p.isEmpty()) {
            throw new InputRefusedException(p);
        }
        DraftComment saved = comments.save(new DraftComment(c.getId(), c.getVersion(), section, name.strip(),
                organization == null || organization.isBlank() ? null : organization.strip(), address, body.strip(),
                clock.instant(), PrivateTokens.next()));
        confirm(c, saved);
        return saved;
    }

    /**
     * Mails the commenter a copy of the comment and the private link to edit or withdraw it until the deadline
     * ({@code mail/draft-comment-received}, capped per address by {@code cocrea.limits.confirmation-mail}).
     */
    private void confirm(Commitment c, DraftComment k) {
        Locale locale = Languages.supported(LocaleContextHolder.getLocale());
        Map<String, Object> model = circulation.model(c, k.getAuthorName());
        model.put("body", k.getBody());
        model.put("authorLink", baseUrl + "/drafts/comments/" + k.getAuthorToken());
        outbox.enqueueConfirmation(new OutgoingMail(k.getEmail(), locale, "mail/draft-comment-received",
                "moderation.mail.received.subject", new Object[] {c.getTitleEs()}, model, "draft-comment-received",
                "commitment-" + c.getId()));
    }


    /** See {@link CommitmentSheets#commentsBySection}. */
    Map<CommitmentSheet.Section, List<DraftComment>> bySection(long id) {
        Map<CommitmentSheet.Section, List<DraftComment>> out = new LinkedHashMap<>();
        for (CommitmentSheet.Section s : CommitmentSheet.Section.values()) {
            out.put(s, new ArrayList<>());
        }
        comments.findByCommitmentIdOrderByIdAsc(id)
                .forEach(k -> out.get(CommitmentSheet.Section.of(k.getSection())).add(k));
        return out;
    }

    /** @return how many comments of the commitment have no answer yet (withdrawn ones need none) */
    long unanswered(long id) {
        return comments.countByCommitmentIdAndAnswerIsNullAndWithdrawnAtIsNull(id);
    }

    /** @return the comment, or the 404 of an unknown one */
    DraftComment find(long commentId) {
        return comments.findById(commentId).orElseThrow(() -> new NotFoundException("comment", commentId));
    }

    /** See {@link CommitmentSheets#answer}. */
    void answer(DraftComment comment, Commitment c, String answer, String reason, String by) {
        List<FieldProblem> p = new ArrayList<>();
        if (c.getStatus() != Commitment.Status.CONSOLIDATING) {
            p.add(FieldProblem.of("status", "comment.error.notConsolidating"));
        }
        DraftComment.Answer value = null;
        try {
            value = DraftComment.Answer.valueOf(answer == null ? "" : answer);
        } catch (IllegalArgumentException e) {
            p.add(FieldProblem.of("answer", "comment.error.answer"));
        }
        SheetRules.required(p, "reason", reason, CommitmentSheets.MAX_TEXT);
        if (!p.isEmpty()) {
            throw new InputRefusedException(p);
        }
        comment.answer(value, reason.strip(), by, clock.instant());
    }

    /** See {@link CommitmentSheets#finishConsolidation}. */
    int finishConsolidation(Commitment c) {
        long id = c.getId();
        if (unanswered(id) > 0) {
            throw InputRefusedException.of("comments", "comment.error.unanswered");
        }
        Map<String, DraftComment> commenters = new LinkedHashMap<>();
        comments.findByCommitmentIdOrderByIdAsc(id).stream().filter(k -> k.getWithdrawnAt() == null)
                .forEach(k -> commenters.putIfAbsent(k.getEmail(), k));
        for (DraftComment k : commenters.values()) {
            outbox.enqueue(new OutgoingMail(k.getEmail(), Locale.forLanguageTag("es"), "mail/draft-answers",
                    "mail.draftAnswers.subject", new Object[] {c.getTitleEs()}, circulation.model(c, k.getAuthorName()),
                    "draft-answers", "commitment-" + id));
        }
        return commenters.size();
    }
}
