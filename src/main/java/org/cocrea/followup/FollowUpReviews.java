package org.cocrea.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.cocrea.kernel.InputText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The staff review of a submitted report: accept it (public, milestones updated) or ask the area for more. */
@Component
class FollowUpReviews {

    private final FollowUpPlans plans;
    private final ReportRepository reports;
    private final ProgressRepository progress;
    private final TrackedMilestoneRepository milestones;
    private final FollowUpTexts texts;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    FollowUpReviews(FollowUpPlans plans, ReportRepository reports, ProgressRepository progress,
            TrackedMilestoneRepository milestones, FollowUpTexts texts, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.plans = plans;
        this.reports = reports;
        this.progress = progress;
        this.milestones = milestones;
        this.texts = texts;
        this.clock = clock;
    }

    boolean accept(long reportId, String reviewer) {
        FollowUpReport report = plans.lockedReport(reportId);
        if (report.getStatus() != ReportStatus.SUBMITTED) {
            texts.refuse("report", "notSubmitted", report.getStatus().name());
        }
        report.accept(reviewer, clock.instant());
        for (MilestoneProgress p : progress.findByReportId(reportId)) {
            TrackedMilestone m = milestones.findById(p.getMilestoneId()).orElseThrow();
            LocalDate last = m.getLastReportId() == null ? null
                    : reports.findById(m.getLastReportId()).map(FollowUpReport::getPeriod).orElse(null);
            if (last == null || !last.isAfter(report.getPeriod())) {
                m.record(p.getStatus(), p.getPercentComplete(), reportId);
            }
        }
        milestones.flush();
        events.publishEvent(new FollowUpReportAccepted(reportId, report.getCommitmentId(), report.getPeriod()));
        return plans.allMilestonesCompleted(report.getCommitmentId());
    }

    Instant requestChanges(long reportId, String reviewer, String reason) {
        FollowUpReport report = plans.lockedReport(reportId);
        FollowUpTexts.Problems problems = texts.problems();
        if (report.getStatus() != ReportStatus.SUBMITTED) {
            problems.add("report", "notSubmitted", report.getStatus().name());
        }
        String r = reason == null || reason.trim().isEmpty() ? null : reason.trim();
        if (r == null) {
            problems.add("reviewReason", "reasonRequired");
        } else if (InputText.exceeds(r, FollowUps.MAX_REASON)) {
            problems.add("reviewReason", "tooLong", "", FollowUps.MAX_REASON);
        } else if (InputText.hasForbiddenCharacters(r)) {
            problems.add("reviewReason", "characters", "");
        }
        problems.throwIfAny();
        Instant now = clock.instant();
        LocalDate due = plans.dueDate(now);
        report.requestChanges(reviewer, now, r, due);
        return FollowUpPlans.dueAt(due);
    }
}
