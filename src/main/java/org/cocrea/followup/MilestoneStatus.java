package org.cocrea.followup;

/** Progress status of a milestone (columns {@code milestone.status} and {@code milestone_progress.status}). */
public enum MilestoneStatus {
    /** Work has not begun. */
    NOT_STARTED,
    /** Under way, on schedule. */
    IN_PROGRESS,
    /** Done; no longer asked about. */
    COMPLETED,
    /** Under way or not started, behind schedule. */
    DELAYED
}
