package org.cocrea.commitment;

import java.time.Instant;
import java.util.Optional;

import org.cocrea.moderation.ModeratedItem;
import org.cocrea.moderation.ModeratedItems;
import org.cocrea.moderation.ModeratedKind;
import org.springframework.stereotype.Component;

/**
 * Draft comments as moderation sees them ({@link ModeratedKind#DRAFT_COMMENT}): only comments of drafts the public
 * can read; hiding sets the placeholder reason on the comment.
 */
@Component
class DraftCommentModeration implements ModeratedItems {

    private final DraftCommentRepository comments;
    private final CommitmentRepository commitments;

    DraftCommentModeration(DraftCommentRepository comments, CommitmentRepository commitments) {
        this.comments = comments;
        this.commitments = commitments;
    }

    @Override
    public ModeratedKind kind() {
        return ModeratedKind.DRAFT_COMMENT;
    }

    @Override
    public Optional<ModeratedItem> find(long id) {
        return comments.findById(id)
                .filter(k -> commitments.findById(k.getCommitmentId())
                        .filter(c -> c.getStatus() != Commitment.Status.DRAFT).isPresent())
                .map(k -> new ModeratedItem(kind(), id, k.getBody(),
                        "/drafts/" + k.getCommitmentId() + "#comment-" + id, k.getHiddenReason() != null,
                        k.getWithdrawnAt() != null));
    }

    @Override
    public void hide(long id, String reason, Instant at) {
        comments.findById(id).ifPresent(k -> k.hide(reason, at));
    }
}
