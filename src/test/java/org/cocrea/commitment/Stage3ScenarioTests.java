package org.cocrea.commitment;

import static org.assertj.core.api.Assertions.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cocrea.area.Areas;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.NotFoundException;
import org.cocrea.participant.ContactInput;
import org.cocrea.participant.Contacts;
import org.cocrea.roundtable.BoardEntry;
import org.cocrea.roundtable.RoundTable;
import org.cocrea.roundtable.RoundTables;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.cocrea.support.TestSmtp;
import org.cocrea.workflow.CommitmentDraftingProcess;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Stage 3 on PostgreSQL, from a topic chosen at a held round-table to a published commitment, with the real BPMN and
 * the mails delivered through GreenMail: the prefilled sheet, a refused and a valid save (versions), circulation to the
 * round-table's participants, the multi-stakeholder forum and the axis's subscribers, public comments (refused without
 * consent, refused after the deadline), the reminder, consolidation with reasoned answers and a new version whose
 * changes the public page shows, a rejection by the lead area and its approval, and publication as {@code ARBA0007}
 * next to ARBA0001-ARBA0006 in the HTML, PDF, JSON and CSV plan.
 */
@CocreaIntegrationTest
class Stage3ScenarioTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SMTP);

    @Autowired
    TestFixtures fixtures;
    @Autowired
    RoundTables roundTables;
    @Autowired
    Contacts contacts;
    @Autowired
    CommitmentSheets sheets;
    @Autowired
    ActionPlan plan;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    MockMvc mvc;
    @Autowired
    Areas areas;
    @Autowired
    MessageSource messages;
    @LocalServerPort
    int port;

    private final RequestPostProcessor staff = user("equipo").authorities(new SimpleGrantedAuthority("GROUP_og-team"));
    long callId;
    long tableId;

    @BeforeEach
    void heldRoundTable() throws Exception {
        fixtures.reset();
        try (InputStream in = new ClassPathResource("demo/ba-2021-2023-commitments.json").getInputStream()) {
            plan.importPublished(in, "ARBA-2021-2023");
        }
        fixtures.openCall(Duration.ofDays(3));
        callId = fixtures.openCallId();
        RoundTable table = roundTables.create(callId, "ambiente", null);
        tableId = table.getId();
        roundTables.confirm(tableId, roundTables.get(tableId).getStartsAt(), 120, "https://meet.example.org/ambiente", 30);
        roundTables.register(tableId, "Paula Participante", "Paula@Example.org", "Red Verde", "osc-territorial", true);
        contacts.register(new ContactInput("suscripta@example.org", "Sara Suscripta", null, null, Set.of("ambiente"),
                Set.of(), "en", Instant.now(), "directory"), "test");
        roundTables.addEntry(tableId, BoardEntry.Board.COMMITMENT, "public-problem",
                "El 30% del arbolado no está relevado.", "Red Verde");
        roundTables.addEntry(tableId, BoardEntry.Board.COMMITMENT, "milestones", "Censo colaborativo del arbolado", "");
        roundTables.recordTopics(tableId, List.of("Arbolado urbano colaborativo"));
        roundTables.markHeld(tableId);
    }

    @Test
    void fromChosenTopicToPublishedCommitment() throws Exception {
        // The held round-table started one drafting instance, prefilled from its phase 2 board.
        ProcessInstance pi = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(CommitmentDraftingProcess.KEY).singleResult();
        long id = (Long) runtimeService.getVariable(pi.getId(), CommitmentDraftingProcess.COMMITMENT_ID);
        assertThat(pi.getBusinessKey()).isEqualTo("commitment-" + id);
        CommitmentSheet prefilled = sheets.sheet(id);
        assertThat(prefilled.titleEs()).isEqualTo("Arbolado urbano colaborativo");
        assertThat(prefilled.publicProblem()).contains("El 30% del arbolado no está relevado. (Red Verde)");
        assertThat(prefilled.milestones()).extracting(CommitmentSheet.MilestoneInput::title)
                .containsExactly("Censo colaborativo del arbolado");
        assertThat(prefilled.leadAreaGroup()).isEqualTo("area-ambiente");
        assertThat(sheets.versions(id)).hasSize(1);
        assertThat(runtimeService.getVariable(pi.getId(), CommitmentDraftingProcess.SHEET_PAGE).toString())
                .endsWith("/staff/commitments/" + id);

        // The sheet is incomplete: completing the task is refused with the fields, and the draft does not circulate.
        Task complete = task(CommitmentDraftingProcess.TASK_COMPLETE_SHEET);
        assertThatThrownBy(() -> taskService.complete(complete.getId(), Map.of("sheetReady", true)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Objetivo");
        assertThat(sheets.get(id).getStatus()).isEqualTo(Commitment.Status.DRAFT);

        // A save with the end before the start is refused and stores nothing; a valid one is version 2.
        String page = mvc.perform(post("/staff/commitments/" + id).with(csrf()).with(staff)
                        .params(sheetForm("2026-01-01", "2025-12-31", "2026-03-01", "2026-06-30")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("la fecha de fin debe ser posterior a la de inicio");
        assertThat(sheets.versions(id)).hasSize(1);
        mvc.perform(post("/staff/commitments/" + id).with(csrf()).with(staff)
                        .params(sheetForm("2026-01-01", "2026-12-31", "2026-03-01", "2027-06-30")))
                .andExpect(status().isOk());
        assertThat(sheets.versions(id)).hasSize(1);
        mvc.perform(post("/staff/commitments/" + id).with(csrf()).with(staff)
                        .params(sheetForm("2026-01-01", "2026-12-31", "2026-03-01", "2026-06-30")))
                .andExpect(status().is3xxRedirection());
        assertThat(sheets.versions(id)).extracting(CommitmentVersion::getVersion).containsExactly(1, 2);
        assertThat(sheets.versions(id).get(1).getChangedBy()).isEqualTo("equipo");

        // Before circulation the draft is not public.
        mvc.perform(get("/drafts/" + id)).andExpect(status().isNotFound());
        mvc.perform(post("/drafts/" + id + "/comments").with(csrf()).param("section", "objective"))
                .andExpect(status().isNotFound());

        // Circulation: the participant, the forum and the axis's subscriber get the link and the deadline.
        taskService.complete(complete.getId(), Map.of("sheetReady", true));
        assertThat(sheets.get(id).getStatus()).isEqualTo(Commitment.Status.CIRCULATING);
        assertThat(sheets.get(id).getCommentDeadline()).isBetween(Instant.now().plus(Duration.ofDays(9)),
                Instant.now().plus(Duration.ofDays(11)));
        fixtures.flushOutbox();
        assertThat(recipients("Borrador de compromiso abierto a comentarios")).containsExactlyInAnyOrder(
                "paula@example.org", "foro.multiactor@example.org");
        assertThat(recipients("Draft commitment open for comments")).containsExactly("suscripta@example.org");
        assertThat(body("paula@example.org", "Borrador de compromiso")).contains("/drafts/" + id);
        // The axis's subscriber came from the directory: one-click unsubscribe (link and RFC 8058 header).
        assertThat(body("suscripta@example.org", "Draft commitment")).contains("/unsubscribe/");
        assertThat(Arrays.stream(greenMail.getReceivedMessages()).filter(m -> to(m).equals("suscripta@example.org"))
                .findFirst().orElseThrow().getHeader("List-Unsubscribe")).isNotNull();
        assertThat(body("paula@example.org", "Borrador de compromiso")).doesNotContain("/unsubscribe/");

        // The public list shows it with its deadline; the page: sections and a comment form per section; a comment
        // without consent is refused.
        assertThat(mvc.perform(get("/drafts")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("/drafts/" + id).contains("comentarios hasta el");
        String draft = mvc.perform(get("/drafts/" + id)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(draft).contains("Arbolado urbano colaborativo").contains("id=\"section-objective\"")
                .contains("Comentar la sección");
        String refused = mvc.perform(post("/drafts/" + id + "/comments").with(csrf()).param("section", "objective")
                        .param("name", "Nico").param("email", "nico@example.org").param("body", "Falta la meta."))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("tenés que aceptar la publicación del comentario");
        mvc.perform(post("/drafts/" + id + "/comments").with(csrf()).param("section", "objective")
                        .param("name", "Nico <b>").param("organization", "Vecinos").param("email", "Nico@Example.org")
                        .param("consent", "true").param("body", "Falta una meta <script>alert(1)</script> medible."))
                .andExpect(status().is3xxRedirection());
        String withComment = mvc.perform(get("/drafts/" + id)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(withComment).contains("Nico &lt;b&gt;").contains("&lt;script&gt;").doesNotContain("<script>alert")
                .doesNotContain("nico@example.org");

        // The reminder before the window closes goes to the same people.
        managementService.executeJob(job(CommitmentDraftingProcess.TIMER_REMINDER).getId());
        fixtures.flushOutbox();
        assertThat(recipients("Últimos días para comentar")).containsExactlyInAnyOrder("paula@example.org",
                "foro.multiactor@example.org");

        // After the deadline a comment is refused with a clear message and nothing is stored.
        fixtures.jdbc().update("update commitment set comment_deadline = ? where id = ?",
                Timestamp.from(Instant.now().minusSeconds(60)), id);
        String late = mvc.perform(post("/drafts/" + id + "/comments").with(csrf()).param("section", "milestones")
                        .param("name", "Tarde").param("email", "tarde@example.org").param("consent", "true")
                        .param("body", "Llego tarde."))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(late).contains("el período de comentarios de este borrador está cerrado");
        assertThat(fixtures.jdbc().queryForObject("select count(*) from draft_comment", Long.class)).isEqualTo(1);

        // The window closes: consolidation, refused while the comment has no answer.
        managementService.executeJob(job(CommitmentDraftingProcess.TIMER_WINDOW_CLOSED).getId());
        Task consolidate = task(CommitmentDraftingProcess.TASK_CONSOLIDATE);
        assertThat(taskService.getVariable(consolidate.getId(), CommitmentDraftingProcess.COMMENT_COUNT)).isEqualTo(1L);
        assertThatThrownBy(() -> taskService.complete(consolidate.getId()))
                .hasMessageContaining("quedan comentarios sin respuesta");
        long commentId = fixtures.jdbc().queryForObject("select id from draft_comment", Long.class);
        mvc.perform(post("/staff/commitments/" + id + "/comments/" + commentId).with(csrf()).with(staff)
                .param("answer", "PARTIALLY_ACCEPTED").param("reason", "Agregamos una meta de 5.000 árboles."))
                .andExpect(status().is3xxRedirection());
        MultiValue revised = sheetForm("2026-01-01", "2026-12-31", "2026-03-01", "2026-06-30");
        revised.set("objective", "Relevar 5.000 árboles con vecinas y vecinos.");
        mvc.perform(post("/staff/commitments/" + id).with(csrf()).with(staff).params(revised))
                .andExpect(status().is3xxRedirection());
        taskService.complete(consolidate.getId());
        fixtures.flushOutbox();
        assertThat(recipients("Respuesta a tu comentario")).containsExactly("nico@example.org");

        // The public page shows the answer next to the comment and what changed between versions 2 and 3.
        String consolidated = mvc.perform(get("/drafts/" + id)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(consolidated).contains("Aceptado parcialmente").contains("Agregamos una meta de 5.000 árboles.")
                .contains("Qué cambió de la versión 2 a la 3").contains("<ins>").contains("5.000");

        // The lead area rejects (a reason is required), the team revises, the area approves.
        Task validate = task(CommitmentDraftingProcess.TASK_VALIDATE);
        assertThat(taskService.getIdentityLinksForTask(validate.getId())).anyMatch(l -> "area-ambiente".equals(l.getGroupId()));
        assertThatThrownBy(() -> taskService.complete(validate.getId(), Map.of("validationDecision", "reject")))
                .hasMessageContaining("Motivo");
        taskService.complete(validate.getId(), Map.of("validationDecision", "reject",
                "validationReason", "El hito debe nombrar al área responsable."));
        Task revise = task(CommitmentDraftingProcess.TASK_REVISE);
        assertThat(taskService.getVariable(revise.getId(), CommitmentDraftingProcess.REJECTION_REASON))
                .isEqualTo("El hito debe nombrar al área responsable.");
        taskService.complete(revise.getId(), Map.of("sheetReady", true));
        taskService.complete(task(CommitmentDraftingProcess.TASK_VALIDATE).getId(),
                Map.of("validationDecision", "approve"));

        // Published as the next code, next to ARBA0001-ARBA0006, in every format; no longer in the drafts list.
        Commitment published = sheets.get(id);
        assertThat(sheets.publicDrafts()).isEmpty();
        assertThat(published.getStatus()).isEqualTo(Commitment.Status.PUBLISHED);
        assertThat(published.getCode()).isEqualTo("ARBA0007");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(plan.published()).extracting(Commitment::getCode).containsExactly("ARBA0001", "ARBA0002",
                "ARBA0003", "ARBA0004", "ARBA0005", "ARBA0006", "ARBA0007");
        assertThat(mvc.perform(get("/action-plan")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("ARBA0007").contains("Arbolado urbano colaborativo");
        // English readers: the sheet's English title, the area's English name, Spanish-only texts marked as such
        String english = mvc.perform(get("/action-plan").param("lang", "en")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String arba7 = english.substring(english.indexOf("id=\"ARBA0007\""));
        assertThat(arba7.substring(0, arba7.indexOf("</article>"))).contains("Collaborative urban trees")
                .contains("General Direction of Ecological Restoration and Environmental Recomposition")
                .contains("<span lang=\"es\" class=\"fallback-text\">Censo colaborativo del arbolado</span>"
                        + "<small class=\"fallback\"> (Spanish only)</small>")
                .contains("<span lang=\"es\" class=\"fallback-text\">Relevar 5.000 árboles")
                .contains("(Spanish only)").doesNotContain("Arbolado urbano colaborativo");
        assertThat(mvc.perform(get("/api/action-plan")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("\"code\":\"ARBA0007\"").contains("Relevar 5.000 árboles");
        assertThat(mvc.perform(get("/api/action-plan.csv")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("ARBA0007");
        byte[] pdf = mvc.perform(get("/action-plan.pdf")).andReturn().getResponse().getContentAsByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("ARBA0007");
        }
    }

    @Test
    void aLeadAreaCannotValidateAnotherCommitmentByOverwritingItsId() throws Exception {
        fixtures.user("rest-ambiente", "rest-ambiente@areas.example.org", "area-ambiente");
        long id = validSheetUncommentedToValidation();
        Task validate = task(CommitmentDraftingProcess.TASK_VALIDATE);
        long published = plan.published().get(0).getId();

        for (String decision : List.of("reject", "approve")) {
            HttpResponse<String> response = completeOverRest(validate.getId(), """
                    {"variables": {"validationDecision": {"value": "%s"}, "validationReason": {"value": "No"},
                     "commitmentId": {"value": %d, "type": "Long"}}}
                    """.formatted(decision, published));
            assertThat(response.statusCode()).as(decision).isEqualTo(400);
            assertThat(response.body()).contains("commitmentId");
        }
        assertThat(sheets.get(published).getStatus()).as("the published commitment stays in the plan")
                .isEqualTo(Commitment.Status.PUBLISHED);
        assertThat(sheets.get(id).getStatus()).isEqualTo(Commitment.Status.VALIDATING);
        assertThat(taskService.createTaskQuery().taskId(validate.getId()).count()).isEqualTo(1);
        assertThatThrownBy(() -> sheets.rejectValidation(published, "No"))
                .isInstanceOf(InputRefusedException.class).hasMessageContaining("sheet.error.notValidating");
    }

    @Test
    void theSheetIsFrozenWhileItsLeadAreaValidatesIt() throws Exception {
        long id = validSheetUncommentedToValidation();
        MultiValue changed = sheetForm("2026-01-01", "2026-12-31", "2026-03-01", "2026-06-30");
        changed.set("objective", "Otro texto que el área nunca vio.");
        String page = mvc.perform(post("/staff/commitments/" + id).with(csrf()).with(staff).params(changed))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("mientras el área la valida");
        assertThat(sheets.versions(id)).hasSize(2);
        assertThat(sheets.sheet(id).objective()).isEqualTo("Relevar el arbolado.");
        assertThat(mvc.perform(get("/staff/commitments/" + id).with(staff)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("en validación por el área o publicada");
    }

    /** Saves a valid sheet (version 2), circulates it and closes the window without comments: the area validates. */
    private long validSheetUncommentedToValidation() {
        ProcessInstance pi = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(CommitmentDraftingProcess.KEY).singleResult();
        long id = (Long) runtimeService.getVariable(pi.getId(), CommitmentDraftingProcess.COMMITMENT_ID);
        sheets.save(id, validSheet("Un censo colaborativo.", List.of(new CommitmentSheet.MilestoneInput("Censo",
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 5, 31), null))), "equipo", null);
        taskService.complete(task(CommitmentDraftingProcess.TASK_COMPLETE_SHEET).getId(), Map.of("sheetReady", true));
        managementService.executeJob(job(CommitmentDraftingProcess.TIMER_WINDOW_CLOSED).getId());
        assertThat(sheets.get(id).getStatus()).isEqualTo(Commitment.Status.VALIDATING);
        return id;
    }

    @Test
    void oddOgpValuesAndOutOfRangeDatesAreFormErrorsNot500s() throws Exception {
        long id = sheets.chosenTopics(callId).stream().findFirst()
                .map(t -> sheets.createDraft(t, "ARBA-2021-2023", 1)).orElseThrow();
        MultiValue gap = sheetForm("2026-01-01", "2026-12-31", "2026-03-01", "2026-06-30");
        gap.remove("ogpValues");
        gap.set("ogpValues[3]", "civic-participation");
        mvc.perform(post("/staff/commitments/" + id).with(csrf()).with(staff).params(gap))
                .andExpect(status().is3xxRedirection());
        MultiValue repeated = sheetForm("2026-01-01", "2026-12-31", "2026-03-01", "2026-06-30");
        repeated.remove("ogpValues");
        repeated.put("ogpValues", Collections.nCopies(40, "technology-and-innovation"));
        mvc.perform(post("/staff/commitments/" + id).with(csrf()).with(staff).params(repeated))
                .andExpect(status().is3xxRedirection());
        assertThat(sheets.sheet(id).ogpValues()).containsExactly("technology-and-innovation");

        for (String[] dates : List.of(new String[] {"+999999999-01-01", "+999999999-12-31"},
                new String[] {"0000-01-01", "0001-01-01"})) {
            String page = mvc.perform(post("/staff/commitments/" + id).with(csrf()).with(staff)
                            .params(sheetForm(dates[0], dates[1], "2026-03-01", "2026-06-30")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("Fecha de inicio: la fecha debe estar entre 2000 y 2099");
        }
        assertThat(sheets.sheet(id).startDate()).isEqualTo(LocalDate.of(2026, 1, 1));

        mvc.perform(post("/staff/endorsements").with(csrf()).with(staff).param("organization", "Red Verde")
                        .param("role", "foro").param("endorsedOn", "-999999999-01-01"))
                .andExpect(status().is3xxRedirection())
                .andExpect(MockMvcResultMatchers.flash()
                        .attribute("problems", List.of(new SheetProblem("endorsedOn",
                                "sheet.error.dateRange"))));
        assertThat(fixtures.jdbc().queryForObject("select count(*) from endorsement", Long.class)).isZero();
    }

    @Test
    void aCommentWindowOverAYearIsRefusedAndTheDraftStaysADraft() {
        long id = sheets.chosenTopics(callId).stream().findFirst()
                .map(t -> sheets.createDraft(t, "ARBA-2021-2023", 1)).orElseThrow();
        sheets.save(id, validSheet("Un censo.", List.of(new CommitmentSheet.MilestoneInput("Censo",
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 5, 31), null))), "equipo", null);
        for (Duration window : List.of(Duration.ofDays(999_999_999), Duration.ofMinutes(59))) {
            assertThatThrownBy(() -> sheets.circulate(id, window))
                    .isInstanceOfSatisfying(InputRefusedException.class, e -> assertThat(e.problems())
                            .contains(FieldProblem.of("commentWindow", "sheet.error.window")));
        }
        assertThat(sheets.get(id).getStatus()).isEqualTo(Commitment.Status.DRAFT);
        assertThat(sheets.get(id).getCommentDeadline()).isNull();
    }

    @Test
    void staffListsShowAreaAndAxisNamesAndMilestoneTitlesAreNotCut() throws Exception {
        long id = sheets.chosenTopics(callId).stream().findFirst()
                .map(t -> sheets.createDraft(t, "ARBA-2021-2023", 1)).orElseThrow();
        String longTitle = "Relevamiento participativo del arbolado de las quince comunas con vecinos, escuelas y "
                + "organizaciones ambientales, publicado como datos abiertos";
        sheets.save(id, validSheet("Un censo.", List.of(new CommitmentSheet.MilestoneInput(longTitle,
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 5, 31), "Ambiente"))), "equipo", null);
        Commitment c = sheets.get(id);

        Document list = Jsoup.parse(mvc.perform(get("/staff/commitments").with(staff))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        Element row = list.select("tbody tr").stream()
                .filter(r -> r.select("a[href=/staff/commitments/" + id + "]").size() == 1).findFirst().orElseThrow();
        String areaName = areas.byCandidateGroup("area-ambiente").orElseThrow().name(Locale.forLanguageTag("es"));
        assertThat(row.select("td").get(1).text()).as("axis by name")
                .isEqualTo(messages.getMessage("axis." + c.getAxis(), null, Locale.forLanguageTag("es")))
                .isNotEqualTo(c.getAxis());
        assertThat(row.select("td").get(2).text()).as("lead area by name").isEqualTo(areaName);
        assertThat(list.select("tbody").text()).doesNotContain("area-ambiente");

        Document editor = Jsoup.parse(mvc.perform(get("/staff/commitments/" + id)
                .with(staff)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        Element title = editor.selectFirst("table.milestones [name=milestones[0].title]");
        assertThat(title.tagName()).as("a wrapping text box, not a one-line input").isEqualTo("textarea");
        assertThat(title.text()).isEqualTo(longTitle);
        assertThat(editor.selectFirst("table.milestones [name=milestones[0].responsibleArea]").tagName())
                .isEqualTo("textarea");
    }

    @Test
    void whatChangedShowsOgpValuesByLabelAndWholeDates() throws Exception {
        long id = sheets.chosenTopics(callId).stream().findFirst()
                .map(t -> sheets.createDraft(t, "ARBA-2021-2023", 1)).orElseThrow();
        List<CommitmentSheet.MilestoneInput> milestones = List.of(new CommitmentSheet.MilestoneInput("Censo",
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 5, 31), null));
        CommitmentSheet base = validSheet("Un censo.", milestones);
        sheets.save(id, base, "equipo", null);
        CommitmentSheet changed = new CommitmentSheet(base.titleEs(), base.titleEn(), base.leadAreaGroup(),
                base.leadArea(), base.supportingInstitutions(), base.startDate(), LocalDate.of(2026, 11, 30),
                base.publicProblem(), base.statusQuo(), base.description(), base.objective(), base.howItHelps(),
                List.of("access-to-information"), base.additionalInfo(), base.contact(), milestones);
        sheets.save(id, changed, "equipo", null);
        assertThat(changed.text(CommitmentSheet.Section.DATES)).isEqualTo("01/01/2026 – 30/11/2026");

        Document es = Jsoup.parse(mvc.perform(get("/staff/commitments/" + id).with(staff))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        Elements changes = es.select("#changes");
        assertThat(changes.text()).doesNotContain("access-to-information").doesNotContain("civic-participation");
        assertThat(changes.select("del").eachText()).contains("Participación cívica");
        assertThat(changes.select("ins").eachText()).contains("Acceso a la información");
        assertThat(changes.select("del").eachText()).as("whole dates, not characters").contains("31/12/2026")
                .noneMatch(t -> t.matches("\\d{1,2}|/\\d*"));
        assertThat(changes.select("ins").eachText()).as("whole dates, not characters").contains("30/11/2026")
                .noneMatch(t -> t.matches("\\d{1,2}|/\\d*"));
        Document en = Jsoup.parse(mvc.perform(get("/staff/commitments/" + id)
                .param("lang", "en").with(staff)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(en.select("#changes ins").eachText()).contains("Access to information");
    }

    @Test
    void versionsCompareSectionBySectionAndEscapeText() {
        long id = sheets.chosenTopics(callId).stream().findFirst()
                .map(t -> sheets.createDraft(t, "ARBA-2021-2023", 1)).orElseThrow();
        CommitmentSheet base = validSheet("Plantar <b>árboles</b>", List.of(
                new CommitmentSheet.MilestoneInput("Censo", LocalDate.of(2026, 2, 1),
                        LocalDate.of(2026, 5, 31), null)));
        sheets.save(id, base, "equipo", null);
        CommitmentSheet changed = validSheet("Plantar y cuidar <b>árboles</b>", List.of(
                new CommitmentSheet.MilestoneInput("Censo", LocalDate.of(2026, 2, 1),
                        LocalDate.of(2026, 5, 31), null),
                new CommitmentSheet.MilestoneInput("Mapa abierto", LocalDate.of(2026, 6, 1),
                        LocalDate.of(2026, 9, 30), "Ambiente")));
        int v = sheets.save(id, changed, "equipo", "respuesta a comentarios");
        assertThat(v).isEqualTo(3);
        assertThat(sheets.save(id, changed, "equipo", "sin cambios")).as("an unchanged save is no new version").isEqualTo(3);

        List<CommitmentSheets.SectionChange> diff = sheets.diff(id, 2, 3);
        assertThat(diff).extracting(CommitmentSheets.SectionChange::section).containsExactly(
                CommitmentSheet.Section.DESCRIPTION, CommitmentSheet.Section.MILESTONES);
        assertThat(String.join("\n", diff.get(0).lines())).contains("<ins>").contains("cuidar")
                .contains("&lt;b&gt;").doesNotContain("<b>");
        assertThat(String.join("\n", diff.get(1).lines())).contains("<ins>").contains("Mapa abierto");
        assertThatThrownBy(() -> sheets.diff(id, 2, 9)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void endorsementsAreRecordedByStaffAndPublishedWithThePlan() throws Exception {
        mvc.perform(post("/staff/endorsements").with(csrf()).with(staff).param("organization", "Directorio Legislativo")
                .param("person", "María Pérez").param("role", "Miembro del foro multiactor")
                .param("endorsedOn", "2021-12-10")).andExpect(status().is3xxRedirection());
        String refused = mvc.perform(post("/staff/endorsements").with(csrf()).with(staff)
                        .param("organization", "Futuro").param("role", "x").param("endorsedOn", "2999-01-01"))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("problems").toString();
        assertThat(refused).contains("endorsement.error.future");
        mvc.perform(post("/staff/endorsements").with(csrf()).with(staff).param("organization", "Sin fecha")
                .param("role", "x").param("endorsedOn", "10/12/2021")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/staff/endorsements").with(csrf())
                .with(user("ambiente").authorities(new SimpleGrantedAuthority("GROUP_area-ambiente")))
                .param("organization", "Intrusa").param("role", "x").param("endorsedOn", "2021-12-10"))
                .andExpect(status().isForbidden());
        assertThat(fixtures.jdbc().queryForList("select organization from endorsement", String.class))
                .containsExactly("Directorio Legislativo");

        assertThat(mvc.perform(get("/action-plan")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Respaldos de organizaciones no gubernamentales").contains("Directorio Legislativo")
                .contains("Miembro del foro multiactor").contains("10/12/2021").doesNotContain("2021-12-10");
        byte[] pdf = mvc.perform(get("/action-plan.pdf")).andReturn().getResponse().getContentAsByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Directorio Legislativo");
        }
    }

    @Test
    void sheetRulesNameEveryProblem() {
        CommitmentSheet bad = new CommitmentSheet("", "", "area-inexistente", null, "", LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 4, 1), "", "", "", "", "", List.of("magic"), "", "",
                List.of(new CommitmentSheet.MilestoneInput("Fuera", LocalDate.of(2025, 1, 1),
                        LocalDate.of(2025, 2, 1), null)));
        assertThat(sheets.validate(bad)).extracting(FieldProblem::field).contains("titleEs",
                "leadAreaGroup", "publicProblem", "description", "objective", "ogpValues", "endDate",
                "milestones[0].endDate");
        CommitmentSheet none = validSheet("Algo", List.of());
        assertThat(sheets.validate(none)).extracting(FieldProblem::code)
                .containsExactly("sheet.error.noMilestone");
    }

    private CommitmentSheet validSheet(String description, List<CommitmentSheet.MilestoneInput> milestones) {
        return new CommitmentSheet("Arbolado urbano colaborativo", "Collaborative urban trees", "area-ambiente", null,
                "Red Verde", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                "El 30% del arbolado no está relevado.", "", description, "Relevar el arbolado.", "",
                List.of("civic-participation"), "", "ambiente@example.org", milestones);
    }

    /** The staff form's fields, milestone rows included, as a mutable parameter map. */
    private static MultiValue sheetForm(String start, String end, String mStart, String mEnd) {
        MultiValue p = new MultiValue();
        p.set("titleEs", "Arbolado urbano colaborativo");
        p.set("titleEn", "Collaborative urban trees");
        p.set("leadAreaGroup", "area-ambiente");
        p.set("supportingInstitutions", "Red Verde\nVecinos del Parque");
        p.set("startDate", start);
        p.set("endDate", end);
        p.set("publicProblem", "El 30% del arbolado no está relevado.");
        p.set("description", "Un censo colaborativo del arbolado con datos abiertos.");
        p.set("objective", "Relevar el arbolado.");
        p.add("ogpValues", "civic-participation");
        p.add("ogpValues", "access-to-information");
        p.set("milestones[0].title", "Censo colaborativo del arbolado");
        p.set("milestones[0].startDate", mStart);
        p.set("milestones[0].endDate", mEnd);
        p.set("milestones[1].title", "");
        p.set("milestones[1].startDate", "");
        p.set("milestones[1].endDate", "");
        return p;
    }

    /** A parameter map for MockMvc. */
    static final class MultiValue extends LinkedMultiValueMap<String, String> {
    }

    private HttpResponse<String> completeOverRest(String taskId, String json) throws Exception {
        String auth = Base64.getEncoder().encodeToString("rest-ambiente:secret".getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + port + "/engine-rest/task/" + taskId + "/complete"))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Task task(String key) {
        return taskService.createTaskQuery().processDefinitionKey(CommitmentDraftingProcess.KEY)
                .taskDefinitionKey(key).singleResult();
    }

    private Job job(String activityId) {
        return managementService.createJobQuery().activityId(activityId).singleResult();
    }

    private List<String> recipients(String subjectStart) throws Exception {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> subject(m).startsWith(subjectStart))
                .map(Stage3ScenarioTests::to).toList();
    }

    private String body(String recipient, String subjectStart) throws Exception {
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (to(m).equals(recipient) && subject(m).startsWith(subjectStart)) {
                return text(m.getContent());
            }
        }
        return "";
    }

    /** The decoded text of a message's content, parts joined. */
    private static String text(Object content) throws Exception {
        if (content instanceof Multipart multipart) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                out.append(text(multipart.getBodyPart(i).getContent()));
            }
            return out.toString();
        }
        return content instanceof String text ? text : "";
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
