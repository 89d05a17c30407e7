package org.cocrea.implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cocrea.commitment.ActionPlan;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

/**
 * The end-of-plan self-assessment of the six real Buenos Aires commitments, with follow-up rows inserted by SQL as
 * the follow-up process would have written them (milestone states, accepted and unaccepted reports, evidence, two
 * monitoring evaluations): 404 with a clear page before publication, the staff preview of the draft, then the public
 * HTML and the PDF's text (PDFBox) holding each commitment's completion and evaluation; the published figures stay as
 * they were frozen.
 */
@CocreaIntegrationTest
class SelfAssessmentTests {

    private static final String PLAN = "ARBA-2021-2023";

    @Autowired
    SelfAssessments assessments;
    @Autowired
    ActionPlan plan;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    MockMvc mvc;

    /** Expected completion text per commitment code (Spanish). */
    private final Map<String, String> completion = new LinkedHashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        fixtures.reset();
        try (InputStream in = new ClassPathResource("data/ba-2021-2023-commitments.json").getInputStream()) {
            plan.importPublished(in, PLAN);
        }
        var jdbc = fixtures.jdbc();
        long first = id("ARBA0001");
        long second = id("ARBA0002");
        List<Long> firstMilestones = jdbc.queryForList("select id from milestone where commitment_id = ? order by "
                + "position", Long.class, first);
        List<Long> secondMilestones = jdbc.queryForList("select id from milestone where commitment_id = ? order by "
                + "position", Long.class, second);
        assertThat(firstMilestones).hasSizeGreaterThanOrEqualTo(2);
        // ARBA0001: first milestone completed, the others half done
        jdbc.update("update milestone set status = 'IN_PROGRESS', percent_complete = 50 where commitment_id = ?", first);
        jdbc.update("update milestone set status = 'COMPLETED', percent_complete = 100 where id = ?",
                firstMilestones.get(0));
        int n = firstMilestones.size();
        completion.put("ARBA0001", (int) Math.round((100 + 50.0 * (n - 1)) / n) + " % (1 de " + n
                + " hitos completados)");
        // ARBA0002: every milestone completed
        jdbc.update("update milestone set status = 'COMPLETED', percent_complete = 100 where commitment_id = ?", second);
        completion.put("ARBA0002", "100 % (" + secondMilestones.size() + " de " + secondMilestones.size()
                + " hitos completados)");
        for (String code : List.of("ARBA0003", "ARBA0004", "ARBA0005", "ARBA0006")) {
            int m = jdbc.queryForObject("select count(*) from milestone where commitment_id = ?", Integer.class, id(code));
            completion.put(code, "0 % (0 de " + m + " hitos completados)");
        }
        long r1 = report(first, "2023-06-01", "ACCEPTED");
        report(first, "2023-07-01", "ACCEPTED");
        long unaccepted = report(first, "2023-08-01", "SUBMITTED");
        long r2 = report(second, "2022-07-01", "ACCEPTED");
        evidence(r1, "https://buenosaires.gob.ar/evidencia/portal-datos", "Portal publicado");
        evidence(unaccepted, "https://example.org/no-publicada", "Evidencia de un reporte no aceptado");
        evidence(r2, "https://buenosaires.gob.ar/evidencia/informe-final", "Informe final");
        evaluation(first, "SUBSTANTIAL", "MARGINAL", "Avance sustancial según el órgano de monitoreo.");
        evaluation(second, "COMPLETE", "MAJOR", null);
    }

    private long id(String code) {
        return fixtures.jdbc().queryForObject("select id from commitment where code = ?", Long.class, code);
    }

    private long report(long commitmentId, String period, String status) {
        Timestamp at = Timestamp.from(Instant.parse(period + "T15:00:00Z").plusSeconds(86400 * 35));
        Map<String, Object> row = fixtures.jdbc().queryForMap("""
                insert into follow_up_report (commitment_id, period, status, due_date, accepted_at)
                values (?, ?, ?, ?, ?) returning id""", commitmentId, Date.valueOf(period), status,
                Date.valueOf(LocalDate.parse(period).plusMonths(1).plusDays(9)),
                "ACCEPTED".equals(status) ? at : null);
        return ((Number) row.get("id")).longValue();
    }

    private void evidence(long reportId, String url, String description) {
        fixtures.jdbc().update("""
                insert into evidence (report_id, kind, url, description, added_by, added_at)
                values (?, 'LINK', ?, ?, 'area-gobierno-abierto', ?)""", reportId, url, description,
                Timestamp.from(Instant.parse("2023-07-10T15:00:00Z")));
    }

    private void evaluation(long commitmentId, String level, String opened, String notes) {
        fixtures.jdbc().update("""
                insert into monitoring_evaluation (commitment_id, completion_level, opened_government, verifiable,
                    relevant, notes, evaluated_by, evaluated_at) values (?, ?, ?, true, true, ?, 'monitoreo', ?)""",
                commitmentId, level, opened, notes, Timestamp.from(Instant.parse("2023-11-20T15:00:00Z")));
    }

    private static RequestPostProcessor staff() {
        return user("equipo").authorities(new SimpleGrantedAuthority("GROUP_og-team"));
    }

    private String html(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }

    @Test
    void beforePublicationThePublicRoutesAnswer404WithAPage() throws Exception {
        mvc.perform(get("/self-assessment")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("todavía no fue publicado")));
        mvc.perform(get("/self-assessment.pdf")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("todavía no fue publicado")));
        mvc.perform(get("/staff/self-assessment").with(staff())).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Todavía no hay un borrador")));

        assessments.draft(PLAN, null);

        mvc.perform(get("/self-assessment").param("lang", "en")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("has not been published yet")));
        mvc.perform(get("/staff/self-assessment").with(staff())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Borrador versión 1")))
                .andExpect(content().string(containsString(html(completion.get("ARBA0001")))));
        mvc.perform(get("/staff/self-assessment")).andExpect(status().is3xxRedirection());
    }

    @Test
    void publishedReportShowsEachCommitmentsCompletionAndEvaluation() throws Exception {
        SelfAssessment draft = assessments.draft(PLAN, null);
        assertThat(draft.getVersion()).isEqualTo(1);
        assessments.edit(draft.getId(), "Balance del tercer plan de acción.", "Notas del equipo.", "equipo");
        SelfAssessment second = assessments.draft(PLAN, null);
        assertThat(second.getVersion()).isEqualTo(2);
        assertThat(second.getIntroduction()).as("carried over").isEqualTo("Balance del tercer plan de acción.");
        assertThat(assessments.get(draft.getId()).getStatus()).isEqualTo(SelfAssessment.Status.SUPERSEDED);
        assessments.publish(second.getId(), "equipo");

        SelfAssessmentReport report = assessments.report(assessments.published(PLAN).orElseThrow());
        assertThat(report.commitments()).extracting(SelfAssessmentReport.CommitmentOutcome::code)
                .containsExactly("ARBA0001", "ARBA0002", "ARBA0003", "ARBA0004", "ARBA0005", "ARBA0006");
        SelfAssessmentReport.CommitmentOutcome first = report.commitments().get(0);
        assertThat(first.acceptedReports()).as("the submitted report is not public").isEqualTo(2);
        assertThat(first.lastAcceptedPeriod()).isEqualTo(LocalDate.of(2023, 7, 1));
        assertThat(first.evidence()).extracting(SelfAssessmentReport.EvidenceItem::description)
                .containsExactly("Portal publicado");
        assertThat(report.evaluated()).isEqualTo(2);

        String page = mvc.perform(get("/self-assessment")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Borrador"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Balance del tercer plan de acción.").contains("Notas del equipo.")
                .contains("Portal publicado").doesNotContain("Evidencia de un reporte no aceptado");
        for (Map.Entry<String, String> e : completion.entrySet()) {
            assertThat(page).contains("id=\"" + e.getKey() + "\"").contains(html(e.getValue()));
        }
        assertThat(page).contains(html("Nivel de cumplimiento: Sustancial; ¿abrió el gobierno?: Marginalmente"))
                .contains(html("Nivel de cumplimiento: Completo; ¿abrió el gobierno?: Significativamente"))
                .contains(html("Avance sustancial según el órgano de monitoreo."));
        assertThat(page.split(html("Todavía sin evaluación"), -1)).as("four commitments not evaluated").hasSize(5);
        assertThat(page).as("the last report's month, not an ISO date").contains(html("2 (último: julio 2023)"))
                .doesNotContain("2023-07-01").contains("junio 2023").doesNotContain("2023-06-01");

        mvc.perform(get("/self-assessment").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Completion level: Substantial")))
                .andExpect(content().string(containsString("milestones completed")))
                .andExpect(content().string(containsString("2 (last: July 2023)")));

        byte[] pdf = mvc.perform(get("/self-assessment.pdf")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            for (Map.Entry<String, String> e : completion.entrySet()) {
                assertThat(text).contains(e.getKey()).contains(e.getValue());
            }
            assertThat(text).contains("Nivel de cumplimiento: Sustancial")
                    .contains("Nivel de cumplimiento: Completo").contains("Todavía sin evaluación")
                    .contains("Balance del tercer plan de acción.").doesNotContain("Borrador");
        }

        // the published figures were frozen: a later change in the follow-up data does not alter them
        fixtures.jdbc().update("update milestone set status = 'COMPLETED', percent_complete = 100");
        mvc.perform(get("/self-assessment")).andExpect(status().isOk())
                .andExpect(content().string(containsString(html(completion.get("ARBA0001")))));
    }

    @Test
    void reviewRefusesTooLongTextsAndVersionsThatAreNoLongerDrafts() {
        SelfAssessment draft = assessments.draft(PLAN, null);

        assertThatThrownBy(() -> assessments.edit(draft.getId(), "x".repeat(8001), "ok", "equipo"))
                .isInstanceOfSatisfying(InputRefusedException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("introduction"));

        assessments.publish(draft.getId(), "equipo");
        assertThatThrownBy(() -> assessments.publish(draft.getId(), "equipo"))
                .isInstanceOfSatisfying(InputRefusedException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("version"));
        assertThatThrownBy(() -> assessments.edit(draft.getId(), "tarde", null, "equipo"))
                .isInstanceOf(InputRefusedException.class);
        assertThat(assessments.published(PLAN).orElseThrow().getIntroduction()).isNull();
    }
}
