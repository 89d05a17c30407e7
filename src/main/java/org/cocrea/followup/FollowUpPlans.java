package org.cocrea.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.cocrea.CocreaApplication;
import org.cocrea.commitment.PublishedCommitments;
import org.cocrea.kernel.NotFoundException;
import org.springframework.stereotype.Component;

/** The follow-up plans: which commitments are followed, their plan, and the monthly report requests. */
@Component
class FollowUpPlans {

    static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);
    /** A report is due at this time of its due date (Buenos Aires). */
    private static final LocalTime DUE_TIME = LocalTime.of(23, 59);

    private final ReportRepository reports;
    private final TrackedMilestoneRepository milestones;
    private final PublishedCommitments commitments;
    private final FollowUpProperties properties;

    FollowUpPlans(ReportRepository reports, TrackedMilestoneRepository milestones,
            PublishedCommitments commitments, FollowUpProperties properties) {
        this.reports = reports;
        this.milestones = milestones;
        this.commitments = commitments;
        this.properties = properties;
    }

    FollowUps.Plan plan(long commitmentId) {
        PublishedCommitments.Summary c = commitment(commitmentId);
        if (!c.published() || c.leadAreaGroup() == null) {
            throw new IllegalStateException("Commitment " + commitmentId + " is not published with a lead area");
        }
        return new FollowUps.Plan(c.id(), c.code(), c.title("es"), c.leadAreaGroup(),
                c.startDate().atStartOfDay(ZONE).toInstant(),
                c.endDate().plusDays(1).atStartOfDay(ZONE).toInstant(), allMilestonesCompleted(commitmentId));
    }

    List<Long> followable() {
        return commitments.withLeadArea();
    }

    Optional<Long> commitmentId(String code) {
        return commitments.summaryOfCode(code).map(PublishedCommitments.Summary::id);
    }

    boolean allMilestonesCompleted(long commitmentId) {
        return milestones.findByCommitmentIdOrderByPositionAsc(commitmentId).stream()
                .allMatch(TrackedMilestone::isCompleted);
    }

    FollowUps.Request request(long commitmentId, Instant at, String processInstanceId) {
        LocalDate period = FollowUpSchedule.period(at);
        // The commitment's existence and the month's report in one statement: this runs for every commitment when the
        // monthly timers fire together.
        List<Object[]> month = reports.findMonthOf(commitmentId, period);
        if (month.isEmpty()) {
            throw new NotFoundException("commitment", commitmentId);
        }
        Object[] row = month.get(0);
        if (row[1] != null) {
            return new FollowUps.Request(((Number) row[1]).longValue(), period, dueAt(localDate(row[2])), false);
        }
        LocalDate due = at.atZone(ZONE).toLocalDate().plusDays(properties.dueDays());
        // save, not saveAndFlush: the identity key makes Hibernate insert at once, so the id is known here.
        FollowUpReport report = reports.save(new FollowUpReport(commitmentId, period, due, processInstanceId));
        return new FollowUps.Request(report.getId(), period, dueAt(due), true);
    }

    private static LocalDate localDate(Object column) {
        return column instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) column;
    }

    /** @return 23:59 of the due date, Buenos Aires */
    static Instant dueAt(LocalDate due) {
        return due.atTime(DUE_TIME).atZone(ZONE).toInstant();
    }

    /** @return the due date {@code dueDays} after the date of {@code now} in Buenos Aires */
    LocalDate dueDate(Instant now) {
        return now.atZone(ZONE).toLocalDate().plusDays(properties.dueDays());
    }

    FollowUpReport report(long reportId) {
        return reports.findById(reportId).orElseThrow(() -> new NotFoundException("report", reportId));
    }

    /** The report, locked for the rest of the transaction. */
    FollowUpReport lockedReport(long reportId) {
        return reports.lockById(reportId).orElseThrow(() -> new NotFoundException("report", reportId));
    }

    List<FollowUpReport> reportsOf(long commitmentId) {
        return reports.findByCommitmentIdOrderByPeriodAsc(commitmentId);
    }

    PublishedCommitments.Summary commitment(long commitmentId) {
        return commitments.summary(commitmentId)
                .orElseThrow(() -> new NotFoundException("commitment", commitmentId));
    }

    List<TrackedMilestone> milestonesOf(long commitmentId) {
        return milestones.findByCommitmentIdOrderByPositionAsc(commitmentId);
    }

    /** @return the milestones not completed as of the accepted reports, in order */
    List<TrackedMilestone> openMilestones(long commitmentId) {
        return milestones.findByCommitmentIdOrderByPositionAsc(commitmentId).stream().filter(m -> !m.isCompleted())
                .toList();
    }
}
