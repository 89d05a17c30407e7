package org.cocrea.commitment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The text a draft comment had before one edit by its author: kept for the record, never public. */
@Entity
@Table(name = "draft_comment_revision")
class DraftCommentRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "comment_id")
    private long commentId;
    private String body;
    @Column(name = "replaced_at")
    private Instant replacedAt;

    protected DraftCommentRevision() {
    }

    DraftCommentRevision(long commentId, String body, Instant replacedAt) {
        this.commentId = commentId;
        this.body = body;
        this.replacedAt = replacedAt;
    }

    long getCommentId() {
        return commentId;
    }

    String getBody() {
        return body;
    }

    Instant getReplacedAt() {
        return replacedAt;
    }
}
