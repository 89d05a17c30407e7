package org.cocrea.followup;

/** Life cycle of a monthly follow-up report (column {@code follow_up_report.status}). */
public enum ReportStatus {
    /** Asked of the lead area, not yet submitted. */
    REQUESTED,
    /** Submitted by the area, waiting for the staff review. */
    SUBMITTED,
    /** Staff asked for more; back with the area. */
    CHANGES_REQUESTED,
    /** Accepted by staff: public, and the milestones carry its state. */
    ACCEPTED
}
