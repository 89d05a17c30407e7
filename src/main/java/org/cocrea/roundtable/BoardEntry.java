package org.cocrea.roundtable;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of a round-table board, stored as a row (a board can grow past any process variable's size). */
@Entity
@Table(name = "board_entry")
public class BoardEntry {

    /** The two boards of a round-table. */
    public enum Board {
        /** Phase 1: participants' questions and comments on the proposals and their prioritisation. */
        QUESTIONS,
        /** Phase 2: answers to the OGP commitment-sheet questions. */
        COMMITMENT
    }

    /** The commitment-sheet questions of the phase 2 board (OGP action plan template). */
    public static final List<String> COMMITMENT_QUESTIONS = List.of("public-problem",
            "status-quo", "solution-ideas", "milestones", "stakeholders");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "round_table_id")
    private Long roundTableId;
    @Enumerated(EnumType.STRING)
    private Board board;
    private String question;
    private String text;
    @Column(name = "author_organization")
    private String authorOrganization;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "hidden_reason")
    private String hiddenReason;
    @Column(name = "hidden_at")
    private Instant hiddenAt;

    protected BoardEntry() {
    }

    BoardEntry(long roundTableId, Board board, String question, String text, String authorOrganization, Instant at) {
        this.roundTableId = roundTableId;
        this.board = board;
        this.question = question;
        this.text = text;
        this.authorOrganization = authorOrganization;
        this.createdAt = at;
    }

    public Long getId() {
        return id;
    }

    public Board getBoard() {
        return board;
    }

    /** @return the commitment-sheet question key (phase 2), null on the questions board */
    public String getQuestion() {
        return question;
    }

    /** @return the text as recorded; for the team only once hidden by moderation (see {@link #getPublicText}) */
    public String getText() {
        return text;
    }

    /** @return what the public may read: the text, or null when hidden by moderation (pages show the placeholder) */
    public String getPublicText() {
        return hiddenReason == null ? text : null;
    }

    /** @return the moderation team's reason for hiding it, or null when shown */
    public String getHiddenReason() {
        return hiddenReason;
    }

    /** @return when it was hidden by moderation, or null */
    public Instant getHiddenAt() {
        return hiddenAt;
    }

    void hide(String reason, Instant at) {
        this.hiddenReason = reason;
        this.hiddenAt = at;
    }

    Long getRoundTableId() {
        return roundTableId;
    }

    /** @return the author's organisation, or null for "anonymous" */
    public String getAuthorOrganization() {
        return authorOrganization;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
