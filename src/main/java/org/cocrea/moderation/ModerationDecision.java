package org.cocrea.moderation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A logged staff decision on a reported item: hide or keep, why, who and when. Never changed once written. */
@Entity
@Table(name = "moderation_decision")
public class ModerationDecision {

    /** What the team decided. */
    public enum Outcome {
        /** The item is replaced by the placeholder with the reason. */
        HIDE,
        /** The item stays as it is; its reports leave the queue. */
        KEEP
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(name = "item_kind")
    private ModeratedKind kind;
    @Column(name = "item_id")
    private long itemId;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    private String reason;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;

    protected ModerationDecision() {
    }

    ModerationDecision(ModeratedKind kind, long itemId, Outcome outcome, String reason, String by, Instant at) {
        this.kind = kind;
        this.itemId = itemId;
        this.outcome = outcome;
        this.reason = reason;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    public Long getId() {
        return id;
    }

    public ModeratedKind getKind() {
        return kind;
    }

    public long getItemId() {
        return itemId;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getReason() {
        return reason;
    }

    /** @return the staff user id who decided */
    public String getDecidedBy() {
        return decidedBy;
    }

    /** @return when (an instant; shown in America/Argentina/Buenos_Aires) */
    public Instant getDecidedAt() {
        return decidedAt;
    }
}
