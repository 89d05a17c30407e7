package org.cocrea.followup;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The independent monitoring body's evaluation of an ended commitment (public on the dashboard). */
@Entity
@Table(name = "monitoring_evaluation")
public class MonitoringEvaluation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "commitment_id")
    private long commitmentId;
    @Enumerated(EnumType.STRING)
    @Column(name = "completion_level")
    private CompletionLevel completionLevel;
    @Enumerated(EnumType.STRING)
    @Column(name = "opened_government")
    private OpenedGovernment openedGovernment;
    private boolean verifiable;
    private boolean relevant;
    private String notes;
    @Column(name = "evaluated_by")
    private String evaluatedBy;
    @Column(name = "evaluated_at")
    private Instant evaluatedAt;

    protected MonitoringEvaluation() {
    }

    MonitoringEvaluation(long commitmentId) {
        this.commitmentId = commitmentId;
    }

    void set(CompletionLevel level, OpenedGovernment opened, boolean verifiable, boolean relevant, String notes,
            String by, Instant at) {
        this.completionLevel = level;
        this.openedGovernment = opened;
        this.verifiable = verifiable;
        this.relevant = relevant;
        this.notes = notes;
        this.evaluatedBy = by;
        this.evaluatedAt = at;
    }

    public Long getId() {
        return id;
    }

    public long getCommitmentId() {
        return commitmentId;
    }

    public CompletionLevel getCompletionLevel() {
        return completionLevel;
    }

    public OpenedGovernment getOpenedGovernment() {
        return openedGovernment;
    }

    public boolean isVerifiable() {
        return verifiable;
    }

    public boolean isRelevant() {
        return relevant;
    }

    public String getNotes() {
        return notes;
    }

    public String getEvaluatedBy() {
        return evaluatedBy;
    }

    public Instant getEvaluatedAt() {
        return evaluatedAt;
    }
}
