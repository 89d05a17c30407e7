package org.cocrea.followup;

import java.time.LocalDate;

/**
 * The open-government team accepted a monthly follow-up report: it is public on the dashboard and its milestones'
 * progress is recorded. Published in the transaction that accepts it.
 *
 * @param reportId     the report
 * @param commitmentId the published commitment it reports on
 * @param period       the month reported on (its first day)
 */
public record FollowUpReportAccepted(long reportId, long commitmentId, LocalDate period) {
}
