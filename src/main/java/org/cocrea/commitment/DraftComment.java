package org.cocrea.commitment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A public comment on one section of a circulated draft, and the team's reasoned answer to it. */
@Entity
@Table(name = "draft_comment")
public class DraftComment {

    /** The team's answer (OGP reasoned response). */
    public enum Answer {
        ACCEPTED,
        PARTIALLY_ACCEPTED,
        NOT_ACCEPTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "commitment_id")
    private Long commitmentId;
    private int version;
    private String section;
    @Column(name = "author_name")
    private String authorName;
    private String organization;
    private String email;
    private String body;
    @Column(name = "created_at")
    private Instant createdAt;
    @Enumerated(EnumType.STRING)
    private Answer answer;
    @Column(name = "answer_reason")
    private String answerReason;
    @Column(name = "answered_by")
    private String answeredBy;
    @Column(name = "answered_at")
    private Instant answeredAt;
    @Column(name = "hidden_reason")
    private String hiddenReason;
    @Column(name = "hidden_at")
    private Instant hiddenAt;
    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;
    @Column(name = "edited_at")
    private Instant editedAt;
    @Column(name = "author_token")
    private String authorToken;

    protected DraftComment() {
    }

    DraftComment(long commitmentId, int version, String section, String authorName, String organization, String email,
            String body, Instant createdAt, String authorToken) {
        this.authorToken = authorToken;
        this.commitmentId = commitmentId;
        this.version = version;
        this.section = section;
        this.authorName = authorName;
        this.organization = organization;
        this.email = email;
        this.body = body;
        this.createdAt = createdAt;
    }

    void answer(Answer value, String reason, String by, Instant at) {
        this.answer = value;
        this.answerReason = reason;
        this.answeredBy = by;
        this.answeredAt = at;
    }

    void hide(String reason, Instant at) {
        this.hiddenReason = reason;
        this.hiddenAt = at;
    }

    void withdraw(Instant at) {
        this.withdrawnAt = at;
    }

    void edit(String newBody, Instant at) {
        this.body = newBody;
        this.editedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getCommitmentId() {
        return commitmentId;
    }

    /** @return the sheet version the comment was made on */
    public int getVersion() {
        return version;
    }

    /** @return the section id ({@link CommitmentSheet.Section#id()}) */
    public String getSection() {
        return section;
    }

    public String getAuthorName() {
        return authorName;
    }

    public String getOrganization() {
        return organization;
    }

    /** @return the commenter's address (never shown publicly) */
    public String getEmail() {
        return email;
    }

    /** @return the text as written (or last edited) by the author; for the team only once hidden or withdrawn */
    public String getBody() {
        return body;
    }

    /**
     * @return what the public may read: the text, or null when the comment is hidden by moderation or withdrawn by its
     *         author (pages show the placeholder instead)
     */
    public String getPublicBody() {
        return hiddenReason != null || withdrawnAt != null ? null : body;
    }

    /** @return the moderation team's reason for hiding it, or null when shown */
    public String getHiddenReason() {
        return hiddenReason;
    }

    /** @return when it was hidden by moderation, or null */
    public Instant getHiddenAt() {
        return hiddenAt;
    }

    /** @return when its author withdrew it, or null */
    public Instant getWithdrawnAt() {
        return withdrawnAt;
    }

    /** @return when its author last edited it, or null when never edited */
    public Instant getEditedAt() {
        return editedAt;
    }

    /** @return the private token of the author's edit link (mailed, never shown on a page) */
    String getAuthorToken() {
        return authorToken;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** @return the answer, or null while unanswered */
    public Answer getAnswer() {
        return answer;
    }

    public String getAnswerReason() {
        return answerReason;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }
}
