package org.cocrea.followup;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A milestone of the action plan as the follow-up sees it: the commitment feature owns the row (title, dates); this
 * feature owns its state as of the last accepted report ({@code status}, {@code percent_complete},
 * {@code last_report_id}, added by V20 for the follow-up and read by the public dashboard).
 */
@Entity
@Table(name = "milestone")
class TrackedMilestone {

    @Id
    private Long id;
    @Column(name = "commitment_id", insertable = false, updatable = false)
    private long commitmentId;
    @Column(insertable = false, updatable = false)
    private int position;
    @Column(insertable = false, updatable = false)
    private String title;
    @Column(name = "end_date", insertable = false, updatable = false)
    private LocalDate endDate;
    @Enumerated(EnumType.STRING)
    private MilestoneStatus status;
    @Column(name = "percent_complete")
    private int percentComplete;
    @Column(name = "last_report_id")
    private Long lastReportId;

    protected TrackedMilestone() {
    }

    void record(MilestoneStatus status, int percentComplete, long reportId) {
        this.status = status;
        this.percentComplete = percentComplete;
        this.lastReportId = reportId;
    }

    Long getId() {
        return id;
    }

    long getCommitmentId() {
        return commitmentId;
    }

    int getPosition() {
        return position;
    }

    String getTitle() {
        return title;
    }

    LocalDate getEndDate() {
        return endDate;
    }

    MilestoneStatus getStatus() {
        return status;
    }

    int getPercentComplete() {
        return percentComplete;
    }

    Long getLastReportId() {
        return lastReportId;
    }

    boolean isCompleted() {
        return status == MilestoneStatus.COMPLETED;
    }
}
