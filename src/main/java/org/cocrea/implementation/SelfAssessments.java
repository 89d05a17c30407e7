package org.cocrea.implementation;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cocrea.commitment.Commitment;
import org.cocrea.commitment.PdfDocuments;
import org.cocrea.commitment.PublishedCommitmentRows;
import org.cocrea.commitment.PublishedCommitments;
import org.cocrea.kernel.Dates;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.InputText;
import org.cocrea.kernel.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;

/**
 * The end-of-plan self-assessment report: per published commitment of the plan, its completion (milestones as of the
 * last accepted follow-up report), its accepted reports, their evidence and the independent monitoring body's
 * evaluation. Each draft freezes the figures in a new version; the open-government team edits the introduction and
 * notes and publishes one version, which becomes public at {@code /self-assessment} (HTML) and
 * {@code /self-assessment.pdf} (rendered by {@link PdfDocuments} from the same data, as the action plan is). Reads the
 * plan's published commitments and their milestones' state through the commitment feature's read API
 * ({@link PublishedCommitments}, {@link PublishedCommitmentRows}) and the follow-up tables ({@code V20__follow_up.sql},
 * written by the follow-up feature) with SQL; never writes them.
 */
@Service
public class SelfAssessments {

    static final int TEXT_MAX = 8000;

    private final SelfAssessmentRepository repository;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final PdfDocuments pdfs;
    private final PublishedCommitments published;
    private final PublishedCommitmentRows rows;
    private final ActionPlanSettings plan;
    private final Clock clock;
    private final Dates dates;

    SelfAssessments(SelfAssessmentRepository repository, JdbcTemplate jdbc, ObjectMapper json, PdfDocuments pdfs,
            PublishedCommitments published, PublishedCommitmentRows rows, ActionPlanSettings plan, Clock clock,
            Dates dates) {
        this.dates = dates;
        this.repository = repository;
        this.jdbc = jdbc;
        this.json = json;
        this.pdfs = pdfs;
        this.published = published;
        this.rows = rows;
        this.plan = plan;
        this.clock = clock;
    }

    /**
     * Produces a new draft version with the current figures; the introduction and notes of the previous version are
     * carried over, and a previous draft becomes SUPERSEDED (a published version stays published until another is
     * published).
     *
     * @param actionPlan        action plan id
     * @param processInstanceId the closure process instance, or null
     * @return the draft
     */
    @Transactional
    public SelfAssessment draft(String actionPlan, String processInstanceId) {
        List<SelfAssessment> versions = repository.findByActionPlanOrderByVersionDesc(actionPlan);
        SelfAssessment previous = versions.isEmpty() ? null : versions.get(0);
        versions.stream().filter(v -> v.getStatus() == SelfAssessment.Status.DRAFT).forEach(SelfAssessment::supersede);
        String content;
        try {
            content = json.writeValueAsString(figures(actionPlan));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the self-assessment of " + actionPlan, e);
        }
        return repository.save(new SelfAssessment(actionPlan, previous == null ? 1 : previous.getVersion() + 1, content,
                previous == null ? null : previous.getIntroduction(), previous == null ? null : previous.getNotes(),
                clock.instant(), processInstanceId));
    }

    /**
     * Reads the current figures of a plan (what a draft freezes).
     *
     * @param actionPlan action plan id
     * @return the figures, commitments by code
     */
    @Transactional(readOnly = true)
    public SelfAssessmentReport figures(String actionPlan) {
        List<SelfAssessmentReport.CommitmentOutcome> out = new ArrayList<>();
        for (Commitment c : published.ofPlan(actionPlan)) {
            long id = c.getId();
            List<SelfAssessmentReport.MilestoneOutcome> milestones = rows.milestoneStates(id,
                    (m, i) -> new SelfAssessmentReport.MilestoneOutcome(m.getInt(1), m.getString(2), m.getString(3),
                            m.getInt(4)));
            int completion = milestones.isEmpty() ? 0 : (int) Math.round(milestones.stream()
                    .mapToInt(SelfAssessmentReport.MilestoneOutcome::percent).average().orElse(0));
            int completed = (int) milestones.stream().filter(m -> "COMPLETED".equals(m.status())).count();
            int accepted = jdbc.queryForObject("select count(*) from follow_up_report where commitment_id = ? and "
                    + "status = 'ACCEPTED'", Integer.class, id);
            Date lastPeriod = jdbc.queryForObject("select max(period) from follow_up_report where commitment_id = ? "
                    + "and status = 'ACCEPTED'", Date.class, id);
            List<SelfAssessmentReport.EvidenceItem> evidence = jdbc.query("""
                    select e.description, e.url, e.file_name, r.period from evidence e
                    join follow_up_report r on r.id = e.report_id
                    where r.commitment_id = ? and r.status = 'ACCEPTED' order by r.period, e.id""",
                    (e, i) -> new SelfAssessmentReport.EvidenceItem(e.getString(1), e.getString(2), e.getString(3),
                            e.getDate(4).toLocalDate()), id);
            List<SelfAssessmentReport.Evaluation> evaluation = jdbc.query("""
                    select completion_level, opened_government, verifiable, relevant, notes, evaluated_at
                    from monitoring_evaluation where commitment_id = ?""",
                    (e, i) -> new SelfAssessmentReport.Evaluation(e.getString(1), e.getString(2), e.getBoolean(3),
                            e.getBoolean(4), e.getString(5), e.getTimestamp(6).toInstant()), id);
            out.add(new SelfAssessmentReport.CommitmentOutcome(c.getCode(), c.getTitleEs(), c.getTitleEn(),
                    c.getLeadArea(), c.getStartDate(), c.getEndDate(), completion, completed,
                    milestones, accepted, lastPeriod == null ? null : lastPeriod.toLocalDate(), evidence,
                    evaluation.isEmpty() ? null : evaluation.get(0)));
        }
        LocalDate end = actionPlan.equals(plan.id()) ? plan.endDate() : null;
        return new SelfAssessmentReport(actionPlan, end, clock.instant(), out);
    }

    /**
     * The team's review: sets the introduction and notes of a draft.
     *
     * @param id           version id
     * @param introduction at most 8,000 characters; blank for none
     * @param notes        at most 8,000 characters; blank for none
     * @param by           the staff user
     * @throws InputRefusedException naming {@code introduction} or {@code notes} when too long, or {@code version}
     *                               when the version is no longer a draft
     * @throws NotFoundException if there is no such version
     */
    @Transactional
    public void edit(long id, String introduction, String notes, String by) {
        SelfAssessment version = get(id);
        List<FieldProblem> problems = new ArrayList<>();
        if (version.getStatus() != SelfAssessment.Status.DRAFT) {
            problems.add(FieldProblem.of("version", "implementation.error.notDraft",
                    version.getVersion()));
        }
        if (introduction != null && InputText.exceeds(introduction.strip(), TEXT_MAX)) {
            problems.add(FieldProblem.of("introduction", "implementation.error.length", 0,
                    TEXT_MAX));
        } else if (InputText.hasForbiddenCharacters(introduction)) {
            problems.add(FieldProblem.of("introduction", "implementation.error.characters"));
        }
        if (notes != null && InputText.exceeds(notes.strip(), TEXT_MAX)) {
            problems.add(FieldProblem.of("notes", "implementation.error.length", 0, TEXT_MAX));
        } else if (InputText.hasForbiddenCharacters(notes)) {
            problems.add(FieldProblem.of("notes", "implementation.error.characters"));
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        version.edit(blankToNull(introduction), blankToNull(notes), by, clock.instant());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * Publishes a draft: it becomes the public report; a previously published version becomes SUPERSEDED.
     *
     * @param id version id
     * @param by the staff user
     * @throws InputRefusedException naming {@code version} when it is not a draft
     * @throws NotFoundException if there is no such version
     */
    @Transactional
    public void publish(long id, String by) {
        SelfAssessment version = get(id);
        if (version.getStatus() != SelfAssessment.Status.DRAFT) {
            throw InputRefusedException.of("version", "implementation.error.notDraft", version.getVersion());
        }
        repository.findByActionPlanOrderByVersionDesc(version.getActionPlan()).stream()
                .filter(v -> v.getStatus() == SelfAssessment.Status.PUBLISHED).forEach(SelfAssessment::supersede);
        version.publish(by, clock.instant());
    }

    /**
     * @param id version id
     * @return the version
     * @throws NotFoundException if there is none
     */
    @Transactional(readOnly = true)
    public SelfAssessment get(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("self-assessment", id));
    }

    /**
     * @param actionPlan action plan id
     * @return the published version, if any
     */
    @Transactional(readOnly = true)
    public Optional<SelfAssessment> published(String actionPlan) {
        return repository.findFirstByActionPlanAndStatusOrderByVersionDesc(actionPlan, SelfAssessment.Status.PUBLISHED);
    }

    /**
     * @param actionPlan action plan id
     * @return every version, newest first
     */
    @Transactional(readOnly = true)
    public List<SelfAssessment> versions(String actionPlan) {
        return repository.findByActionPlanOrderByVersionDesc(actionPlan);
    }

    /**
     * @param version a version
     * @return its frozen figures
     * @throws IllegalStateException if the stored JSON cannot be read
     */
    public SelfAssessmentReport report(SelfAssessment version) {
        try {
            return json.readValue(version.getContent(), SelfAssessmentReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Self-assessment " + version.getId() + " cannot be read", e);
        }
    }

    /**
     * Renders a version as PDF from the {@code implementation/self-assessment-pdf} template.
     *
     * @param version the version
     * @param locale  language of the document
     * @return the PDF bytes
     * @throws IllegalStateException if rendering fails
     */
    public byte[] pdf(SelfAssessment version, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("assessment", version);
        context.setVariable("report", report(version));
        context.setVariable("language", locale.getLanguage());
        // rendered outside a web request: no bean resolver, so the date formatter is a variable
        context.setVariable("dates", dates);
        return pdfs.render("implementation/self-assessment-pdf", context, "self-assessment " + version.getId());
    }
}
