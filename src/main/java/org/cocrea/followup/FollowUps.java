package org.cocrea.followup;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import org.cocrea.CocreaApplication;
import org.cocrea.commitment.PublishedCommitments;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly follow-up of published commitments: requesting a month's report (one per commitment and month), the
 * lead area's submission (progress per milestone not yet completed, evidence links), the staff review (accept, or ask
 * for more with a reason), and the milestone state as of the last accepted report. Only accepted reports are public
 * and only they change {@code milestone.status}/{@code percent_complete}.
 *
 * <p>Dates are Buenos Aires calendar dates; instants are computed in {@value CocreaApplication#ZONE}. Refused input
 * throws {@link InvalidFollowUpException} and changes nothing.
 */
@Service
public class FollowUps {

    /** Longest text of "what was done" and "next steps" (column size). */
    public static final int MAX_TEXT = 4000;
    /** Longest review reason (column size). */
    public static final int MAX_REASON = 2000;
    /** Most evidence links per milestone in one report. */
    public static final int MAX_LINKS = 20;
    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);
    /** A report is due at this time of its due date (Buenos Aires). */
    private static final LocalTime DUE_TIME = LocalTime.of(23, 59);

    private final ReportRepository reports;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final ProgressRepository progress;
    private final EvidenceRepository evidence;
    private final TrackedMilestoneRepository milestones;
    private final FollowedCommitmentRepository commitments;
    private final FollowUpProperties properties;
    private final FollowUpTexts texts;
    private final Clock clock;

    FollowUps(ReportRepository reports, ProgressRepository progress, EvidenceRepository evidence,
            TrackedMilestoneRepository milestones, FollowedCommitmentRepository commitments,
            FollowUpProperties properties, FollowUpTexts texts, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.reports = reports;
        this.progress = progress;
        this.evidence = evidence;
        this.milestones = milestones;
        this.commitments = commitments;
        this.properties = properties;
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * What the follow-up process of a commitment needs.
     *
     * @param commitmentId           database id
     * @param code                   public code, e.g. {@code ARBA0005}
     * @param title                  Spanish title
     * @param leadAreaGroup          candidate group of the lead area, e.g. {@code area-ambiente}
     * @param startsAt               00:00 of the start date, Buenos Aires
     * @param endsAt                 00:00 of the day after the end date, Buenos Aires: the follow-up stops then
     * @param allMilestonesCompleted whether no milestone is left to ask about (also when it has none)
     */
    public record Plan(long commitmentId, String code, String title, String leadAreaGroup, Instant startsAt,
            Instant endsAt, boolean allMilestonesCompleted) {
    }

    /**
     * A month's report as requested.
     *
     * @param reportId database id
     * @param period   first day of the month
     * @param dueAt    when it falls due (23:59 of the due date, Buenos Aires)
     * @param created  false when that month's report already existed (nothing was changed)
     */
    public record Request(long reportId, LocalDate period, Instant dueAt, boolean created) {
    }

    /**
     * One milestone row of the report form.
     *
     * @param milestoneId     database id of the milestone
     * @param title           "position. title"
     * @param status          {@link MilestoneStatus} name
     * @param percentComplete 0-100
     * @param workDone        what was done this month, may be null
     * @param evidenceLinks   links, one per line, may be null
     * @param nextSteps       next steps, may be null
     */
    public record Entry(Long milestoneId, String title, String status, Integer percentComplete, String workDone,
            String evidenceLinks, String nextSteps) {
    }

    /**
     * @param commitmentId database id
     * @return the plan of its follow-up
     * @throws NoSuchElementException when there is no such commitment
     * @throws IllegalStateException when it is not published or has no lead area
     */
    @Transactional(readOnly = true)
    public Plan plan(long commitmentId) {
        FollowedCommitment c = commitment(commitmentId);
        if (!c.isPublished() || c.getLeadAreaGroup() == null) {
            throw new IllegalStateException("Commitment " + commitmentId + " is not published with a lead area");
        }
        return new Plan(c.getId(), c.getCode(), c.title("es"), c.getLeadAreaGroup(),
                c.getStartDate().atStartOfDay(ZONE).toInstant(),
                c.getEndDate().plusDays(1).atStartOfDay(ZONE).toInstant(), allMilestonesCompleted(commitmentId));
    }

    /** @return ids of the published commitments that have a lead area, by code */
    @Transactional(readOnly = true)
    public List<Long> followable() {
        return commitments.findByStatusAndLeadAreaGroupNotNullOrderByCodeAsc(PublishedCommitments.STATUS).stream()
                .map(FollowedCommitment::getId).toList();
    }

    /**
     * @param code a commitment code
     * @return its id, if it exists
     */
    @Transactional(readOnly = true)
    public Optional<Long> commitmentId(String code) {
        return commitments.findByCode(code).map(FollowedCommitment::getId);
    }

    /**
     * @param commitmentId database id
     * @return true when every milestone is completed as of the accepted reports (or it has none)
     */
    @Transactional(readOnly = true)
    public boolean allMilestonesCompleted(long commitmentId) {
        return milestones.findByCommitmentIdOrderByPositionAsc(commitmentId).stream()
                .allMatch(TrackedMilestone::isCompleted);
    }

    /**
     * Requests the report of the month of {@code at} (Buenos Aires), due {@code dueDays} later. Idempotent: a second
     * request for the same month returns the existing report with {@code created=false}.
     *
     * @param commitmentId      database id
     * @param at                when the report is requested
     * @param processInstanceId the follow-up process instance, for staff
     * @return the report
     */
    @Transactional
    public Request request(long commitmentId, Instant at, String processInstanceId) {
        commitment(commitmentId);
        LocalDate period = FollowUpSchedule.period(at);
        Optional<FollowUpReport> existing = reports.findByCommitmentIdAndPeriod(commitmentId, period);
        if (existing.isPresent()) {
            return new Request(existing.get().getId(), period, dueAt(existing.get().getDueDate()), false);
        }
        LocalDate due = at.atZone(ZONE).toLocalDate().plusDays(properties.dueDays());
        FollowUpReport report = reports.saveAndFlush(new FollowUpReport(commitmentId, period, due, processInstanceId));
        return new Request(report.getId(), period, dueAt(due), true);
    }

    private static Instant dueAt(LocalDate due) {
        return due.atTime(DUE_TIME).atZone(ZONE).toInstant();
    }

    /**
     * The rows the lead area fills in: every milestone not completed as of the accepted reports, pre-filled with what
     * this report already says (after staff asked for more) or else with the milestone's current state.
     *
     * @param reportId database id
     * @return one entry per milestone to report on, in order
     */
    @Transactional(readOnly = true)
    public List<Entry> entries(long reportId) {
        FollowUpReport report = report(reportId);
        return entries(report, openMilestones(report.getCommitmentId()), true);
    }

    /**
     * @param report     the report
     * @param tracked    the milestones to list, in order
     * @param unreported whether milestones the report says nothing about are listed (with their accepted state)
     */
    private List<Entry> entries(FollowUpReport report, List<TrackedMilestone> tracked, boolean unreported) {
        Map<Long, MilestoneProgress> said = new HashMap<>();
        progress.findByReportId(report.getId()).forEach(p -> said.put(p.getMilestoneId(), p));
        Map<Long, List<String>> links = new HashMap<>();
        evidence.findByReportIdOrderByIdAsc(report.getId()).stream().filter(e -> Evidence.LINK.equals(e.getKind()))
                .forEach(e -> links.computeIfAbsent(e.getMilestoneId(), k -> new ArrayList<>()).add(e.getUrl()));
        List<Entry> out = new ArrayList<>();
        for (TrackedMilestone m : tracked) {
            MilestoneProgress p = said.get(m.getId());
            String title = m.getPosition() + ". " + m.getTitle();
            String joined = links.containsKey(m.getId()) ? String.join("\n", links.get(m.getId())) : null;
            if (p != null) {
                out.add(new Entry(m.getId(), title, p.getStatus().name(), p.getPercentComplete(), p.getWorkDone(),
                        joined, p.getNextSteps()));
            } else if (unreported) {
                out.add(new Entry(m.getId(), title, m.getStatus().name(), m.getPercentComplete(), null, null, null));
            }
        }
        return out;
    }

    private List<TrackedMilestone> openMilestones(long commitmentId) {
        return milestones.findByCommitmentIdOrderByPositionAsc(commitmentId).stream().filter(m -> !m.isCompleted())
                .toList();
    }

    /**
     * The lead area submits its report on the report's page: the same rules as {@link #submit}, then
     * {@link FollowUpReportSubmitted} so the workflow completes the report's task (the team's review follows).
     *
     * @param reportId database id
     * @param user     who submits
     * @param entries  one entry per open milestone
     * @throws InvalidFollowUpException naming each field and reason; nothing is stored
     */
    @Transactional
    public void submitOnPage(long reportId, String user, List<Entry> entries) {
        submit(reportId, user, entries);
        events.publishEvent(new FollowUpReportSubmitted(reportId, user));
    }

    /**
     * The lead area submits its report. Every open milestone must be reported exactly once: a status, a percentage
     * (0-100; 100 when completed, 0 when not started), what was done (unless not started), evidence links (absolute
     * http/https addresses, one per line, at most {@value #MAX_LINKS}) and next steps. Replaces what an earlier
     * submission of the same report said.
     *
     * @param reportId database id
     * @param user     who submits (user id)
     * @param entries  one per milestone
     * @throws InvalidFollowUpException listing every problem; nothing is stored
     * @throws NoSuchElementException   when there is no such report
     */
    @Transactional
    public void submit(long reportId, String user, List<Entry> entries) {
        FollowUpReport report = reports.lockById(reportId).orElseThrow(() -> new NoSuchElementException("report"));
        FollowUpTexts.Problems problems = texts.problems();
        if (!report.isOpenForArea()) {
            texts.refuse("report", "notOpen", report.getStatus().name());
        }
        Map<Long, TrackedMilestone> open = new HashMap<>();
        openMilestones(report.getCommitmentId()).forEach(m -> open.put(m.getId(), m));
        Set<Long> seen = new HashSet<>();
        List<MilestoneProgress> rows = new ArrayList<>();
        List<Evidence> links = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
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
            if (workDone != null && org.cocrea.kernel.InputText.exceeds(workDone, MAX_TEXT)) {
                problems.add(f + ".workDone", "tooLong", label, MAX_TEXT);
            } else if (org.cocrea.kernel.InputText.hasForbiddenCharacters(workDone)) {
                problems.add(f + ".workDone", "characters", label);
            }
            String nextSteps = trim(e.nextSteps());
            if (nextSteps != null && org.cocrea.kernel.InputText.exceeds(nextSteps, MAX_TEXT)) {
                problems.add(f + ".nextSteps", "tooLong", label, MAX_TEXT);
            } else if (org.cocrea.kernel.InputText.hasForbiddenCharacters(nextSteps)) {
                problems.add(f + ".nextSteps", "characters", label);
            }
            List<String> urls = e.evidenceLinks() == null ? List.of()
                    : Arrays.stream(e.evidenceLinks().split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (urls.size() > MAX_LINKS) {
                problems.add(f + ".evidenceLinks", "tooManyLinks", label, MAX_LINKS);
            }
            for (String url : urls) {
                if (!isWebAddress(url)) {
                    problems.add(f + ".evidenceLinks", "link", label, org.cocrea.kernel.InputText.exceeds(url, 80) ? org.cocrea.kernel.InputText.cut(url, 80) + "…" : url);
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

    /**
     * Staff accept a submitted report: it becomes public, and each milestone it reports takes its status and
     * percentage, unless a report of a later month was already accepted for that milestone.
     *
     * @param reportId database id
     * @param reviewer staff user id
     * @return true when, after it, every milestone of the commitment is completed
     * @throws InvalidFollowUpException when the report is not waiting for review
     */
    @Transactional
    public boolean accept(long reportId, String reviewer) {
        FollowUpReport report = reports.lockById(reportId).orElseThrow(() -> new NoSuchElementException("report"));
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
        return allMilestonesCompleted(report.getCommitmentId());
    }

    /**
     * Staff send a submitted report back to the area with a reason; it is due again {@code dueDays} from now.
     *
     * @param reportId database id
     * @param reviewer staff user id
     * @param reason   what is missing (required, at most {@value #MAX_REASON} characters)
     * @return the new due instant (23:59 of the new due date, Buenos Aires)
     * @throws InvalidFollowUpException when the reason is missing or too long, or the report is not waiting for review
     */
    @Transactional
    public Instant requestChanges(long reportId, String reviewer, String reason) {
        FollowUpReport report = reports.lockById(reportId).orElseThrow(() -> new NoSuchElementException("report"));
        FollowUpTexts.Problems problems = texts.problems();
        if (report.getStatus() != ReportStatus.SUBMITTED) {
            problems.add("report", "notSubmitted", report.getStatus().name());
        }
        String r = trim(reason);
        if (r == null) {
            problems.add("reviewReason", "reasonRequired");
        } else if (org.cocrea.kernel.InputText.exceeds(r, MAX_REASON)) {
            problems.add("reviewReason", "tooLong", "", MAX_REASON);
        } else if (org.cocrea.kernel.InputText.hasForbiddenCharacters(r)) {
            problems.add("reviewReason", "characters", "");
        }
        problems.throwIfAny();
        Instant now = clock.instant();
        LocalDate due = now.atZone(ZONE).toLocalDate().plusDays(properties.dueDays());
        report.requestChanges(reviewer, now, r, due);
        return dueAt(due);
    }

    /**
     * @param reportId database id
     * @return the report
     * @throws NoSuchElementException when there is none
     */
    @Transactional(readOnly = true)
    public FollowUpReport report(long reportId) {
        return reports.findById(reportId).orElseThrow(() -> new NoSuchElementException("report " + reportId));
    }

    /**
     * @param commitmentId database id
     * @return its reports, oldest month first
     */
    @Transactional(readOnly = true)
    public List<FollowUpReport> reportsOf(long commitmentId) {
        return reports.findByCommitmentIdOrderByPeriodAsc(commitmentId);
    }

    /**
     * A one-paragraph summary of a report for the staff review form: each milestone with status, percentage, what was
     * done, next steps and links.
     *
     * @param reportId database id
     * @param locale   language
     * @return markdown-free plain text, one line per milestone
     */
    @Transactional(readOnly = true)
    public String summary(long reportId, Locale locale) {
        StringBuilder out = new StringBuilder();
        for (Entry e : entriesSaid(reportId)) {
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

    /**
     * @param reportId database id
     * @return what the report says, one entry per reported milestone, in milestone order
     */
    @Transactional(readOnly = true)
    public List<Entry> entriesSaid(long reportId) {
        FollowUpReport report = report(reportId);
        return entries(report, milestones.findByCommitmentIdOrderByPositionAsc(report.getCommitmentId()), false);
    }

    /**
     * The state of a commitment's milestones as of its accepted reports, and how many reports were accepted, for the
     * monitoring body's evaluation form.
     *
     * @param commitmentId database id
     * @param locale       language
     * @return one line per milestone, then one line with the count of accepted reports out of requested ones
     */
    @Transactional(readOnly = true)
    public String milestoneSummary(long commitmentId, Locale locale) {
        StringBuilder out = new StringBuilder();
        for (TrackedMilestone m : milestones.findByCommitmentIdOrderByPositionAsc(commitmentId)) {
            out.append(m.getPosition()).append(". ").append(m.getTitle()).append(" — ")
                    .append(texts.text("followup.status." + m.getStatus().name(), locale)).append(", ")
                    .append(m.getPercentComplete()).append(" %\n");
        }
        List<FollowUpReport> all = reports.findByCommitmentIdOrderByPeriodAsc(commitmentId);
        long accepted = all.stream().filter(r -> r.getStatus() == ReportStatus.ACCEPTED).count();
        out.append(texts.text("followup.reportsAccepted", locale, accepted, all.size()));
        return out.toString();
    }

    /**
     * @param commitmentId database id
     * @return code and Spanish title, e.g. "ARBA0005 — Plan de acción climática"
     */
    @Transactional(readOnly = true)
    public String commitmentLabel(long commitmentId) {
        FollowedCommitment c = commitment(commitmentId);
        return c.getCode() + " — " + c.title("es");
    }

    /**
     * @param commitmentId database id
     * @return the lead area's candidate group, or null
     */
    @Transactional(readOnly = true)
    public String leadAreaGroup(long commitmentId) {
        return commitment(commitmentId).getLeadAreaGroup();
    }

    /**
     * @param period first day of a month
     * @param locale language
     * @return the month's name and year, e.g. "noviembre de 2026"
     */
    public String month(LocalDate period, Locale locale) {
        return texts.month(period, locale);
    }

    FollowedCommitment commitment(long commitmentId) {
        return commitments.findById(commitmentId)
                .orElseThrow(() -> new NoSuchElementException("commitment " + commitmentId));
    }

    List<TrackedMilestone> milestonesOf(long commitmentId) {
        return milestones.findByCommitmentIdOrderByPositionAsc(commitmentId);
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
        if (org.cocrea.kernel.InputText.exceeds(s, 2000)) {
            return false;
        }
        try {
            URI uri = new URI(s);
            return uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
