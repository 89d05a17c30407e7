package org.cocrea.followup;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cocrea.kernel.InputText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The lead area's submission of a monthly report, on the report's page or through its Tasklist form. */
@Component
class FollowUpSubmissions {

    private final FollowUpPlans plans;
    private final ProgressRepository progress;
    private final EvidenceRepository evidence;
    private final FollowUpTexts texts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FollowUpSubmissions(FollowUpPlans plans, ProgressRepository progress, EvidenceRepository evidence,
            FollowUpTexts texts, ApplicationEventPublisher events, Clock clock) {
        this.plans = plans;
        this.progress = progress;
        this.evidence = evidence;
        this.texts = texts;
        this.events = events;
        this.clock = clock;
    }

    void submitOnPage(long reportId, String user, List<FollowUps.Entry> entries) {
        submit(reportId, user, entries);
        events.publishEvent(new FollowUpReportSubmitted(reportId, user));
    }

    void submit(long reportId, String user, List<FollowUps.Entry> entries) {
        FollowUpReport report = plans.lockedReport(reportId);
        FollowUpTexts.Problems problems = texts.problems();
        if (!report.isOpenForArea()) {
            texts.refuse("report", "notOpen", report.getStatus().name());
        }
        Map<Long, TrackedMilestone> open = new HashMap<>();
        plans.openMilestones(report.getCommitmentId()).forEach(m -> open.put(m.getId(), m));
        Set<Long> seen = new HashSet<>();
        List<MilestoneProgress> rows = new ArrayList<>();
        List<Evidence> links = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < entries.size(); i++) {
            FollowUps.Entry e = entries.get(i);
            String f = "milestones[" + (i + 1) + "]";
            TrackedMilestone m = e.milestoneId() == null ? null : open.get(e.milestoneId());
            if (m == null || !seen.add(m.getId())) {
                problems.add(f + ".milestoneId", "unknownMilestone", e.milestoneId());
                continue;
            }
            String label = m.getPosition() + ". " + m.getTitle();
            MilestoneStatus status = parseStatus(e.status());
            if (status == null) {
                problems.add(f + ".status", "status", label);
            }
            Integer percent = e.percentComplete();
            if (percent == null || percent < 0 || percent > 100) {
                problems.add(f + ".percentComplete", "percent", label);
            } else if (status == MilestoneStatus.COMPLETED && percent != 100) {
                problems.add(f + ".percentComplete", "completedIs100", label);
            } else if (status == MilestoneStatus.NOT_STARTED && percent != 0) {
                problems.add(f + ".percentComplete", "notStartedIs0", label);
            }
            String workDone = trim(e.workDone());
            if (workDone == null && status != null && status != MilestoneStatus.NOT_STARTED) {
                problems.add(f + ".workDone", "workDoneRequired", label);
            }
            if (workDone != null && InputText.exceeds(workDone, FollowUps.MAX_TEXT)) {
                problems.add(f + ".workDone", "tooLong", label, FollowUps.MAX_TEXT);
            } else if (InputText.hasForbiddenCharacters(workDone)) {
                problems.add(f + ".workDone", "characters", label);
            }
            String nextSteps = trim(e.nextSteps());
            if (nextSteps != null && InputText.exceeds(nextSteps, FollowUps.MAX_TEXT)) {
                problems.add(f + ".nextSteps", "tooLong", label, FollowUps.MAX_TEXT);
            } else if (InputText.hasForbiddenCharacters(nextSteps)) {
                problems.add(f + ".nextSteps", "characters", label);
            }
            List<String> urls = e.evidenceLinks() == null ? List.of()
                    : Arrays.stream(e.evidenceLinks().split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (urls.size() > FollowUps.MAX_LINKS) {
                problems.add(f + ".evidenceLinks", "tooManyLinks", label, FollowUps.MAX_LINKS);
            }
            for (String url : urls) {
                if (!isWebAddress(url)) {
                    problems.add(f + ".evidenceLinks", "link", label,
                            InputText.exceeds(url, 80) ? InputText.cut(url, 80) + "…" : url);
                } else {
                    links.add(Evidence.link(reportId, m.getId(), url, user, now));
                }
            }
            if (status != null && percent != null) {
                rows.add(new MilestoneProgress(reportId, m.getId(), status, percent, workDone, nextSteps));
            }
        }
        for (TrackedMilestone m : open.values()) {
            if (!seen.contains(m.getId())) {
                problems.add("milestones", "missingMilestone", m.getPosition() + ". " + m.getTitle());
            }
        }
        problems.throwIfAny();
        progress.deleteByReportId(reportId);
        evidence.deleteByReportIdAndKind(reportId, Evidence.LINK);
        progress.flush();
        progress.saveAll(rows);
        evidence.saveAll(links);
        report.submit(user, now);
    }

    private static MilestoneStatus parseStatus(String s) {
        if (s == null) {
            return null;
        }
        try {
            return MilestoneStatus.valueOf(s.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    static boolean isWebAddress(String s) {
        if (InputText.exceeds(s, 2000)) {
            return false;
        }
        try {
            URI uri = new URI(s);
            return uri.isAbsolute()
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
