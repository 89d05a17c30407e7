package org.cocrea.followup;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One monthly follow-up report of a commitment (one per commitment and month). */
@Entity
@Table(name = "follow_up_report")
public class FollowUpReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "commitment_id")
    private long commitmentId;
    private LocalDate period;
    @Enumerated(EnumType.STRING)
    private ReportStatus status;
    @Column(name = "due_date")
    private LocalDate dueDate;
    @Column(name = "submitted_by")
    private String submittedBy;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "reviewed_by")
    private String reviewedBy;
    @Column(name = "reviewed_at")
    private Instant reviewedAt;
    @Column(name = "review_reason")
    private String reviewReason;
    @Column(name = "accepted_at")
    private Instant acceptedAt;
    @Column(name = "process_instance_id")
    private String processInstanceId;

    protected FollowUpReport() {
    }

    FollowUpReport(long commitmentId, LocalDate period, LocalDate dueDate, String processInstanceId) {
        this.commitmentId = commitmentId;
        this.period = period;
        this.dueDate = dueDate;
        this.processInstanceId = processInstanceId;
        this.status = ReportStatus.REQUESTED;
    }

    void submit(String user, Instant at) {
        status = ReportStatus.SUBMITTED;
        submittedBy = user;
        submittedAt = at;
    }

    void accept(String reviewer, Instant at) {
        status = ReportStatus.ACCEPTED;
        reviewedBy = reviewer;
        reviewedAt = at;
        reviewReason = null;
        acceptedAt = at;
    }

    void requestChanges(String reviewer, Instant at, String reason, LocalDate newDueDate) {
        status = ReportStatus.CHANGES_REQUESTED;
        reviewedBy = reviewer;
        reviewedAt = at;
        reviewReason = reason;
        dueDate = newDueDate;
    }

    /** @return the database id */
    public Long getId() {
        return id;
    }

    public long getCommitmentId() {
        return commitmentId;
    }

    /** @return the first day of the reported month (Buenos Aires calendar) */
    public LocalDate getPeriod() {
        return period;
    }

    public ReportStatus getStatus() {
        return status;
    }

    /** @return the last day (Buenos Aires calendar) the area has to submit it */
    public LocalDate getDueDate() {
        return dueDate;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    /** @return why staff asked for more, or null */
    public String getReviewReason() {
        return reviewReason;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    /** @return whether the area may still change it (requested or sent back) */
    public boolean isOpenForArea() {
        return status == ReportStatus.REQUESTED || status == ReportStatus.CHANGES_REQUESTED;
    }
}
