package org.cocrea.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.cocrea.CocreaApplication;
import org.cocrea.commitment.PublishedCommitments;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly follow-up of published commitments: requesting a month's report (one per commitment and month), the
 * lead area's submission (progress per milestone not yet completed, evidence links), the staff review (accept, or ask
 * for more with a reason), and the milestone state as of the last accepted report. Only accepted reports are public
 * and only they change {@code milestone.status}/{@code percent_complete}.
 *
 * <p>The one public entry to the follow-up (the workflow, the demo and the pages use it): plans and requests
 * ({@link FollowUpPlans}), the form's rows and summaries ({@link FollowUpEntries}), the two submit paths
 * ({@link FollowUpSubmissions}) and the review ({@link FollowUpReviews}); each method is one transaction.
 *
 * <p>Dates are Buenos Aires calendar dates; instants are computed in {@value CocreaApplication#ZONE}. Refused input
 * throws {@link InputRefusedException} (fields and message keys {@code followup.error.*}) and changes nothing; an
 * unknown commitment or report id throws {@link NotFoundException}.
 *
 * <p>About 300 lines because it holds the three public records of the API and one documented, transactional,
 * one-line delegation per public operation; the work is in the four parts.
 */
@Service
public class FollowUps {

    /** Longest text of "what was done" and "next steps" (column size). */
    public static final int MAX_TEXT = 4000;
    /** Longest review reason (column size). */
    public static final int MAX_REASON = 2000;
    /** Most evidence links per milestone in one report. */
    public static final int MAX_LINKS = 20;

    private final FollowUpPlans plans;
    private final FollowUpEntries reading;
    private final FollowUpSubmissions submissions;
    private final FollowUpReviews reviews;
    private final FollowUpTexts texts;

    FollowUps(FollowUpPlans plans, FollowUpEntries reading, FollowUpSubmissions submissions, FollowUpReviews reviews,
            FollowUpTexts texts) {
        this.plans = plans;
        this.reading = reading;
        this.submissions = submissions;
        this.reviews = reviews;
        this.texts = texts;
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
     * @throws NotFoundException     when there is no such commitment
     * @throws IllegalStateException when it is not published or has no lead area
     */
    @Transactional(readOnly = true)
    public Plan plan(long commitmentId) {
        return plans.plan(commitmentId);
    }

    /** @return ids of the published commitments that have a lead area, by code */
    @Transactional(readOnly = true)
    public List<Long> followable() {
        return plans.followable();
    }

    /**
     * @param code a commitment code
     * @return its id, if it exists
     */
    @Transactional(readOnly = true)
    public Optional<Long> commitmentId(String code) {
        return plans.commitmentId(code);
    }

    /**
     * @param commitmentId database id
     * @return true when every milestone is completed as of the accepted reports (or it has none)
     */
    @Transactional(readOnly = true)
    public boolean allMilestonesCompleted(long commitmentId) {
        return plans.allMilestonesCompleted(commitmentId);
    }

    /**
     * Requests the report of the month of {@code at} (Buenos Aires), due {@code dueDays} later. Idempotent: a second
     * request for the same month returns the existing report with {@code created=false}.
     *
     * @param commitmentId      database id
     * @param at                when the report is requested
     * @param processInstanceId the follow-up process instance, for staff
     * @return the report
     * @throws NotFoundException when there is no such commitment
     */
    @Transactional
    public Request request(long commitmentId, Instant at, String processInstanceId) {
        return plans.request(commitmentId, at, processInstanceId);
    }

    /**
     * The rows the lead area fills in: every milestone not completed as of the accepted reports, pre-filled with what
     * this report already says (after staff asked for more) or else with the milestone's current state.
     *
     * @param reportId database id
     * @return one entry per milestone to report on, in order
     * @throws NotFoundException when there is no such report
     */
    @Transactional(readOnly = true)
    public List<Entry> entries(long reportId) {
        return reading.entries(reportId);
    }

    /**
     * The lead area submits its report on the report's page: the same rules as {@link #submit}, then
     * {@link FollowUpReportSubmitted} so the workflow completes the report's task (the team's review follows).
     *
     * @param reportId database id
     * @param user     who submits
     * @param entries  one entry per open milestone
     * @throws InputRefusedException naming each field and reason; nothing is stored
     * @throws NotFoundException     when there is no such report
     */
    @Transactional
    public void submitOnPage(long reportId, String user, List<Entry> entries) {
        submissions.submitOnPage(reportId, user, entries);
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
     * @throws InputRefusedException listing every problem; nothing is stored
     * @throws NotFoundException     when there is no such report
     */
    @Transactional
    public void submit(long reportId, String user, List<Entry> entries) {
        submissions.submit(reportId, user, entries);
    }

    /**
     * Staff accept a submitted report: it becomes public, and each milestone it reports takes its status and
     * percentage, unless a report of a later month was already accepted for that milestone.
     *
     * @param reportId database id
     * @param reviewer staff user id
     * @return true when, after it, every milestone of the commitment is completed
     * @throws InputRefusedException when the report is not waiting for review
     * @throws NotFoundException     when there is no such report
     */
    @Transactional
    public boolean accept(long reportId, String reviewer) {
        return reviews.accept(reportId, reviewer);
    }

    /**
     * Staff send a submitted report back to the area with a reason; it is due again {@code dueDays} from now.
     *
     * @param reportId database id
     * @param reviewer staff user id
     * @param reason   what is missing (required, at most {@value #MAX_REASON} characters)
     * @return the new due instant (23:59 of the new due date, Buenos Aires)
     * @throws InputRefusedException when the reason is missing or too long, or the report is not waiting for review
     * @throws NotFoundException     when there is no such report
     */
    @Transactional
    public Instant requestChanges(long reportId, String reviewer, String reason) {
        return reviews.requestChanges(reportId, reviewer, reason);
    }

    /**
     * @param reportId database id
     * @return the report
     * @throws NotFoundException when there is none
     */
    @Transactional(readOnly = true)
    public FollowUpReport report(long reportId) {
        return plans.report(reportId);
    }

    /**
     * @param commitmentId database id
     * @return its reports, oldest month first
     */
    @Transactional(readOnly = true)
    public List<FollowUpReport> reportsOf(long commitmentId) {
        return plans.reportsOf(commitmentId);
    }

    /**
     * A one-paragraph summary of a report for the staff review form: each milestone with status, percentage, what was
     * done, next steps and links.
     *
     * @param reportId database id
     * @param locale   language
     * @return markdown-free plain text, one line per milestone
     * @throws NotFoundException when there is no such report
     */
    @Transactional(readOnly = true)
    public String summary(long reportId, Locale locale) {
        return reading.summary(reportId, locale);
    }

    /**
     * @param reportId database id
     * @return what the report says, one entry per reported milestone, in milestone order
     * @throws NotFoundException when there is no such report
     */
    @Transactional(readOnly = true)
    public List<Entry> entriesSaid(long reportId) {
        return reading.entriesSaid(reportId);
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
        return reading.milestoneSummary(commitmentId, locale);
    }

    /**
     * @param commitmentId database id
     * @return code and Spanish title, e.g. "ARBA0005 — Plan de acción climática"
     * @throws NotFoundException when there is no such commitment
     */
    @Transactional(readOnly = true)
    public String commitmentLabel(long commitmentId) {
        PublishedCommitments.Summary c = plans.commitment(commitmentId);
        return c.code() + " — " + c.title("es");
    }

    /**
     * @param commitmentId database id
     * @return the lead area's candidate group, or null
     * @throws NotFoundException when there is no such commitment
     */
    @Transactional(readOnly = true)
    public String leadAreaGroup(long commitmentId) {
        return plans.commitment(commitmentId).leadAreaGroup();
    }

    /**
     * @param period first day of a month
     * @param locale language
     * @return the month's name and year, e.g. "noviembre de 2026"
     */
    public String month(LocalDate period, Locale locale) {
        return texts.month(period, locale);
    }

    PublishedCommitments.Summary commitment(long commitmentId) {
        return plans.commitment(commitmentId);
    }

    List<TrackedMilestone> milestonesOf(long commitmentId) {
        return plans.milestonesOf(commitmentId);
    }
}
