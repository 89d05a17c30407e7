package org.cocrea.followup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

/** What a report says, read back: the form's rows, the reported entries and the plain-text summaries for staff. */
@Component
class FollowUpEntries {

    private final FollowUpPlans plans;
    private final ReportRepository reports;
    private final ProgressRepository progress;
    private final EvidenceRepository evidence;
    private final FollowUpTexts texts;

    FollowUpEntries(FollowUpPlans plans, ReportRepository reports, ProgressRepository progress,
            EvidenceRepository evidence, FollowUpTexts texts) {
        this.plans = plans;
        this.reports = reports;
        this.progress = progress;
        this.evidence = evidence;
        this.texts = texts;
    }

    List<FollowUps.Entry> entries(long reportId) {
        FollowUpReport report = plans.report(reportId);
        return entries(report, plans.openMilestones(report.getCommitmentId()), true);
    }

    List<FollowUps.Entry> entriesSaid(long reportId) {
        FollowUpReport report = plans.report(reportId);
        return entries(report, plans.milestonesOf(report.getCommitmentId()), false);
    }

    /**
     * @param report     the report
     * @param tracked    the milestones to list, in order
     * @param unreported whether milestones the report says nothing about are listed (with their accepted state)
     */
    private List<FollowUps.Entry> entries(FollowUpReport report, List<TrackedMilestone> tracked, boolean unreported) {
        Map<Long, MilestoneProgress> said = new HashMap<>();
        Map<Long, List<String>> links = new HashMap<>();
        // Progress rows and evidence links are written only by a submission (FollowUpSubmissions.submit), which leaves
        // the report SUBMITTED: a report still REQUESTED has none, so the monthly fan-out (one new report per
        // commitment, its form's rows read in the same transaction) does not look for them.
        if (report.getStatus() != ReportStatus.REQUESTED) {
            progress.findByReportId(report.getId()).forEach(p -> said.put(p.getMilestoneId(), p));
            evidence.findByReportIdOrderByIdAsc(report.getId()).stream()
                    .filter(e -> Evidence.LINK.equals(e.getKind()))
                    .forEach(e -> links.computeIfAbsent(e.getMilestoneId(), k -> new ArrayList<>()).add(e.getUrl()));
        }
        List<FollowUps.Entry> out = new ArrayList<>();
        for (TrackedMilestone m : tracked) {
            MilestoneProgress p = said.get(m.getId());
            String title = m.getPosition() + ". " + m.getTitle();
            String joined = links.containsKey(m.getId()) ? String.join("\n", links.get(m.getId())) : null;
            if (p != null) {
                out.add(new FollowUps.Entry(m.getId(), title, p.getStatus().name(), p.getPercentComplete(),
                        p.getWorkDone(), joined, p.getNextSteps()));
            } else if (unreported) {
                out.add(new FollowUps.Entry(m.getId(), title, m.getStatus().name(), m.getPercentComplete(), null,
                        null, null));
            }
        }
        return out;
    }

    String summary(long reportId, Locale locale) {
        StringBuilder out = new StringBuilder();
        for (FollowUps.Entry e : entriesSaid(reportId)) {
            out.append(e.title()).append(" — ").append(texts.text("followup.status." + e.status(), locale)).append(", ")
                    .append(e.percentComplete()).append(" %\n");
            if (e.workDone() != null) {
                out.append("  ").append(texts.text("followup.workDone", locale)).append(": ").append(e.workDone())
                        .append('\n');
            }
            if (e.nextSteps() != null) {
                out.append("  ").append(texts.text("followup.nextSteps", locale)).append(": ").append(e.nextSteps())
                        .append('\n');
            }
            if (e.evidenceLinks() != null) {
                out.append("  ").append(texts.text("followup.links", locale)).append(": ")
                        .append(e.evidenceLinks().replace("\n", " ")).append('\n');
            }
        }
        return out.toString();
    }

    String milestoneSummary(long commitmentId, Locale locale) {
        StringBuilder out = new StringBuilder();
        for (TrackedMilestone m : plans.milestonesOf(commitmentId)) {
            out.append(m.getPosition()).append(". ").append(m.getTitle()).append(" — ")
                    .append(texts.text("followup.status." + m.getStatus().name(), locale)).append(", ")
                    .append(m.getPercentComplete()).append(" %\n");
        }
        List<FollowUpReport> all = reports.findByCommitmentIdOrderByPeriodAsc(commitmentId);
        long accepted = all.stream().filter(r -> r.getStatus() == ReportStatus.ACCEPTED).count();
        out.append(texts.text("followup.reportsAccepted", locale, accepted, all.size()));
        return out.toString();
    }
}
