package org.cocrea.commitment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.NotFoundException;
import org.cocrea.kernel.PrivateTokens;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the author of a draft comment may do through the private link of the confirmation mail
 * ({@code /drafts/comments/{token}}): edit the text or withdraw the comment, while the draft's comment window is open
 * (status CIRCULATING and before the deadline, America/Argentina/Buenos_Aires). An edit keeps the previous text in
 * {@link DraftCommentRevision} (never public); a withdrawn comment leaves the placeholder "withdrawn by its author".
 * A comment hidden by moderation can be withdrawn but not edited (the team's decision stands).
 */
@Component
class DraftCommentAuthors {

    private final DraftCommentRepository comments;
    private final DraftCommentRevisionRepository revisions;
    private final CommitmentSheets sheets;
    private final Clock clock;

    DraftCommentAuthors(DraftCommentRepository comments, DraftCommentRevisionRepository revisions,
            CommitmentSheets sheets, Clock clock) {
        this.comments = comments;
        this.revisions = revisions;
        this.sheets = sheets;
        this.clock = clock;
    }

    /**
     * @param token the private token of the mail's link
     * @return the comment
     * @throws NotFoundException when no comment has that token (404)
     */
    @Transactional(readOnly = true)
    public DraftComment byToken(String token) {
        if (!PrivateTokens.wellFormed(token)) {
            throw new NotFoundException("comment-token", "?");
        }
        return comments.findByAuthorToken(token).orElseThrow(() -> new NotFoundException("comment-token", "?"));
    }

    /**
     * @param comment a comment
     * @return whether its author may still change it: the draft circulates, the deadline has not passed and the
     *         comment was not withdrawn
     */
    @Transactional(readOnly = true)
    public boolean open(DraftComment comment) {
        Commitment c = sheets.get(comment.getCommitmentId());
        return comment.getWithdrawnAt() == null && c.getStatus() == Commitment.Status.CIRCULATING
                && c.getCommentDeadline() != null && clock.instant().isBefore(c.getCommentDeadline());
    }

    /**
     * Replaces the text, keeping the previous one in the comment's history.
     *
     * @param token the private token
     * @param body  the new text (required, at most {@link CommitmentSheets#MAX_TEXT} characters)
     * @throws NotFoundException     bad token
     * @throws InputRefusedException {@code deadline} ({@code comment.error.closed}) after the window,
     *                               {@code status} when hidden by moderation or withdrawn, {@code body} invalid;
     *                               nothing changed
     */
    @Transactional
    public void edit(String token, String body) {
        DraftComment k = byToken(token);
        refuseWhenClosed(k);
        List<FieldProblem> p = new ArrayList<>();
        if (k.getHiddenReason() != null) {
            p.add(FieldProblem.of("status", "moderation.author.error.hidden"));
        }
        SheetRules.required(p, "body", body, CommitmentSheets.MAX_TEXT);
        if (!p.isEmpty()) {
            throw new InputRefusedException(p);
        }
        String clean = body.strip();
        if (!clean.equals(k.getBody())) {
            revisions.save(new DraftCommentRevision(k.getId(), k.getBody(), clock.instant()));
            k.edit(clean, clock.instant());
        }
    }

    /**
     * Withdraws the comment: the public page shows "withdrawn by its author" in its place.
     *
     * @param token the private token
     * @throws NotFoundException     bad token
     * @throws InputRefusedException {@code deadline} after the window or once withdrawn; nothing changed
     */
    @Transactional
    public void withdraw(String token) {
        DraftComment k = byToken(token);
        refuseWhenClosed(k);
        k.withdraw(clock.instant());
    }

    /** @return the texts the comment had before each edit, oldest first (the team's record) */
    @Transactional(readOnly = true)
    public List<String> previousTexts(long commentId) {
        return revisions.findByCommentIdOrderByIdAsc(commentId).stream().map(DraftCommentRevision::getBody).toList();
    }

    private void refuseWhenClosed(DraftComment k) {
        if (!open(k)) {
            throw InputRefusedException.of("deadline", "comment.error.closed");
        }
    }
}
