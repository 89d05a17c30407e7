package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.cocrea.CocreaApplication;
import org.cocrea.calendar.WorkingDays;
import org.cocrea.commitment.ActionPlan;
import org.cocrea.kernel.Groups;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.DeployedModels;
import org.cocrea.support.LoginSession;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The process owners' change loop, end to end and without a Java change: on copies of the real {@code processes/}
 * files a process owner moves the monthly follow-up day (a literal cron), gives the feasibility review 15 working
 * days instead of 10, routes academia's open-data proposals to the evidence unit in the DMN and adds a step (the team
 * checks each review, with a new form); deploys each file as Camunda Modeler does over {@code /engine-rest} (a restart
 * with the same files adds no version); new proposals, started through the public API, and a new follow-up follow
 * the new models while the running ones stay and finish on theirs; then the owner migrates the running instances on
 * {@code /staff/migrations}, the page reports the new step as unmapped (no instance moves onto it), and the moved
 * instances continue on the new models.
 */
@CocreaIntegrationTest
class ProcessChangeLoopTests {

    static final String OWNER = "loop-procesos";
    static final String AMBIENTE = "loop-ambiente";
    static final String TEAM = "loop-equipo";
    static final String ADDED_STEP = "Task_CheckReview";
    static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);
    private static final Pattern HIDDEN = Pattern.compile("name=\"(source|target|updateEventTriggers)\" value=\"([^\"]*)\"");
    private static final Pattern BATCH = Pattern.compile("/staff/migrations/batches/([^/?]+)");

    @LocalServerPort
    int port;
    @Autowired
    DeployedModels models;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    ActionPlan actionPlan;
    @Autowired
    FollowUpWorkflow followUps;
    @Autowired
    ObjectMapper json;
    @TempDir
    Path tempDir;

    final HttpClient http = HttpClient.newHttpClient();
    EngineRestClient rest;
    ModelCheckout checkout;
    Set<String> deploymentsBefore;

    @BeforeEach
    void setUp() throws Exception {
        fixtures.reset();
        fixtures.user(OWNER, OWNER + "@gobierno.example.org", Groups.PROCESS_OWNERS);
        fixtures.user(AMBIENTE, AMBIENTE + "@areas.example.org", "area-ambiente");
        fixtures.user(TEAM, TEAM + "@gobierno.example.org", Groups.OPEN_GOVERNMENT_TEAM);
        rest = new EngineRestClient(port);
        deploymentsBefore = models.deploymentIds();
        checkout = new ModelCheckout(tempDir);
    }

    @AfterEach
    void removeTheNewModels() {
        models.removeDeploymentsSince(deploymentsBefore);
    }

    @Test
    void ownersChangeDeployAndMigrateTheModelsWithoutAJavaChange() throws Exception {
        // 0. Proposals and a follow-up running on the deployed models.
        fixtures.openCall(Duration.ofDays(3));
        ProcessDefinition oldReview = models.latest(ProposalReviewProcess.KEY);
        ProcessDefinition oldFollowUpModel = models.latest(CommitmentFollowUpProcess.KEY);
        Date t0 = new Date();
        String finishing = submit("Huertas comunitarias en plazas", "ambiente", "osc-territorial");
        String waiting = submit("Corredores verdes entre plazas", "ambiente", "osc-territorial");
        String academic = submit("Datos abiertos de calidad del aire", "datos-abiertos", "academia");
        Date t1 = new Date();
        String oldFollowUp = followUpOf("ARBA-LOOP1");
        assertThat(candidateGroups(reviewTask(academic))).containsExactly("area-gobierno-abierto");
        assertThat(monthlyReportDue(oldFollowUp).getDayOfMonth()).isEqualTo(1);

        // 1. The owner edits the models in Modeler (here: their copies of processes/ and forms/).
        changeTheModels();

        // 2. ... and deploys each from Modeler.
        deployFromModeler("proposal-review.bpmn", "review-check.form");
        deployFromModeler("proposal-routing.dmn");
        deployFromModeler("commitment-follow-up.bpmn");
        ProcessDefinition newReview = models.latest(ProposalReviewProcess.KEY);
        assertThat(newReview.getVersion()).isGreaterThan(oldReview.getVersion());
        Map<String, Integer> deployed = models.latestVersions();

        // 3. A restart with the same files in processes/ and forms/ creates no duplicate version.
        checkout.restart(repositoryService);
        assertThat(models.latestVersions()).isEqualTo(deployed);

        // 4. New proposals (public API) and a new follow-up follow the new models.
        Date t2 = new Date();
        String fresh = submit("Arbolado nativo en veredas", "ambiente", "ciudadania");
        String freshAcademic = submit("Sensores abiertos de ruido", "datos-abiertos", "academia");
        Date t3 = new Date();
        assertThat(definitionOf(fresh)).isEqualTo(newReview.getId());
        assertThat(reviewTask(fresh).getDueDate()).as("15 working days")
                .isBetween(workingDays.after(t2, 15), workingDays.after(t3, 15), true, true);
        assertThat(candidateGroups(reviewTask(freshAcademic))).as("the new routing rule")
                .containsExactly("area-evidencia");
        completeReview(fresh);
        Task check = taskService.createTaskQuery().processInstanceBusinessKey(fresh).singleResult();
        assertThat(check.getTaskDefinitionKey()).as("the added step").isEqualTo(ADDED_STEP);
        assertThat(candidateGroups(check)).containsExactly(Groups.OPEN_GOVERNMENT_TEAM);
        try (var form = formService.getDeployedTaskForm(check.getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"review-check\"");
        }
        ZonedDateTime newDue = monthlyReportDue(followUpOf("ARBA-LOOP2"));
        assertThat(newDue.getDayOfMonth()).as("the new follow-up day").isEqualTo(15);
        assertThat(newDue.getHour()).isEqualTo(8);

        // 5. The running instances stay on their versions, and one finishes on it.
        for (String code : List.of(finishing, waiting, academic)) {
            assertThat(definitionOf(code)).isEqualTo(oldReview.getId());
        }
        assertThat(reviewTask(waiting).getDueDate()).as("still 10 working days")
                .isBetween(workingDays.after(t0, 10), workingDays.after(t1, 10), true, true);
        assertThat(candidateGroups(reviewTask(academic))).containsExactly("area-gobierno-abierto");
        assertThat(monthlyReportDue(oldFollowUp).getDayOfMonth()).isEqualTo(1);
        completeReview(finishing);
        assertThat(runtimeService.getActiveActivityIds(instanceOf(finishing).getId()))
                .containsExactly("Event_FeasibilityMeetingHeld");
        finishOnItsVersion(finishing);
        HistoricProcessInstance finished = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(finishing).singleResult();
        assertThat(finished.getEndTime()).isNotNull();
        assertThat(finished.getProcessDefinitionId()).isEqualTo(oldReview.getId());
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(finished.getId())
                .activityId(ADDED_STEP).count()).isZero();

        // 6. The owner migrates the running instances from the migration page.
        LoginSession owner = new LoginSession(port).logIn(OWNER, "secret");
        assertThat(owner.get("/staff/migrations").body()).contains("data-key=\"proposal-review\"")
                .contains("data-key=\"commitment-follow-up\"");
        String page = "/staff/migrations/" + ProposalReviewProcess.KEY;
        String preview = preview(owner.get(page).body(), oldReview.getVersion());
        assertThat(preview).contains("data-source=\"Task_ReviewFeasibility\" data-target=\"Task_ReviewFeasibility\"")
                .contains("data-source=\"Event_FeasibilityMeetingHeld\"").doesNotContain("class=\"unmapped\"")
                .contains("Se migran 2 instancias a la versión " + newReview.getVersion() + "; ninguna queda");
        assertThat(preview.substring(preview.indexOf("class=\"added\""))).as("the new step, reported by id")
                .contains("data-id=\"" + ADDED_STEP + "\"");
        String batch = migrate(owner, page, preview);
        fixtures.runBatch(batch);
        assertThat(owner.get("/staff/migrations/batches/" + batch + "?process=" + ProposalReviewProcess.KEY).body())
                .contains("Terminado el").contains("No queda ninguna instancia de proposal-review");
        for (String code : List.of(waiting, academic)) {
            assertThat(definitionOf(code)).isEqualTo(newReview.getId());
        }
        completeReview(waiting);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(waiting).singleResult()
                .getTaskDefinitionKey()).as("a migrated instance takes the added step").isEqualTo(ADDED_STEP);

        String followUpPage = "/staff/migrations/" + CommitmentFollowUpProcess.KEY;
        String followUpPreview = preview(owner.get(followUpPage).body(), oldFollowUpModel.getVersion());
        assertThat(followUpPreview).contains("data-source=\"" + CommitmentFollowUpProcess.TIMER_MONTHLY_REPORT + "\"");
        batch = migrate(owner, followUpPage, followUpPreview);
        fixtures.runBatch(batch);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(oldFollowUp).singleResult()
                .getProcessDefinitionId()).isEqualTo(models.latest(CommitmentFollowUpProcess.KEY).getId());
        assertThat(monthlyReportDue(oldFollowUp).getDayOfMonth()).as("the migrated follow-up's new day").isEqualTo(15);
    }

    /** The edits a process owner makes in Modeler, as XML edits of their copies of the files. */
    private void changeTheModels() throws Exception {
        String review = "processes/proposal-review.bpmn";
        checkout.edit(review, "proposalReview.setReviewDueDate(execution, 10)",
                "proposalReview.setReviewDueDate(execution, 15)");
        checkout.edit(review, "Plazo: 10 días hábiles", "Plazo: 15 días hábiles");
        // the added step: the team checks each review before the meeting with the area
        checkout.edit(review, "<bpmn:intermediateCatchEvent id=\"Event_FeasibilityMeetingHeld\"", """
                <bpmn:userTask id="Task_CheckReview" name="Controlar la revisión del área" camunda:candidateGroups="og-team" camunda:formRef="review-check" camunda:formRefBinding="deployment">
                      <bpmn:incoming>Flow_ReviewDone</bpmn:incoming>
                      <bpmn:outgoing>Flow_ReviewChecked</bpmn:outgoing>
                    </bpmn:userTask>
                    <bpmn:intermediateCatchEvent id="Event_FeasibilityMeetingHeld\"""");
        checkout.edit(review, "<bpmn:incoming>Flow_ReviewDone</bpmn:incoming>\n      <bpmn:outgoing>Flow_MeetingHeld",
                "<bpmn:incoming>Flow_ReviewChecked</bpmn:incoming>\n      <bpmn:outgoing>Flow_MeetingHeld");
        checkout.edit(review, "sourceRef=\"Task_ReviewFeasibility\" targetRef=\"Event_FeasibilityMeetingHeld\" />",
                "sourceRef=\"Task_ReviewFeasibility\" targetRef=\"Task_CheckReview\" />\n"
                        + "    <bpmn:sequenceFlow id=\"Flow_ReviewChecked\" sourceRef=\"Task_CheckReview\" "
                        + "targetRef=\"Event_FeasibilityMeetingHeld\" />");
        checkout.edit(review, "<bpmndi:BPMNEdge id=\"Flow_ReviewDone_di\"", """
                <bpmndi:BPMNShape id="Task_CheckReview_di" bpmnElement="Task_CheckReview">
                        <dc:Bounds x="1060" y="40" width="100" height="80" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNEdge id="Flow_ReviewChecked_di" bpmnElement="Flow_ReviewChecked">
                        <di:waypoint x="1130" y="120" />
                        <di:waypoint x="1130" y="182" />
                      </bpmndi:BPMNEdge>
                      <bpmndi:BPMNEdge id="Flow_ReviewDone_di\"""");
        checkout.write("forms/review-check.form", """
                {"id": "review-check", "type": "default", "schemaVersion": 16, "components": [
                  {"id": "Field_Checked", "key": "reviewChecked", "label": "La revisión está completa y fundamentada",
                   "type": "checkbox"}]}
                """);
        // academia's open-data proposals go to the evidence unit (FIRST hit policy: before the axis rule)
        checkout.edit("processes/proposal-routing.dmn", "      <rule id=\"Rule_DatosAbiertos\">", """
                      <rule id="Rule_DatosAbiertosAcademia">
                        <description>Datos abiertos, academia → Subsecretaría de Políticas Públicas Basadas en Evidencia</description>
                        <inputEntry id="Rule_DatosAbiertosAcademia_Axis">
                          <text>"datos-abiertos"</text>
                        </inputEntry>
                        <inputEntry id="Rule_DatosAbiertosAcademia_SubmitterType">
                          <text>"academia"</text>
                        </inputEntry>
                        <outputEntry id="Rule_DatosAbiertosAcademia_AreaGroup">
                          <text>"area-evidencia"</text>
                        </outputEntry>
                      </rule>
                      <rule id="Rule_DatosAbiertos">""");
        // the monthly follow-up on the 15th at 08:00 instead of cocrea.follow-up.day-of-month
        checkout.edit("processes/commitment-follow-up.bpmn",
                "<bpmn:timeCycle xsi:type=\"bpmn:tFormalExpression\">${followUpSchedule.cron}</bpmn:timeCycle>",
                "<bpmn:timeCycle xsi:type=\"bpmn:tFormalExpression\">0 0 8 15 * ?</bpmn:timeCycle>");
    }

    private void deployFromModeler(String diagram, String... attachments) throws Exception {
        Object[] parts = new Object[2 + 2 * attachments.length];
        parts[0] = diagram;
        parts[1] = checkout.bytes("processes/" + diagram);
        for (int i = 0; i < attachments.length; i++) {
            parts[2 + 2 * i] = attachments[i];
            parts[3 + 2 * i] = checkout.bytes("forms/" + attachments[i]);
        }
        String name = diagram.substring(0, diagram.lastIndexOf('.'));
        HttpResponse<String> response = rest.deployLikeModeler(OWNER, name, parts);
        assertThat(response.statusCode()).as(diagram + ": " + response.body()).isEqualTo(200);
    }

    /** Submits a proposal through the public JSON API. @return its tracking code (the instance's business key) */
    private String submit(String title, String axis, String submitterType) throws Exception {
        String body = json.writeValueAsString(Map.of("title", title, "description",
                "Una propuesta de prueba del ciclo de cambio de los procesos.", "axis", axis, "submitterType",
                submitterType, "organization", "Vecinos del Sur", "name", "Ana Pérez", "email", "ana.perez@example.org",
                "consent", true));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/proposals")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("trackingCode").asText();
    }

    /** The area completes the review in Tasklist ({@code /engine-rest/task/{id}/complete} as its user). */
    private void completeReview(String code) throws Exception {
        Task task = reviewTask(code);
        HttpResponse<String> done = rest.call(AMBIENTE, "POST", "/engine-rest/task/" + task.getId() + "/complete", """
                {"variables": {"verdict": {"value": "feasible"}, "reasoning": {"value": "Hay presupuesto asignado."},
                 "willingToCoCreate": {"value": true}, "contactPerson": {"value": "Julia Ríos"}}}
                """);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    }

    /** The team's meeting with the area is held, the reasoned response is reviewed and sent. */
    private void finishOnItsVersion(String code) {
        runtimeService.createMessageCorrelation(ProposalReviewProcess.MESSAGE_MEETING_HELD)
                .processInstanceId(instanceOf(code).getId()).correlate();
        Task response = taskService.createTaskQuery().processInstanceBusinessKey(code)
                .taskDefinitionKey(ProposalReviewProcess.TASK_REVIEW_RESPONSE).singleResult();
        taskService.complete(response.getId(), Map.of(ProposalReviewProcess.RESPONSE_TEXT,
                taskService.getVariable(response.getId(), ProposalReviewProcess.RESPONSE_TEXT)));
        fixtures.executeAsyncJobs();
    }

    private String migrate(LoginSession owner, String page, String preview) throws Exception {
        Matcher m = HIDDEN.matcher(preview);
        StringBuilder form = new StringBuilder();
        while (m.find()) {
            form.append(form.isEmpty() ? "" : "&").append(m.group(1)).append('=')
                    .append(URLEncoder.encode(m.group(2), StandardCharsets.UTF_8));
        }
        HttpResponse<String> started = owner.submit(page, page + "/migrate", form.toString());
        assertThat(started.statusCode()).isEqualTo(302);
        Matcher batch = BATCH.matcher(started.headers().firstValue("Location").orElseThrow());
        assertThat(batch.find()).as(started.headers().map().toString()).isTrue();
        return batch.group(1);
    }

    /** The preview section of one older version on the migration page. */
    private static String preview(String page, int version) {
        int start = page.indexOf("id=\"preview-v" + version + "\"");
        assertThat(start).as("preview of version " + version).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private String followUpOf(String code) throws Exception {
        YearMonth now = YearMonth.now(ZONE);
        String data = json.writeValueAsString(List.of(Map.of("id", code, "title_es", "Compromiso " + code, "title",
                "Commitment " + code, "co_creation_instance", 1, "ogp_values", List.of("Access to information"),
                "commitment_start", now.minusMonths(1).toString(), "commitment_end", now.plusMonths(6).toString(),
                "description", "Prueba del ciclo de cambio", "milestones", List.of(Map.of("title", "Primer hito")))));
        actionPlan.importPublished(new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8)), "ARBA-2021-2023");
        actionPlan.assignLeadArea(code, "area-ambiente", "ambiente");
        long id = fixtures.jdbc().queryForObject("select id from commitment where code = ?", Long.class, code);
        return followUps.start(id).orElseThrow();
    }

    /** @return when the follow-up's monthly timer fires next, in Buenos Aires */
    private ZonedDateTime monthlyReportDue(String followUp) {
        Job timer = managementService.createJobQuery().processInstanceId(followUp)
                .activityId(CommitmentFollowUpProcess.TIMER_MONTHLY_REPORT).singleResult();
        return timer.getDuedate().toInstant().atZone(ZONE);
    }

    private Task reviewTask(String code) {
        return taskService.createTaskQuery().processInstanceBusinessKey(code)
                .taskDefinitionKey(ProposalReviewProcess.TASK_REVIEW).singleResult();
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).toList();
    }

    private ProcessInstance instanceOf(String code) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(ProposalReviewProcess.KEY)
                .processInstanceBusinessKey(code).singleResult();
    }

    private String definitionOf(String code) {
        return instanceOf(code).getProcessDefinitionId();
    }



}
