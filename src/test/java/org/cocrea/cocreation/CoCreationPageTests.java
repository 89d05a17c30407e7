package org.cocrea.cocreation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.cocrea.CocreaApplication;
import org.cocrea.commitment.CommitmentSheet;
import org.cocrea.commitment.CommitmentSheets;
import org.cocrea.consultation.Consultations;
import org.cocrea.kernel.Dates;
import org.cocrea.kernel.Groups;
import org.cocrea.proposal.Channel;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.ProposalInput;
import org.cocrea.proposal.Proposals;
import org.cocrea.roundtable.Registration;
import org.cocrea.roundtable.RoundTables;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.DeployedModels;
import org.cocrea.support.TestFixtures;
import org.cocrea.workflow.CallForParticipationProcess;
import org.cocrea.workflow.CallForProposalsProcess;
import org.cocrea.workflow.CoCreationProcess;
import org.cocrea.workflow.CommitmentDraftingProcess;
import org.cocrea.workflow.ConsultationWorkflow;
import org.cocrea.workflow.ProposalReviewProcess;
import org.cocrea.workflow.RoundTableProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public page of a co-creation instance on PostgreSQL, with the real models: one {@code co-creation} instance is
 * driven from its open call through its round-table and its draft to the published commitment and the end, and at
 * each point the page (anonymous, Spanish and English) shows which stages are done, open and next, with the dates
 * the process has (the call's closing, the round-table's start, the comment window's end); the participation
 * figures; the home page shows the instance; an unknown id is a 404; and a changed diagram (a stage renamed, one
 * added) is what the page shows for an instance started on it.
 */
@CocreaIntegrationTest
class CoCreationPageTests {

    static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);
    static final String AXIS = "ambiente";
    static final String CONSULTATION = CoCreationProcess.CALL_CONSULTATION;
    static final String OPEN_CALL = CoCreationProcess.CALL_OPEN_CALL;
    static final String ROUND_TABLE = CoCreationProcess.CALL_ROUND_TABLE;
    static final String DRAFTING = CoCreationProcess.CALL_DRAFTING;
    static final String END = CoCreationProcess.END;

    @Autowired
    TestFixtures fixtures;
    @Autowired
    ConsultationWorkflow workflow;
    @Autowired
    Consultations consultations;
    @Autowired
    Proposals proposals;
    @Autowired
    RoundTables roundTables;
    @Autowired
    CommitmentSheets sheets;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    DeployedModels models;
    @Autowired
    Dates dates;
    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.context.MessageSource messages;

    Set<String> deploymentsBefore;

    @BeforeEach
    void reset() {
        fixtures.reset();
        deploymentsBefore = models.deploymentIds();
    }

    @AfterEach
    void cleanUp() {
        models.removeDeploymentsSince(deploymentsBefore);
        fixtures.reset();
    }

    @Test
    void thePageFollowsTheInstanceFromTheOpenCallToPublication() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String root = workflow.startCoCreation("ARBA-2021-2023", "Co-creación de prueba", List.of(AXIS),
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(3)));
        long callId = fixtures.openCallId();
        String callInstance = consultations.get(callId).getProcessInstanceId();

        // 1. The call is open: Stage 1 open with its closing date; the rest next; submitting is what a visitor can do.
        String page = page(callId, "es");
        assertThat(state(page, CONSULTATION)).isEqualTo("OPEN");
        assertThat(state(page, OPEN_CALL)).isEqualTo("NEXT");
        assertThat(state(page, ROUND_TABLE)).isEqualTo("NEXT");
        assertThat(state(page, DRAFTING)).isEqualTo("NEXT");
        assertThat(state(page, END)).isEqualTo("NEXT");
        assertThat(page).contains("Etapa 1: consulta pública").contains("Abierta ahora").contains("Próxima")
                .contains("Cierre de la convocatoria: " + dates.format(consultations.get(callId).getClosesAt()))
                .contains("data-date=\"Timer_CallCloses\" data-passed=\"false\"")
                .contains("data-action=\"SUBMIT_PROPOSAL\"").contains("href=\"/proposals/new\"")
                .contains("data-action=\"FOLLOW_DASHBOARD\"")
                .doesNotContain("data-action=\"REGISTER_ROUND_TABLE\"");
        assertThat(order(page)).containsExactly(CONSULTATION, OPEN_CALL, ROUND_TABLE, DRAFTING, END);
        String english = page(callId, "en");
        assertThat(english).contains("Stage 1: public consultation").contains("Stage 3: commitment sheet")
                .contains("Open now").contains("The call closes: ").contains("Submit a proposal")
                .doesNotContain("Etapa 1: consulta pública");
        String home = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(home).contains("id=\"current-instance\"").contains("Co-creación de prueba")
                .contains("Abierta ahora: Etapa 1: consulta pública").contains("Próxima etapa: Etapa 2: ")
                .contains("href=\"/co-creation/" + callId + "\"");
        assertThat(mvc.perform(get("/").param("lang", "en")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Open now: Stage 1: public consultation");

        // 2. Stage 1 runs to its end: one proposal reviewed, the call closes, the meeting, the response, prioritised.
        Proposal proposal = proposals.submit(new ProposalInput("Arbolado colaborativo", "Relevar el arbolado con vecinos.",
                AXIS, "osc-territorial", "Red Verde", "Ana", "ana@example.org", true, "es", null), Channel.WEB);
        Task review = task(ProposalReviewProcess.TASK_REVIEW, proposal.getTrackingCode());
        taskService.complete(review.getId(), Variables.createVariables()
                .putValue(ProposalReviewProcess.VERDICT, "feasible")
                .putValue(ProposalReviewProcess.REASONING, "El área puede coordinar el relevamiento.")
                .putValue(ProposalReviewProcess.WILLING_TO_CO_CREATE, true)
                .putValue(ProposalReviewProcess.CONTACT_PERSON, "Referente del área"));
        jobsAt(callInstance, CallForProposalsProcess.TIMER_CALL_CLOSES).forEach(j -> managementService.executeJob(j.getId()));
        for (Task meeting : taskService.createTaskQuery().processInstanceId(callInstance)
                .taskDefinitionKey(CallForProposalsProcess.TASK_RECORD_MEETING).list()) {
            taskService.complete(meeting.getId(), Variables.createVariables()
                    .putValue(CallForProposalsProcess.MEETING_DATE,
                            OffsetDateTime.ofInstant(Instant.now().minus(Duration.ofMinutes(5)), ZONE).toString())
                    .putValue(CallForProposalsProcess.MEETING_ATTENDEES, "Equipo y área")
                    .putValue(CallForProposalsProcess.MEETING_OUTCOME, "Se acordó la respuesta."));
        }
        Task response = task(ProposalReviewProcess.TASK_REVIEW_RESPONSE, proposal.getTrackingCode());
        taskService.complete(response.getId(), Map.of(ProposalReviewProcess.RESPONSE_TEXT,
                taskService.getVariable(response.getId(), ProposalReviewProcess.RESPONSE_TEXT)));
        fixtures.executeAsyncJobs();
        Task prioritise = taskService.createTaskQuery().processInstanceId(callInstance)
                .taskDefinitionKey(CallForProposalsProcess.TASK_PRIORITISE).singleResult();
        taskService.complete(prioritise.getId(), Map.of(CallForProposalsProcess.PRIORITISED_PROPOSALS,
                json(List.of(String.valueOf(proposal.getId())))));

        // 3. Round-tables: the round-table is scheduled; Stage 1 done, the open call and the round-table open.
        String key = RoundTableProcess.businessKey(callId, AXIS);
        Task choose = task(RoundTableProcess.TASK_CHOOSE_ORGANIZATIONS, key);
        taskService.complete(choose.getId(), Variables.createVariables()
                .putValue(RoundTableProcess.INVITED_ORGANIZATIONS, json(List.of()))
                .putValue(RoundTableProcess.INFO_MEETING_AT,
                        LocalDateTime.ofInstant(Instant.now().plus(Duration.ofDays(5)), ZONE).truncatedTo(ChronoUnit.HOURS).toString())
                .putValue(RoundTableProcess.INFO_MEETING_LINK, "https://meet.example.org/informativa"));
        fixtures.executeAsyncJobs();
        Task confirm = task(RoundTableProcess.TASK_CONFIRM_DATE, key);
        long tableId = RoundTableProcess.ROUND_TABLE_ID_VAR.required(taskService, confirm.getId());
        taskService.complete(confirm.getId(), Variables.createVariables()
                .putValue(RoundTableProcess.STARTS_AT, taskService.getVariable(confirm.getId(), RoundTableProcess.STARTS_AT))
                .putValue(RoundTableProcess.DURATION_MINUTES, 120)
                .putValue(RoundTableProcess.MEETING_LINK, "https://meet.example.org/mesa")
                .putValue(RoundTableProcess.CAPACITY, 30));
        fixtures.executeAsyncJobs();
        Instant startsAt = roundTables.get(tableId).getStartsAt();
        page = page(callId, "es");
        assertThat(state(page, CONSULTATION)).isEqualTo("DONE");
        assertThat(state(page, OPEN_CALL)).isEqualTo("OPEN");
        assertThat(state(page, ROUND_TABLE)).isEqualTo("OPEN");
        assertThat(state(page, DRAFTING)).isEqualTo("NEXT");
        assertThat(page).contains("data-date=\"Timer_CallCloses\" data-passed=\"true\"")
                .contains("Comienza la mesa (" ).contains(dates.format(startsAt))
                .contains("data-date=\"Timer_MeetingStarts\" data-passed=\"false\"")
                .contains("data-action=\"REGISTER_ROUND_TABLE\"").doesNotContain("data-action=\"SUBMIT_PROPOSAL\"")
                .contains("id=\"figure-received\">1<").contains("id=\"figure-feasible\">1<")
                .contains("id=\"figure-prioritised\">1<").contains("id=\"figure-meetings\">0<");
        assertThat(page(callId, "en")).contains("The round-table starts").contains("Done");

        // 4. The round-table is held (someone registered and attended): Stage 3's draft sheet waits.
        Registration paula = roundTables.register(tableId, "Paula Participante", "paula@example.org", "Red Verde",
                "osc-territorial", true);
        String tableInstance = roundTables.get(tableId).getProcessInstanceId();
        for (int i = 0; i < 5 && taskService.createTaskQuery().processInstanceId(tableInstance)
                .taskDefinitionKey(RoundTableProcess.TASK_PHASE_1).count() == 0; i++) {
            managementService.createJobQuery().processInstanceId(tableInstance).list()
                    .forEach(j -> managementService.executeJob(j.getId()));
        }
        complete(RoundTableProcess.TASK_PHASE_1, key, Map.of(RoundTableProcess.PRESENTATION, "El área presentó."));
        complete(RoundTableProcess.TASK_PHASE_2, key, Map.of(RoundTableProcess.CHOSEN_TOPICS, "Arbolado urbano abierto"));
        complete(RoundTableProcess.TASK_ATTENDANCE, key,
                Map.of(RoundTableProcess.ATTENDEES, json(List.of(String.valueOf(paula.getId())))));
        fixtures.executeAsyncJobs();
        page = page(callId, "es");
        assertThat(state(page, ROUND_TABLE)).isEqualTo("DONE");
        assertThat(state(page, DRAFTING)).isEqualTo("OPEN");
        assertThat(page).contains("data-date=\"Timer_MeetingStarts\" data-passed=\"true\"")
                .contains("id=\"figure-meetings\">1<").contains("data-sector=\"osc-territorial\"")
                .contains("id=\"figure-groups\">1<").doesNotContain("Paula").doesNotContain("paula@example.org");
        assertThat(mvc.perform(get("/co-creation/" + callId + "/figures.json")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("\"groups\":1").contains("\"meetingsHeld\":1").contains("\"osc-territorial\":1")
                .doesNotContain("Paula").doesNotContain("Red Verde");

        // 5. The draft circulates: the comment window is open with its deadline; commenting is what one can do.
        Task sheetTask = taskService.createTaskQuery().taskDefinitionKey(CommitmentDraftingProcess.TASK_COMPLETE_SHEET)
                .singleResult();
        long commitmentId = CommitmentDraftingProcess.COMMITMENT_ID_VAR.required(taskService, sheetTask.getId());
        saveValidSheet(commitmentId);
        taskService.complete(sheetTask.getId(), Map.of("sheetReady", true));
        Instant deadline = sheets.get(commitmentId).getCommentDeadline();
        page = page(callId, "es");
        assertThat(state(page, DRAFTING)).isEqualTo("OPEN");
        assertThat(page).contains("Cierre de la ventana de comentarios: " + dates.format(deadline))
                .contains("data-date=\"Timer_CommentWindowClosed\" data-passed=\"false\"")
                .contains("data-action=\"COMMENT_DRAFT\"").contains("href=\"/drafts\"");

        // 6. Published: the window closes, nobody commented, the lead area approves; Stage 3 done.
        String draftInstance = sheets.get(commitmentId).getProcessInstanceId();
        jobsAt(draftInstance, CommitmentDraftingProcess.TIMER_WINDOW_CLOSED)
                .forEach(j -> managementService.executeJob(j.getId()));
        taskService.complete(taskService.createTaskQuery().processInstanceId(draftInstance)
                .taskDefinitionKey(CommitmentDraftingProcess.TASK_VALIDATE).singleResult().getId(),
                Map.of("validationDecision", "approve"));
        page = page(callId, "es");
        assertThat(state(page, DRAFTING)).isEqualTo("DONE");
        assertThat(state(page, OPEN_CALL)).isEqualTo("OPEN");
        assertThat(state(page, END)).isEqualTo("NEXT");
        assertThat(page).contains("data-date=\"Timer_CommentWindowClosed\" data-passed=\"true\"")
                .doesNotContain("data-action=\"COMMENT_DRAFT\"");

        // 7. The open call is sent and posted: the instance is complete, every stage done with its end date.
        Task write = taskService.createTaskQuery().taskDefinitionKey(CallForParticipationProcess.TASK_WRITE).singleResult();
        taskService.complete(write.getId(), Variables.createVariables()
                .putValue(CallForParticipationProcess.SUBJECT_ES, "Participá en las mesas")
                .putValue(CallForParticipationProcess.BODY_ES, "Te invitamos a las mesas de co-creación.")
                .putValue(CallForParticipationProcess.SUBJECT_EN, "Take part in the round-tables")
                .putValue(CallForParticipationProcess.BODY_EN, "Join the co-creation round-tables.")
                .putValue(CallForParticipationProcess.TOPIC, "")
                .putValue(CallForParticipationProcess.LINK, "https://cocrea.example.org/round-tables"));
        fixtures.executeAsyncJobs();
        taskService.complete(taskService.createTaskQuery()
                .taskDefinitionKey(CallForParticipationProcess.TASK_PUBLISH_SOCIAL).singleResult().getId());
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(root).singleResult()
                .getEndTime()).isNotNull();
        page = page(callId, "es");
        for (String stage : List.of(CONSULTATION, OPEN_CALL, ROUND_TABLE, DRAFTING, END)) {
            assertThat(state(page, stage)).as(stage).isEqualTo("DONE");
        }
        assertThat(page).contains("Instancia de co-creación completada").contains("Fin: ");
        assertThat(page(callId, "en")).contains("Co-creation instance completed");
    }

    @Test
    void aChangedDiagramIsWhatThePageShows() throws Exception {
        String xml = Files.readString(Path.of("processes/co-creation.bpmn"));
        String changed = xml
                .replace("name=\"Etapa 2: convocatoria abierta a participar\"",
                        "name=\"Etapa 2: convocatoria abierta a toda la ciudadanía\"")
                .replace("<bpmn:sequenceFlow id=\"Flow_Completed\" sourceRef=\"Gateway_JoinStage2\" "
                                + "targetRef=\"EndEvent_CoCreationCompleted\" />",
                        "<bpmn:sequenceFlow id=\"Flow_Completed\" sourceRef=\"Gateway_JoinStage2\" "
                                + "targetRef=\"Task_PublicReport\" />"
                                + "<bpmn:userTask id=\"Task_PublicReport\" name=\"Informe público de la instancia\" "
                                + "camunda:candidateGroups=\"" + Groups.OPEN_GOVERNMENT_TEAM + "\"><bpmn:extensionElements>"
                                + "<camunda:properties><camunda:property name=\"name_en\" "
                                + "value=\"Public report of the instance\" /></camunda:properties>"
                                + "</bpmn:extensionElements><bpmn:incoming>Flow_Completed</bpmn:incoming>"
                                + "<bpmn:outgoing>Flow_ReportDone</bpmn:outgoing></bpmn:userTask>"
                                + "<bpmn:sequenceFlow id=\"Flow_ReportDone\" sourceRef=\"Task_PublicReport\" "
                                + "targetRef=\"EndEvent_CoCreationCompleted\" />");
        assertThat(changed).contains("Task_PublicReport").contains("toda la ciudadanía");
        repositoryService.createDeployment().name("co-creation changed by its owner")
                .addString("processes/co-creation.bpmn", changed).deploy();

        Instant now = Instant.now();
        workflow.startCoCreation("ARBA-2021-2023", "Co-creación con el modelo nuevo", List.of(AXIS),
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(3)));
        long callId = fixtures.openCallId();
        String page = page(callId, "es");
        assertThat(order(page)).containsExactly(CONSULTATION, OPEN_CALL, ROUND_TABLE, DRAFTING, "Task_PublicReport", END);
        assertThat(state(page, "Task_PublicReport")).isEqualTo("NEXT");
        assertThat(page).contains("Informe público de la instancia")
                .contains("Etapa 2: convocatoria abierta a toda la ciudadanía")
                .doesNotContain("Etapa 2: convocatoria abierta a participar");
        assertThat(page(callId, "en")).contains("Public report of the instance");
    }

    @Test
    void aCallStartedOnItsOwnShowsItsModelAndThenItsSeparateDrafts() throws Exception {
        fixtures.openCall(Duration.ofDays(3));
        long callId = fixtures.openCallId();
        String page = page(callId, "es");
        assertThat(order(page)).containsExactly(CallForProposalsProcess.TIMER_CALL_CLOSES,
                CallForProposalsProcess.TASK_RECORD_MEETING, CallForProposalsProcess.TASK_PRIORITISE,
                "EndEvent_ConsultationClosed");
        assertThat(state(page, CallForProposalsProcess.TIMER_CALL_CLOSES)).isEqualTo("OPEN");
        assertThat(state(page, CallForProposalsProcess.TASK_PRIORITISE)).isEqualTo("NEXT");
        assertThat(page).contains("Cierre de la convocatoria: " + dates.format(consultations.get(callId).getClosesAt()));
        assertThat(page(callId, "en")).contains("The call closes").contains("Prioritising proposals");

        // A round-table run on its own is held: its topic's draft starts on its own and follows the call's stages.
        long tableId = roundTables.create(callId, AXIS, null).getId();
        roundTables.confirm(tableId, roundTables.get(tableId).getStartsAt(), 120, "https://meet.example.org/mesa", 30);
        roundTables.recordTopics(tableId, List.of("Arbolado urbano abierto"));
        roundTables.markHeld(tableId);
        page = page(callId, "es");
        assertThat(order(page)).endsWith("EndEvent_ConsultationClosed", CommitmentDraftingProcess.KEY);
        assertThat(state(page, CommitmentDraftingProcess.KEY)).isEqualTo("OPEN");
        assertThat(page).contains("Ficha de compromiso: redacción, circulación y publicación");
        assertThat(page(callId, "en")).contains("Commitment sheet: drafting, public comments and publication");
    }

    @Test
    void theHomeOfACallStartedOnItsOwnSaysTheCallIsOpenUntilItsClosingNotThatTheClosingIsOpen() throws Exception {
        fixtures.openCall(Duration.ofDays(3));
        long callId = fixtures.openCallId();
        org.jsoup.nodes.Element current = org.jsoup.Jsoup.parse(mvc.perform(get("/")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).getElementById("current-instance");
        String closes = dates.format(consultations.get(callId).getClosesAt());
        assertThat(current.select(".current-stage").text())
                .startsWith("Abierta ahora: Convocatoria a propuestas (consulta pública), hasta el " + closes
                        + " (hora de Buenos Aires)").doesNotContain("Cierre de la convocatoria");
        org.jsoup.nodes.Element english = org.jsoup.Jsoup.parse(mvc.perform(get("/").param("lang", "en"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).getElementById("current-instance");
        assertThat(english.select(".current-stage").text()).startsWith("Open now: ").contains(", until ")
                .doesNotContain("Cierre");
    }

    @Test
    void theCountOfOpenRunsAgreesInNumber() {
        java.util.Locale es = java.util.Locale.forLanguageTag("es");
        assertThat(messages.getMessage("cocreation.runs", new Object[] {2, 1}, es)).isEqualTo("2 en total, 1 abierta");
        assertThat(messages.getMessage("cocreation.runs", new Object[] {3, 2}, es)).isEqualTo("3 en total, 2 abiertas");
        assertThat(messages.getMessage("cocreation.runs", new Object[] {3, 0}, es))
                .isEqualTo("3 en total, ninguna abierta");
        assertThat(messages.getMessage("cocreation.runs", new Object[] {2, 1}, java.util.Locale.ENGLISH))
                .isEqualTo("2 in all, 1 open");
    }

    @Test
    void theIndexListsEveryInstanceForAnyVisitor() throws Exception {
        mvc.perform(get("/co-creation")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"none\"")));
        fixtures.openCall(Duration.ofDays(3));
        long callId = fixtures.openCallId();
        String index = mvc.perform(get("/co-creation")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(index).contains("href=\"/co-creation/" + callId + "\"", "Instancias de co-creación");
        assertThat(mvc.perform(get("/co-creation").param("lang", "en")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Co-creation instances");
    }

    @Test
    void anUnknownInstanceIsNotFoundAndTheHomeWithoutCallsHasNoInstance() throws Exception {
        mvc.perform(get("/co-creation/987654321")).andExpect(status().isNotFound());
        mvc.perform(get("/co-creation/987654321/figures.json")).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("id=\"current-instance\"");
    }

    private String page(long callId, String lang) throws Exception {
        return mvc.perform(get("/co-creation/" + callId).param("lang", lang)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static final Pattern STAGE = Pattern.compile("data-element=\"([^\"]+)\" data-state=\"([A-Z]+)\"");

    private static String state(String page, String elementId) {
        Matcher m = STAGE.matcher(page);
        while (m.find()) {
            if (m.group(1).equals(elementId)) {
                return m.group(2);
            }
        }
        return null;
    }

    private static List<String> order(String page) {
        List<String> ids = new ArrayList<>();
        Matcher m = STAGE.matcher(page);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private List<Job> jobsAt(String processInstanceId, String activityId) {
        List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .list();
        assertThat(jobs).as(activityId).isNotEmpty();
        return jobs;
    }

    private Task task(String key, String businessKey) {
        Task t = taskService.createTaskQuery().taskDefinitionKey(key).processInstanceBusinessKey(businessKey)
                .singleResult();
        assertThat(t).as(key + " of " + businessKey).isNotNull();
        return t;
    }

    private void complete(String key, String businessKey, Map<String, Object> variables) {
        taskService.complete(task(key, businessKey).getId(), variables);
    }

    private void saveValidSheet(long id) {
        CommitmentSheet prefilled = sheets.sheet(id);
        LocalDate begin = LocalDate.now(ZONE).withDayOfMonth(1).plusMonths(1);
        LocalDate end = begin.plusMonths(12).minusDays(1);
        sheets.save(id, new CommitmentSheet(prefilled.titleEs(), "Open urban trees", Groups.ofArea(AXIS), null,
                "Red Verde", begin, end, "No hay datos abiertos del arbolado.", prefilled.statusQuo(),
                "Relevar y publicar el arbolado como datos abiertos.", "Que cualquiera conozca el arbolado.",
                "Da información pública y abre la participación.", List.of("access-to-information"), "",
                "Área de ambiente — ambiente@example.org",
                List.of(new CommitmentSheet.MilestoneInput("Relevamiento publicado", begin, end, "Área de ambiente"))),
                "equipo", "Ficha completada en la prueba");
    }

    private static Object json(List<String> values) {
        return Variables.objectValue(new ArrayList<>(values)).serializationDataFormat("application/json").create();
    }
}
