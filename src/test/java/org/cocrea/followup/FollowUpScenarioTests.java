package org.cocrea.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.mail.MessagingException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.cocrea.CocreaApplication;
import org.cocrea.commitment.ActionPlan;
import org.cocrea.commitment.CommitmentPublished;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.Languages;
import org.cocrea.kernel.NotFoundException;
import org.cocrea.kernel.ProblemTexts;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.SqlStatements;
import org.cocrea.support.TestFixtures;
import org.cocrea.support.TestSmtp;
import org.cocrea.workflow.CommitmentFollowUpProcess;
import org.cocrea.workflow.FollowUpWorkflow;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly follow-up on PostgreSQL with the real delegates: a report requested by the monthly timer, refused and
 * then accepted input, milestones updated only by the accepted report, a completed milestone no longer asked about,
 * more evidence requested; evidence uploads (size cap, types by content, extension, who may upload and download) and
 * the public download only of accepted reports' files; the reminder and overdue mails through the outbox to GreenMail
 * and the escalation task; the end of a commitment, the monitoring body's mail and evaluation; and the start on
 * {@link CommitmentPublished} and at start-up, once per commitment.
 */
@CocreaIntegrationTest
class FollowUpScenarioTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SMTP);

    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AREA = "area-ambiente";

    @Autowired
    TestFixtures fixtures;
    @Autowired
    ActionPlan actionPlan;
    @Autowired
    FollowUps followUps;
    @Autowired
    FollowUpWorkflow workflow;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MockMvc mvc;
    @Value("${cocrea.follow-up.evidence.folder}")
    Path evidenceFolder;

    @BeforeEach
    void setUp() {
        fixtures.reset();
        fixtures.user("fu-ambiente", "fu-ambiente@areas.example.org", AREA);
        fixtures.user("fu-equipo", "fu-equipo@gobierno.example.org", "og-team");
        fixtures.user("fu-monitoreo", "fu-monitoreo@monitoreo.example.org", "monitoring-body");
        fixtures.user("fu-diversidad", "fu-diversidad@areas.example.org", "area-diversidad");
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
    }

    // ---------------------------------------------------------------- reports and milestones

    @Test
    void acceptedReportUpdatesTheMilestonesAndCompletedOnesAreNotAskedAgain() throws Exception {
        long id = commitment("ARBA-T1", YearMonth.now(ZONE).minusMonths(2), YearMonth.now(ZONE).plusMonths(3));
        ProcessInstance pi = startFollowUp(id);
        Task report = requestThisMonth(pi);
        assertThat(taskService.getIdentityLinksForTask(report.getId())).anyMatch(l -> AREA.equals(l.getGroupId()));
        assertThat(report.getName()).contains("ARBA-T1");
        long reportId = (Long) taskService.getVariable(report.getId(), CommitmentFollowUpProcess.REPORT_ID);
        ArrayNode rows = offeredRows(report);
        assertThat(rows).hasSize(3);
        // the area's users may open the form in Tasklist (READ on the process definition, granted at start-up)
        identityService.setAuthentication("fu-ambiente", List.of(AREA));
        try (var form = formService.getDeployedTaskForm(report.getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("follow-up-report")
                    .contains("{{reportPage}}");
        } finally {
            identityService.clearAuthentication();
        }

        // refused: percent out of range, completed below 100, a milestone left out, a bad link
        ArrayNode bad = rows.deepCopy();
        fill((ObjectNode) bad.get(0), "COMPLETED", 80, "Hecho", "ftp://no.example.org");
        fill((ObjectNode) bad.get(1), "IN_PROGRESS", 150, "Avanza", null);
        bad.remove(2);
        assertThatThrownBy(() -> submitForm(report, "fu-ambiente", AREA, CommitmentFollowUpProcess.MILESTONES,
                Spin.JSON(bad.toString())))
                .hasMessageContaining("100 %").hasMessageContaining("0 y 100").hasMessageContaining("falta informar")
                .hasMessageContaining("http");
        assertThat(taskService.createTaskQuery().taskId(report.getId()).count()).isOne();
        assertThat(count("select count(*) from milestone_progress")).isZero();

        fill((ObjectNode) rows.get(0), "COMPLETED", 100, "Mesa constituida", "https://example.org/acta\nhttps://example.org/fotos");
        fill((ObjectNode) rows.get(1), "IN_PROGRESS", 50, "Borrador listo", null);
        fill((ObjectNode) rows.get(2), "NOT_STARTED", 0, null, null);
        submitForm(report, "fu-ambiente", AREA, CommitmentFollowUpProcess.MILESTONES, Spin.JSON(rows.toString()));

        assertThat(reportStatus(reportId)).isEqualTo("SUBMITTED");
        assertThat(fixtures.jdbc().queryForObject("select submitted_by from follow_up_report where id = ?",
                String.class, reportId)).isEqualTo("fu-ambiente");
        assertThat(count("select count(*) from evidence where kind = 'LINK' and report_id = " + reportId)).isEqualTo(2);
        // not accepted yet: the milestones (what the dashboard shows) are untouched
        assertThat(milestoneStates(id)).containsExactly("NOT_STARTED:0", "NOT_STARTED:0", "NOT_STARTED:0");

        Task review = taskService.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(CommitmentFollowUpProcess.TASK_REVIEW_REPORT).singleResult();
        assertThat((String) taskService.getVariable(review.getId(), CommitmentFollowUpProcess.REPORT_SUMMARY))
                .contains("Completado, 100 %").contains("Borrador listo");
        submitForm(review, "fu-equipo", "og-team", CommitmentFollowUpProcess.REVIEW_DECISION, "ACCEPT");

        assertThat(reportStatus(reportId)).isEqualTo("ACCEPTED");
        assertThat(milestoneStates(id)).containsExactly("COMPLETED:100", "IN_PROGRESS:50", "NOT_STARTED:0");
        assertThat(count("select count(*) from milestone where last_report_id = " + reportId)).isEqualTo(3);
        // The public dashboard shows the accepted report at once: no cache, no batch in between.
        String dashboard = mvc.perform(get("/dashboard/ARBA-T1")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(dashboard).contains("Mesa constituida").contains("Borrador listo")
                .contains("https://example.org/acta");
        assertThat(mvc.perform(get("/api/dashboard"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("ARBA-T1");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isOne();

        // next month's report asks only about the two milestones not completed
        FollowUps.Request next = followUps.request(id, YearMonth.now(ZONE).plusMonths(1).atDay(1).atStartOfDay(ZONE)
                .toInstant(), pi.getId());
        assertThat(next.created()).isTrue();
        assertThat(followUps.entries(next.reportId())).extracting(FollowUps.Entry::title)
                .noneMatch(t -> t.startsWith("1."));
        assertThat(followUps.entries(next.reportId())).hasSize(2);
        // and asking again for the same month finds the same report: one row per commitment and month
        FollowUps.Request again = followUps.request(id, YearMonth.now(ZONE).plusMonths(1).atDay(28).atStartOfDay(ZONE)
                .toInstant(), pi.getId());
        assertThat(again.created()).isFalse();
        assertThat(again.reportId()).isEqualTo(next.reportId());
        assertThat(again.dueAt()).isEqualTo(next.dueAt());
    }

    @Test
    void aMonthsNewReportAndItsFormRowsTakeThreeStatements() {
        // what the monthly timer's job does for every commitment at once (issue 12, benchmark 4): request the month's
        // report, then read the form's rows and the review reason in the same transaction
        long id = commitment("ARBA-T10", YearMonth.now(ZONE).minusMonths(1), YearMonth.now(ZONE).plusMonths(3));
        Instant nextMonth = YearMonth.now(ZONE).plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
        long statements = transactions.execute(s -> {
            SqlStatements.reset();
            FollowUps.Request request = followUps.request(id, nextMonth, "pi-1");
            assertThat(request.created()).isTrue();
            assertThat(followUps.entries(request.reportId())).hasSize(3);
            assertThat(followUps.report(request.reportId()).getReviewReason()).isNull();
            return SqlStatements.count();
        });
        // the commitment with its month's report (none yet), the new report's insert, the milestones; a report never
        // submitted has no progress rows nor evidence links to read
        assertThat(statements).isEqualTo(3);
        assertThatThrownBy(() -> followUps.request(id + 1_000_000, nextMonth, "pi-1"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRefusedReportNamesTheFieldByItsLabelUnderTheReportHeadingAndLinksToIt() throws Exception {
        long id = commitment("ARBA-T8", YearMonth.now(ZONE).minusMonths(1), YearMonth.now(ZONE).plusMonths(3));
        ProcessInstance pi = startFollowUp(id);
        long reportId = (Long) taskService.getVariable(requestThisMonth(pi).getId(), CommitmentFollowUpProcess.REPORT_ID);
        List<Long> milestoneIds = fixtures.jdbc().queryForList(
                "select id from milestone where commitment_id = ? order by position", Long.class, id);
        Document empty = Jsoup.parse(mvc.perform(get("/follow-up/reports/" + reportId)
                .with(area())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(empty.select("label[for=work-0]").text()).as("what was done is marked as required")
                .contains("Qué se hizo").contains("obligatorio");
        assertThat(empty.select("label[for=percent-0]").text()).contains("obligatorio");

        var bad = post("/follow-up/reports/" + reportId).with(csrf()).with(area());
        for (Long m : milestoneIds) {
            bad.param("milestoneId", m.toString()).param("status", "IN_PROGRESS").param("percentComplete", "20")
                    .param("workDone", "").param("evidenceLinks", "").param("nextSteps", "");
        }
        String html = mvc.perform(bad).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);
        assertThat(html).doesNotContain("milestones[").doesNotContain("No se guardó el archivo");
        assertThat(page.select("#upload-problems")).isEmpty();
        assertThat(page.select("#report-problems > p").text()).isEqualTo("No se guardó el informe:");
        var first = page.select("#report-problems li").first();
        assertThat(first.select("a").text()).isEqualTo("Qué se hizo");
        assertThat(first.select("a").attr("href")).isEqualTo("#work-0");
        assertThat(first.text()).contains("contá qué se hizo").doesNotContain("say what was done");
        assertThat(page.select("#work-0").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#percent-0").hasAttr("aria-invalid")).isFalse();

        // A refused upload is shown under the file heading, in the request's language, with the field's label.
        String upload = mvc.perform(multipart("/follow-up/reports/" + reportId + "/evidence").with(csrf()).with(area())
                .header("Accept-Language", "en")).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document up = Jsoup.parse(upload);
        assertThat(up.select("#report-problems")).isEmpty();
        assertThat(up.select("#upload-problems > p").text()).isEqualTo("The file was not saved:");
        assertThat(up.select("#upload-problems li").text()).isEqualTo("File: choose a file");
    }

    @Test
    void theAreaReportsOnTheReportPageWhichCompletesItsTaskForReview() throws Exception {
        long id = commitment("ARBA-T9", YearMonth.now(ZONE).minusMonths(1), YearMonth.now(ZONE).plusMonths(3));
        ProcessInstance pi = startFollowUp(id);
        Task report = requestThisMonth(pi);
        long reportId = (Long) taskService.getVariable(report.getId(), CommitmentFollowUpProcess.REPORT_ID);
        List<Long> milestoneIds = fixtures.jdbc().queryForList(
                "select id from milestone where commitment_id = ? order by position", Long.class, id);
        String page = mvc.perform(get("/follow-up/reports/" + reportId).with(area())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"report-form\"").contains("name=\"percentComplete\"");

        // A bad percentage and a missing "what was done": 400 on the page with the reasons, nothing stored.
        var bad = post("/follow-up/reports/" + reportId).with(csrf()).with(area());
        for (Long m : milestoneIds) {
            bad.param("milestoneId", m.toString()).param("status", "IN_PROGRESS").param("percentComplete", "mucho")
                    .param("workDone", "").param("evidenceLinks", "").param("nextSteps", "");
        }
        mvc.perform(bad).andExpect(status().isBadRequest());
        assertThat(reportStatus(reportId)).isEqualTo("REQUESTED");
        // A NUL in a text (PostgreSQL refuses it) is a form error too, not a 500.
        var nul = post("/follow-up/reports/" + reportId).with(csrf()).with(area());
        for (Long m : milestoneIds) {
            nul.param("milestoneId", m.toString()).param("status", "IN_PROGRESS").param("percentComplete", "10")
                    .param("workDone", "He\u0000cho").param("evidenceLinks", "").param("nextSteps", "Seguir");
        }
        assertThat(mvc.perform(nul).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("caracteres de control");
        assertThat(reportStatus(reportId)).isEqualTo("REQUESTED");
        assertThat(taskService.createTaskQuery().taskId(report.getId()).count()).isOne();

        var good = post("/follow-up/reports/" + reportId).with(csrf()).with(area());
        for (Long m : milestoneIds) {
            good.param("milestoneId", m.toString()).param("status", "IN_PROGRESS").param("percentComplete", "40")
                    .param("workDone", "Avance del mes").param("evidenceLinks", "https://example.org/avance")
                    .param("nextSteps", "Seguir");
        }
        mvc.perform(good).andExpect(status().is3xxRedirection());
        assertThat(reportStatus(reportId)).isEqualTo("SUBMITTED");
        assertThat(taskService.createTaskQuery().taskId(report.getId()).count()).as("the Tasklist task completed")
                .isZero();
        assertThat(task(pi, CommitmentFollowUpProcess.TASK_REVIEW_REPORT)).isNotNull();
        // An area that does not lead the commitment cannot report for it.
        mvc.perform(post("/follow-up/reports/" + reportId).with(csrf()).with(user("fu-diversidad")
                .authorities(new SimpleGrantedAuthority(
                        "GROUP_area-diversidad")))).andExpect(status().isForbidden());
    }

    @Test
    void aCompletionCannotPointTheTaskAtAnotherCommitmentsReport() throws Exception {
        long a = commitment("ARBA-T7", YearMonth.now(ZONE).minusMonths(1), YearMonth.now(ZONE).plusMonths(3));
        long b = commitment("ARBA-T8", YearMonth.now(ZONE).minusMonths(1), YearMonth.now(ZONE).plusMonths(3));
        Task mine = requestThisMonth(startFollowUp(a));
        Task other = requestThisMonth(startFollowUp(b));
        long otherReport = (Long) taskService.getVariable(other.getId(), CommitmentFollowUpProcess.REPORT_ID);
        ArrayNode rows = offeredRows(mine);
        rows.forEach(r -> fill((ObjectNode) r, "IN_PROGRESS", 30, "Trabajo", null));

        assertThatThrownBy(() -> submitForm(mine, "fu-ambiente", AREA, CommitmentFollowUpProcess.MILESTONES,
                Spin.JSON(rows.toString()), CommitmentFollowUpProcess.REPORT_ID, otherReport))
                .hasMessageContaining(CommitmentFollowUpProcess.REPORT_ID);
        assertThatThrownBy(() -> submitForm(mine, "fu-ambiente", AREA, CommitmentFollowUpProcess.MILESTONES,
                Spin.JSON(rows.toString()), "commitmentId", b))
                .hasMessageContaining("commitmentId");
        assertThat(reportStatus(otherReport)).isEqualTo("REQUESTED");
        assertThat(count("select count(*) from milestone_progress")).isZero();
        assertThat(taskService.createTaskQuery().taskId(mine.getId()).count()).isOne();
    }

    @Test
    void moreEvidenceRequestedSendsTheReportBackWithTheReason() throws Exception {
        long id = commitment("ARBA-T2", YearMonth.now(ZONE).minusMonths(1), YearMonth.now(ZONE).plusMonths(6));
        ProcessInstance pi = startFollowUp(id);
        Task report = requestThisMonth(pi);
        long reportId = (Long) taskService.getVariable(report.getId(), CommitmentFollowUpProcess.REPORT_ID);
        submitAllInProgress(report);
        Task review = task(pi, CommitmentFollowUpProcess.TASK_REVIEW_REPORT);

        assertThatThrownBy(() -> submitForm(review, "fu-equipo", "og-team", CommitmentFollowUpProcess.REVIEW_DECISION,
                "MORE")).hasMessageContaining("qué falta");
        submitForm(review, "fu-equipo", "og-team", CommitmentFollowUpProcess.REVIEW_DECISION, "MORE",
                CommitmentFollowUpProcess.REVIEW_REASON, "Falta el acta firmada");

        assertThat(reportStatus(reportId)).isEqualTo("CHANGES_REQUESTED");
        assertThat(milestoneStates(id)).allMatch(s -> s.equals("NOT_STARTED:0"));
        Task back = task(pi, CommitmentFollowUpProcess.TASK_SUBMIT_REPORT);
        assertThat(taskService.getVariable(back.getId(), CommitmentFollowUpProcess.PREVIOUS_REVIEW_REASON))
                .isEqualTo("Falta el acta firmada");
        // the form comes back with what the area said
        assertThat(offeredRows(back).get(0).path("workDone").asText()).isEqualTo("Trabajo del mes");
        submitAllInProgress(back);
        assertThat(reportStatus(reportId)).isEqualTo("SUBMITTED");
    }

    // ---------------------------------------------------------------- evidence files

    @Test
    void uploadsAreCheckedBySizeTypeAndContentAndPublicOnlyOnceAccepted() throws Exception {
        long id = commitment("ARBA-T3", YearMonth.now(ZONE).minusMonths(1), YearMonth.now(ZONE).plusMonths(6));
        ProcessInstance pi = startFollowUp(id);
        Task report = requestThisMonth(pi);
        long reportId = (Long) taskService.getVariable(report.getId(), CommitmentFollowUpProcess.REPORT_ID);
        String url = "/follow-up/reports/" + reportId + "/evidence";
        long filesBefore = filesInFolder();

        mvc.perform(get("/follow-up/reports/" + reportId).with(area())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("upload-form")));
        // too large (the test cap is 1 MB)
        byte[] big = new byte[1024 * 1024 + 1];
        System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 8);
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "grande.pdf", "application/pdf", big))
                .with(area()).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(result -> assertThat(Jsoup.parse(result.getResponse().getContentAsString(
                        StandardCharsets.UTF_8)).select("#upload-problems li").text())
                        .startsWith("Archivo: el archivo supera"));
        // a program named .pdf
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "acta.pdf", "application/pdf",
                "MZ\u0090\u0000binario".getBytes(StandardCharsets.ISO_8859_1))).with(area()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("tipo de archivo no admitido")));
        // a PNG named .pdf
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "foto.pdf", "application/pdf", png()))
                .with(area()).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("no corresponde al contenido")));
        // empty, and no file at all
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "vacio.csv", "text/csv", new byte[0]))
                .with(area()).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("vacío")));
        mvc.perform(multipart(url).with(area()).with(csrf())).andExpect(status().isBadRequest());
        // another area, the monitoring body (read only) and nobody may not upload
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "acta.pdf", "application/pdf", pdf))
                .with(user("fu-diversidad").authorities(new SimpleGrantedAuthority("GROUP_area-diversidad")))
                .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "acta.pdf", "application/pdf", pdf))
                .with(monitoring()).with(csrf())).andExpect(status().isForbidden());
        assertThat(count("select count(*) from evidence")).isZero();
        assertThat(filesInFolder()).isEqualTo(filesBefore);

        // accepted: a PDF for a milestone, a DOCX and a CSV for the whole report
        long milestone = fixtures.jdbc().queryForObject(
                "select min(id) from milestone where commitment_id = ?", Long.class, id);
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "../../etc/Acta firmada.pdf", "text/plain", pdf))
                .param("milestoneId", String.valueOf(milestone)).param("description", "Acta de la mesa")
                .with(area()).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "informe.docx", "application/octet-stream",
                docx())).with(area()).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "datos.csv", "text/csv",
                "punto,estado\nuno,activo\n".getBytes(StandardCharsets.UTF_8))).with(area()).with(csrf()))
                .andExpect(status().is3xxRedirection());

        List<Map<String, Object>> stored = fixtures.jdbc().queryForList(
                "select id, file_name, content_type, size_bytes, sha256, storage_key, milestone_id from evidence "
                        + "where report_id = ? order by id", reportId);
        assertThat(stored).extracting(r -> r.get("content_type")).containsExactly("application/pdf",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/csv");
        Map<String, Object> first = stored.get(0);
        assertThat(first.get("file_name")).isEqualTo("Acta firmada.pdf");
        assertThat(first.get("milestone_id")).isEqualTo(milestone);
        assertThat(first.get("sha256")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
        String key = (String) first.get("storage_key");
        assertThat(key).matches("[0-9a-f]{32}");
        assertThat(Files.readAllBytes(evidenceFolder.toAbsolutePath().resolve(key))).isEqualTo(pdf);
        long evidenceId = ((Number) first.get("id")).longValue();

        // before acceptance: staff, the area and the monitoring body download; the public does not, another area neither
        mvc.perform(get("/follow-up/evidence/" + evidenceId).with(staff())).andExpect(status().isOk())
                .andExpect(content().bytes(pdf))
                .andExpect(header().string("Content-Type", Matchers.startsWith("application/pdf")));
        mvc.perform(get("/follow-up/evidence/" + evidenceId).with(area())).andExpect(status().isOk());
        mvc.perform(get("/follow-up/evidence/" + evidenceId).with(monitoring())).andExpect(status().isOk());
        mvc.perform(get("/follow-up/evidence/" + evidenceId)
                .with(user("fu-diversidad").authorities(new SimpleGrantedAuthority("GROUP_area-diversidad"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/dashboard/evidence/" + evidenceId)).andExpect(status().isNotFound());

        submitAllInProgress(report);
        mvc.perform(get("/dashboard/evidence/" + evidenceId)).andExpect(status().isNotFound());
        submitForm(task(pi, CommitmentFollowUpProcess.TASK_REVIEW_REPORT), "fu-equipo", "og-team",
                CommitmentFollowUpProcess.REVIEW_DECISION, "ACCEPT");

        mvc.perform(get("/dashboard/evidence/" + evidenceId)).andExpect(status().isOk()).andExpect(content().bytes(pdf))
                .andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment")));
        mvc.perform(get("/dashboard/evidence/999999999")).andExpect(status().isNotFound());
        // an accepted report is frozen
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "tarde.pdf", "application/pdf", pdf))
                .with(area()).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(result -> assertThat(Jsoup.parse(result.getResponse().getContentAsString(
                        StandardCharsets.UTF_8)).select("#upload-problems li").text())
                        .startsWith("Informe: el informe ya fue aceptado"));
        assertThatThrownBy(() -> transactions.execute(s -> {
            try {
                return files.upload(reportId, null, "tarde.pdf", null, new ByteArrayInputStream(pdf), "fu-ambiente");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        })).isInstanceOf(InputRefusedException.class).satisfies(e -> assertThat(ProblemTexts.bundles()
                .text((InputRefusedException) e, Languages.SPANISH)).contains("aceptado"));
        // a link is not a file: nothing to download
        long link = fixtures.jdbc().queryForObject("select min(id) from evidence where kind = 'LINK'", Long.class);
        mvc.perform(get("/dashboard/evidence/" + link)).andExpect(status().isNotFound());
    }

    @Autowired
    EvidenceFiles files;

    // ---------------------------------------------------------------- reminder, overdue, escalation

    @Test
    void reminderAndOverdueNoticeReachTheAreaAndTheTeamGetsAnEscalationTask() throws Exception {
        long id = commitment("ARBA-T4", YearMonth.now(ZONE).minusMonths(1), YearMonth.now(ZONE).plusMonths(6));
        ProcessInstance pi = startFollowUp(id);
        Task report = requestThisMonth(pi);
        fixtures.flushOutbox();
        int before = greenMail.getReceivedMessages().length;

        managementService.executeJob(job(pi, CommitmentFollowUpProcess.TIMER_DUE_SOON).getId());
        // to the lead area's members only (other tests' users of area-ambiente may be there too)
        assertThat(fixtures.jdbc().queryForList("select recipient from mail_outbox where kind = 'follow-up-reminder'",
                String.class)).containsOnlyOnce("fu-ambiente@areas.example.org")
                .doesNotContain("fu-diversidad@areas.example.org", "fu-equipo@gobierno.example.org");
        fixtures.flushOutbox();
        assertThat(received(0)).contains("fu-ambiente@areas.example.org Recordatorio: informe de seguimiento de "
                + "ARBA-T4 — Compromiso ARBA-T4 (" + followUps.month(YearMonth.now(ZONE).atDay(1),
                        Locale.forLanguageTag("es")) + ")");
        assertThat(fixtures.jdbc().queryForObject("select body_html from mail_outbox "
                + "where kind = 'follow-up-reminder' and recipient = 'fu-ambiente@areas.example.org'", String.class)).contains("?task=" + report.getId()).contains("/follow-up/reports/");

        managementService.executeJob(job(pi, CommitmentFollowUpProcess.TIMER_OVERDUE).getId());
        Task escalation = task(pi, CommitmentFollowUpProcess.TASK_HANDLE_OVERDUE);
        assertThat(taskService.getIdentityLinksForTask(escalation.getId()))
                .anyMatch(l -> "og-team".equals(l.getGroupId()));
        assertThat(escalation.getName()).contains("ARBA-T4");
        assertThat(fixtures.jdbc().queryForList("select recipient from mail_outbox where kind = 'follow-up-overdue'",
                String.class)).containsOnlyOnce("fu-ambiente@areas.example.org")
                .doesNotContain("fu-diversidad@areas.example.org", "fu-equipo@gobierno.example.org");
        fixtures.flushOutbox();
        List<String> subjects = received(0);
        assertThat(subjects).contains("fu-ambiente@areas.example.org Informe vencido: ARBA-T4 — Compromiso ARBA-T4 ("
                + followUps.month(YearMonth.now(ZONE).atDay(1), Locale.forLanguageTag("es")) + ")");
        // the team is notified of its new task too, and the area's report stays open
        assertThat(subjects).anyMatch(s -> s.startsWith("fu-equipo@gobierno.example.org Nueva tarea: Escalamiento"));
        assertThat(task(pi, CommitmentFollowUpProcess.TASK_SUBMIT_REPORT)).isNotNull();
    }

    // ---------------------------------------------------------------- end and evaluation

    @Test
    void endedCommitmentGoesToTheMonitoringBodyWhoseEvaluationIsStored() throws Exception {
        long id = commitment("ARBA-T5", YearMonth.of(2022, 1), YearMonth.of(2022, 12));
        ProcessInstance pi = startFollowUp(id);
        fixtures.flushOutbox();
        int before = greenMail.getReceivedMessages().length;
        // the end date has passed: the job executor would fire the end timer at once
        managementService.executeJob(job(pi, CommitmentFollowUpProcess.TIMER_COMMITMENT_ENDS).getId());

        Task evaluation = task(pi, CommitmentFollowUpProcess.TASK_EVALUATE);
        assertThat(taskService.getIdentityLinksForTask(evaluation.getId()))
                .anyMatch(l -> "monitoring-body".equals(l.getGroupId()));
        identityService.setAuthentication("fu-monitoreo", List.of("monitoring-body"));
        try (var form = formService.getDeployedTaskForm(evaluation.getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("commitment-evaluation");
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat((String) taskService.getVariable(evaluation.getId(), CommitmentFollowUpProcess.MILESTONE_SUMMARY))
                .contains("No iniciado, 0 %").contains("Informes aceptados: 0 de 0");
        fixtures.flushOutbox();
        assertThat(Arrays.stream(greenMail.getReceivedMessages()).skip(before).map(m -> {
            try {
                return m.getAllRecipients()[0] + " " + m.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        })).contains("monitoreo@test.cocrea.local Evaluación pendiente: ARBA-T5 — Compromiso ARBA-T5");

        assertThatThrownBy(() -> submitForm(evaluation, "fu-monitoreo", "monitoring-body",
                CommitmentFollowUpProcess.COMPLETION_LEVEL, "MUCHO", CommitmentFollowUpProcess.VERIFIABLE, true,
                CommitmentFollowUpProcess.RELEVANT, true)).hasMessageContaining("nivel de cumplimiento")
                .hasMessageContaining("abrió el gobierno");
        submitForm(evaluation, "fu-monitoreo", "monitoring-body", CommitmentFollowUpProcess.COMPLETION_LEVEL,
                "SUBSTANTIAL", CommitmentFollowUpProcess.OPENED_GOVERNMENT, "MARGINAL",
                CommitmentFollowUpProcess.VERIFIABLE, true, CommitmentFollowUpProcess.RELEVANT, false,
                CommitmentFollowUpProcess.EVALUATION_NOTES, "Avance sustancial; faltó la publicación final.");

        Map<String, Object> row = fixtures.jdbc().queryForMap("select * from monitoring_evaluation where commitment_id = ?", id);
        assertThat(row.get("completion_level")).isEqualTo("SUBSTANTIAL");
        assertThat(row.get("opened_government")).isEqualTo("MARGINAL");
        assertThat(row.get("verifiable")).isEqualTo(true);
        assertThat(row.get("relevant")).isEqualTo(false);
        assertThat(row.get("evaluated_by")).isEqualTo("fu-monitoreo");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    // ---------------------------------------------------------------- starting

    @Test
    void publishedCommitmentStartsOneFollowUpAndStartUpStartsOnlyTheMissingOnes() {
        long id = commitment("ARBA-T6", YearMonth.now(ZONE), YearMonth.now(ZONE).plusMonths(12));
        long other = commitment("ARBA-T7", YearMonth.now(ZONE), YearMonth.now(ZONE).plusMonths(12));
        transactions.executeWithoutResult(s -> events.publishEvent(new CommitmentPublished(id, "ARBA-T6")));
        transactions.executeWithoutResult(s -> events.publishEvent(new CommitmentPublished(id, "ARBA-T6")));

        assertThat(instances("ARBA-T6")).isOne();
        assertThat(runtimeService.getVariable(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey("ARBA-T6").singleResult().getId(), "commitmentId")).isEqualTo(id);
        assertThat(workflow.startMissing()).isEqualTo(1);
        assertThat(instances("ARBA-T7")).isOne();
        assertThat(workflow.startMissing()).isZero();
        assertThat(other).isNotEqualTo(id);
    }

    // ---------------------------------------------------------------- helpers

    /** Imports a published commitment with three milestones led by area-ambiente. @return its id */
    private long commitment(String code, YearMonth start, YearMonth end) {
        ArrayNode root = JSON.createArrayNode();
        ObjectNode c = root.addObject();
        c.put("id", code);
        c.put("title_es", "Compromiso " + code);
        c.put("title", "Commitment " + code);
        c.put("co_creation_instance", 1);
        c.putArray("ogp_values").add("Access to information");
        c.put("commitment_start", start.toString());
        c.put("commitment_end", end.toString());
        c.put("description", "Prueba");
        ArrayNode ms = c.putArray("milestones");
        ms.addObject().put("title", "Constituir la mesa");
        ms.addObject().put("title", "Publicar los datos");
        ms.addObject().put("title", "Informe final");
        try {
            actionPlan.importPublished(new ByteArrayInputStream(root.toString().getBytes(StandardCharsets.UTF_8)),
                    "ARBA-2021-2023");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        actionPlan.assignLeadArea(code, AREA, "ambiente");
        return fixtures.jdbc().queryForObject("select id from commitment where code = ?", Long.class, code);
    }

    private ProcessInstance startFollowUp(long id) {
        String piId = workflow.start(id).orElseThrow();
        return runtimeService.createProcessInstanceQuery().processInstanceId(piId).singleResult();
    }

    /** Fires the monthly timer now, as the demo and Cockpit do. @return the area's report task */
    private Task requestThisMonth(ProcessInstance pi) {
        managementService.executeJob(job(pi, CommitmentFollowUpProcess.TIMER_MONTHLY_REPORT).getId());
        return task(pi, CommitmentFollowUpProcess.TASK_SUBMIT_REPORT);
    }

    private void submitAllInProgress(Task report) throws Exception {
        ArrayNode rows = offeredRows(report);
        rows.forEach(r -> fill((ObjectNode) r, "IN_PROGRESS", 30, "Trabajo del mes", "https://example.org/avance"));
        submitForm(report, "fu-ambiente", AREA, CommitmentFollowUpProcess.MILESTONES, Spin.JSON(rows.toString()));
    }

    private ArrayNode offeredRows(Task task) throws Exception {
        Object value = taskService.getVariableLocal(task.getId(), CommitmentFollowUpProcess.MILESTONES);
        JsonNode node = JSON.readTree(value.toString());
        // Tasklist keeps only the fields the form shows: drop nothing but check the form's fields are there
        assertThat(node.get(0).has("title")).isTrue();
        return (ArrayNode) node;
    }

    private static void fill(ObjectNode row, String status, int percent, String workDone, String links) {
        row.put("status", status);
        row.put("percentComplete", percent);
        row.put("workDone", workDone);
        row.put("evidenceLinks", links);
        row.put("nextSteps", "Seguir");
    }

    /** Submits a task's form as Tasklist does ({@code submit-form}), as the given user. */
    private void submitForm(Task task, String userId, String group, Object... keyValues) {
        var vars = Variables.createVariables();
        for (int i = 0; i < keyValues.length; i += 2) {
            vars.putValue((String) keyValues[i], keyValues[i + 1]);
        }
        identityService.setAuthentication(userId, List.of(group));
        try {
            formService.submitTaskForm(task.getId(), vars);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private Task task(ProcessInstance pi, String key) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }

    private Job job(ProcessInstance pi, String activity) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activity).singleResult();
    }

    /** @return "recipient subject" of each mail GreenMail received after the first {@code skip} */
    private static List<String> received(int skip) {
        return Arrays.stream(greenMail.getReceivedMessages()).skip(skip).map(m -> {
            try {
                return m.getAllRecipients()[0] + " " + m.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private long instances(String code) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(CommitmentFollowUpProcess.KEY)
                .processInstanceBusinessKey(code).count();
    }

    private String reportStatus(long reportId) {
        return fixtures.jdbc().queryForObject("select status from follow_up_report where id = ?", String.class,
                reportId);
    }

    private List<String> milestoneStates(long commitmentId) {
        return fixtures.jdbc().queryForList("select status || ':' || percent_complete from milestone "
                + "where commitment_id = ? order by position", String.class, commitmentId);
    }

    private long count(String sql) {
        return fixtures.jdbc().queryForObject(sql, Long.class);
    }

    private long filesInFolder() throws IOException {
        Path folder = evidenceFolder.toAbsolutePath();
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (var s = Files.list(folder)) {
            return s.count();
        }
    }

    private static RequestPostProcessor area() {
        return user("fu-ambiente").authorities(new SimpleGrantedAuthority("GROUP_" + AREA));
    }

    private static RequestPostProcessor staff() {
        return user("fu-equipo").authorities(new SimpleGrantedAuthority("GROUP_og-team"));
    }

    private static RequestPostProcessor monitoring() {
        return user("fu-monitoreo").authorities(new SimpleGrantedAuthority("GROUP_monitoring-body"));
    }

    private static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    }

    private static byte[] docx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
