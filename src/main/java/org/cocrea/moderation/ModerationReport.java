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

/** One person's report of an item as abusive, open until a decision on the item closes it. */
@Entity
@Table(name = "moderation_report")
class ModerationReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(name = "item_kind")
    private ModeratedKind kind;
    @Column(name = "item_id")
    private long itemId;
    private String reason;
    @Column(name = "reported_at")
    private Instant reportedAt;
    @Column(name = "decision_id")
    private Long decisionId;

    protected ModerationReport() {
    }

    ModerationReport(ModeratedKind kind, long itemId, String reason, Instant at) {
        this.kind = kind;
        this.itemId = itemId;
        this.reason = reason;
        this.reportedAt = at;
    }

    void close(long decision) {
        this.decisionId = decision;
    }

    Long getId() {
        return id;
    }

    ModeratedKind getKind() {
        return kind;
    }

    long getItemId() {
        return itemId;
    }

    String getReason() {
        return reason;
    }

    Instant getReportedAt() {
        return reportedAt;
    }

    Long getDecisionId() {
        return decisionId;
    }
}
