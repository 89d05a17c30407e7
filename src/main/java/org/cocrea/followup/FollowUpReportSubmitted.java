package org.cocrea.followup;

/**
 * Published when the lead area submitted a monthly report on its page ({@code /follow-up/reports/{id}}) rather than
 * through the Tasklist form; the workflow completes the report's task so the team's review follows.
 *
 * @param reportId the report
 * @param user     who submitted it
 */
public record FollowUpReportSubmitted(long reportId, String user) {
}
