package org.cocrea.followup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What a report says about one milestone. */
@Entity
@Table(name = "milestone_progress")
public class MilestoneProgress {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "report_id")
    private long reportId;
    @Column(name = "milestone_id")
    private long milestoneId;
    @Enumerated(EnumType.STRING)
    private MilestoneStatus status;
    @Column(name = "percent_complete")
    private int percentComplete;
    @Column(name = "work_done")
    private String workDone;
    @Column(name = "next_steps")
    private String nextSteps;

    protected MilestoneProgress() {
    }

    MilestoneProgress(long reportId, long milestoneId, MilestoneStatus status, int percentComplete, String workDone,
            String nextSteps) {
        this.reportId = reportId;
        this.milestoneId = milestoneId;
        this.status = status;
        this.percentComplete = percentComplete;
        this.workDone = workDone;
        this.nextSteps = nextSteps;
    }

    public Long getId() {
        return id;
    }

    public long getReportId() {
        return reportId;
    }

    public long getMilestoneId() {
        return milestoneId;
    }

    public MilestoneStatus getStatus() {
        return status;
    }

    /** @return 0-100 */
    public int getPercentComplete() {
        return percentComplete;
    }

    public String getWorkDone() {
        return workDone;
    }

    public String getNextSteps() {
        return nextSteps;
    }
}
