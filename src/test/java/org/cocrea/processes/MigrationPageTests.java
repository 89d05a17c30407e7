package org.cocrea.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cocrea.proposal.Channel;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.ProposalInput;
import org.cocrea.proposal.Proposals;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.DeployedModels;
import org.cocrea.support.LoginSession;
import org.cocrea.support.TestFixtures;
import org.cocrea.kernel.Groups;
import org.cocrea.workflow.ProposalReviewProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The migration page ({@code /staff/migrations}) on PostgreSQL: {@code proposal-review} instances run on the deployed
 * version, a process owner deploys a version in which the review task got another id, and the page reports that
 * activity by id with its instance count, moves the other instances as a batch and leaves those, as it said; an
 * instance that moved onto the unmapped activity after the batch was created fails its job and the batch page shows
 * the engine's reason; a version deployed after the preview refuses the migration; only process owners and
 * administrators may open it; it speaks Spanish and English.
 */
@CocreaIntegrationTest
class MigrationPageTests {

    static final String OWNER = "mig-owner";
    static final String TEAM = "mig-equipo";
    static final String AREA = "mig-ambiente";
    static final String ADMIN = "mig-admin";
    static final String PAGE = "/staff/migrations/" + ProposalReviewProcess.KEY;
    static final String RENAMED = "Task_AssessFeasibility";
    private static final Pattern HIDDEN = Pattern.compile("name=\"(source|target|updateEventTriggers)\" value=\"([^\"]*)\"");

    @LocalServerPort
    int port;
    @Autowired
    DeployedModels models;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;

    Set<String> deploymentsBefore;
    ProcessDefinition v1;
    ProcessDefinition v2;
    List<String> atReview;
    String atMeeting;

    @BeforeEach
    void setUp() throws Exception {
        fixtures.reset();
        fixtures.user(OWNER, OWNER + "@gobierno.example.org", Groups.PROCESS_OWNERS);
        fixtures.user(TEAM, TEAM + "@gobierno.example.org", Groups.OPEN_GOVERNMENT_TEAM);
        fixtures.user(AREA, AREA + "@areas.example.org", "area-ambiente");
        fixtures.user(ADMIN, ADMIN + "@gobierno.example.org", Groups.ADMINS);
        deploymentsBefore = models.deploymentIds();
        fixtures.openCall(Duration.ofDays(3));
        List<Proposal> submitted = List.of(submit("Huertas en plazas"), submit("Corredores verdes"),
                submit("Compost barrial"));
        v1 = latest();
        List<String> ids = submitted.stream().map(p -> instanceOf(p).getId()).toList();
        atReview = ids.subList(0, 2);
        atMeeting = ids.get(2);
        taskService.complete(taskService.createTaskQuery().processInstanceId(atMeeting).singleResult().getId(),
                Map.of(ProposalReviewProcess.VERDICT, "feasible", ProposalReviewProcess.REASONING,
                        "Hay presupuesto para compostar.", ProposalReviewProcess.WILLING_TO_CO_CREATE, true,
                        ProposalReviewProcess.CONTACT_PERSON, "Julia Ríos"));
        assertThat(activities(atMeeting)).containsExactly("Event_FeasibilityMeetingHeld");
        // The owner renames the review task in Modeler (a new id), which no plan can map.
        v2 = deploy(Files.readString(Path.of("processes/proposal-review.bpmn"))
                .replace(ProposalReviewProcess.TASK_REVIEW, RENAMED));
        assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);
    }

    @AfterEach
    void cleanUp() {
        models.removeDeploymentsSince(deploymentsBefore);
    }

    @Test
    void thePlanReportsTheUnmappedActivityByIdAndTheBatchMovesOnlyTheOthers() throws Exception {
        LoginSession owner = new LoginSession(port).logIn(OWNER, "secret");
        String list = owner.get("/staff/migrations").body();
        assertThat(list).contains("data-key=\"proposal-review\"")
                .contains("versión " + v1.getVersion() + ": 3 instancias");

        String page = owner.get(PAGE).body();
        String preview = section(page, "preview-v" + v1.getVersion());
        assertThat(preview).contains("Versión " + v1.getVersion() + " → versión " + v2.getVersion())
                .contains("data-source=\"Event_FeasibilityMeetingHeld\" data-target=\"Event_FeasibilityMeetingHeld\"")
                .doesNotContain("data-source=\"" + ProposalReviewProcess.TASK_REVIEW + "\"");
        assertThat(part(preview, "unmapped")).contains("data-id=\"Task_ReviewFeasibility\" data-instances=\"2\"");
        assertThat(part(preview, "removed")).contains("data-id=\"Task_ReviewFeasibility\"");
        assertThat(part(preview, "added")).contains("data-id=\"" + RENAMED + "\"");
        assertThat(preview).contains("Se migra 1 instancia a la versión " + v2.getVersion() + "; 2 quedan en la versión "
                + v1.getVersion() + ".").contains("Migrar 1 instancia a la versión " + v2.getVersion() + " (lote)");

        String batch = startBatch(owner, preview);
        fixtures.runBatch(batch);

        String progress = owner.get("/staff/migrations/batches/" + batch + "?process=" + ProposalReviewProcess.KEY).body();
        assertThat(progress).contains("Iniciado por " + OWNER).contains("Trabajos: 1 en total, 1 completados")
                .contains("Terminado el").contains("Quedan 2 instancias de proposal-review en versiones anteriores")
                .doesNotContain("Trabajos fallidos");
        assertThat(definitionOf(atMeeting)).isEqualTo(v2.getId());
        for (String id : atReview) {
            assertThat(definitionOf(id)).isEqualTo(v1.getId());
            assertThat(activities(id)).contains(ProposalReviewProcess.TASK_REVIEW);
        }
        // The migrations page lists the batch among the latest ones.
        assertThat(section(owner.get("/staff/migrations").body(), "batches")).contains("data-batch=\"" + batch + "\"")
                .contains(OWNER);
    }

    @Test
    void anInstanceThatReachedTheUnmappedActivityAfterThePreviewFailsItsJobAndTheBatchPageShowsWhy()
            throws Exception {
        LoginSession owner = new LoginSession(port).logIn(OWNER, "secret");
        String preview = section(owner.get(PAGE).body(), "preview-v" + v1.getVersion());
        String batch = startBatch(owner, preview);
        // Meanwhile the instance is sent back to the review task (e.g. by an administrator in Cockpit).
        runtimeService.createProcessInstanceModification(atMeeting)
                .startBeforeActivity(ProposalReviewProcess.TASK_REVIEW)
                .cancelAllForActivity("Event_FeasibilityMeetingHeld").execute();

        fixtures.runBatch(batch);

        String progress = owner.get("/staff/migrations/batches/" + batch + "?process=" + ProposalReviewProcess.KEY).body();
        assertThat(progress).contains("En curso").contains("1 fallidos");
        String failures = section(progress, "failures");
        assertThat(failures).contains("Trabajos fallidos").contains(atMeeting)
                .contains(ProposalReviewProcess.TASK_REVIEW).contains("<td>0</td>");
        assertThat(definitionOf(atMeeting)).isEqualTo(v1.getId());

        // A batch whose jobs failed for good does not block the next try, which the plan now refuses for its reason.
        HttpResponse<String> again = owner.submit(PAGE, PAGE + "/migrate", form(preview));
        String page = owner.get(again.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+",
                "")).body();
        assertThat(section(page, "refusal")).contains("Ninguna instancia de la versión " + v1.getVersion()
                + " se puede mover con este plan");
    }

    @Test
    void aVersionDeployedAfterThePreviewRefusesTheMigrationWithTheReason() throws Exception {
        LoginSession owner = new LoginSession(port).logIn(OWNER, "secret");
        String preview = section(owner.get(PAGE).body(), "preview-v" + v1.getVersion());
        ProcessDefinition v3 = deploy(Files.readString(Path.of("processes/proposal-review.bpmn"))
                .replace(ProposalReviewProcess.TASK_REVIEW, RENAMED).replace("Propuesta recibida\"", "Recibida\""));

        HttpResponse<String> refused = owner.submit(PAGE, PAGE + "/migrate", form(preview));

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(managementService.createBatchQuery().count()).isZero();
        String page = owner.get(refused.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+",
                "")).body();
        assertThat(section(page, "refusal")).contains("se desplegó una versión más nueva (" + v3.getVersion() + ")");
        assertThat(definitionOf(atMeeting)).isEqualTo(v1.getId());
    }

    @Test
    void aSecondClickWhileTheBatchRunsStartsNoSecondBatch() throws Exception {
        LoginSession owner = new LoginSession(port).logIn(OWNER, "secret");
        String preview = section(owner.get(PAGE).body(), "preview-v" + v1.getVersion());
        String batch = startBatch(owner, preview);

        HttpResponse<String> again = owner.submit(PAGE, PAGE + "/migrate", form(preview));

        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(managementService.createBatchQuery().count()).isEqualTo(1);
        String page = owner.get(again.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+",
                "")).body();
        assertThat(section(page, "refusal")).contains("Ya hay un lote en curso para esta versión (" + batch + ")");
        fixtures.runBatch(batch);
        assertThat(definitionOf(atMeeting)).isEqualTo(v2.getId());
    }

    @Test
    void onlyProcessOwnersAndAdministratorsMayOpenOrStartMigrations() throws Exception {
        assertThat(new LoginSession(port).get(PAGE).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        LoginSession team = new LoginSession(port).logIn(TEAM, "secret");
        assertThat(team.get("/staff/migrations").statusCode()).isEqualTo(403);
        assertThat(team.submit("/staff", PAGE + "/migrate", "source=" + v1.getId() + "&target=" + v2.getId())
                .statusCode()).isEqualTo(403);
        assertThat(new LoginSession(port).logIn(AREA, "secret").get(PAGE).statusCode()).isEqualTo(403);
        assertThat(managementService.createBatchQuery().count()).isZero();
        assertThat(header(team.get("/").body())).doesNotContain("href=\"/staff/migrations\"");

        LoginSession owner = new LoginSession(port).logIn(OWNER, "secret");
        assertThat(owner.get(PAGE).statusCode()).isEqualTo(200);
        assertThat(owner.get("/staff").statusCode()).as("the team's pages stay the team's").isEqualTo(403);
        assertThat(header(owner.get("/").body())).contains("href=\"/staff/migrations\"");
        assertThat(new LoginSession(port).logIn(ADMIN, "secret").get(PAGE).statusCode()).isEqualTo(200);
        assertThat(owner.get("/staff/migrations/no-such-process").statusCode()).isEqualTo(404);
    }

    @Test
    void thePagesSpeakEnglishToo() throws Exception {
        LoginSession owner = new LoginSession(port).logIn(OWNER, "secret");
        String page = owner.get(PAGE + "?lang=en").body();
        assertThat(page).contains("Activities with instances the plan does not map")
                .contains("1 instance moves to version " + v2.getVersion() + "; 2 stay on version " + v1.getVersion())
                .contains("Elements new in version " + v2.getVersion()).doesNotContain("Versión ");
        assertThat(owner.get("/staff/migrations").body()).contains("Migrating running instances")
                .contains("version " + v1.getVersion() + ": 3 instances");
    }

    private String startBatch(LoginSession owner, String preview) throws Exception {
        HttpResponse<String> started = owner.submit(PAGE, PAGE + "/migrate", form(preview));
        assertThat(started.statusCode()).isEqualTo(302);
        String location = started.headers().firstValue("Location").orElseThrow();
        Matcher batch = Pattern.compile("/staff/migrations/batches/([^/?]+)\\?process=proposal-review$").matcher(location);
        assertThat(batch.find()).as(location).isTrue();
        return batch.group(1);
    }

    /** The migrate form's hidden fields, as the browser sends them. */
    private static String form(String preview) {
        Matcher m = HIDDEN.matcher(preview);
        StringBuilder form = new StringBuilder();
        while (m.find()) {
            form.append(form.isEmpty() ? "" : "&").append(m.group(1)).append('=')
                    .append(URLEncoder.encode(m.group(2), StandardCharsets.UTF_8));
        }
        assertThat(form.toString()).contains("source=").contains("target=");
        return form.toString();
    }

    private ProcessDefinition deploy(String bpmn) {
        // as Camunda Modeler names it: the bare file name (it joins the model set, see ModelSetDeployments)
        repositoryService.createDeployment().name("proposal-review").source("Camunda Modeler")
                .addString("proposal-review.bpmn", bpmn).deploy();
        return latest();
    }

    private Proposal submit(String title) {
        return proposals.submit(new ProposalInput(title, "Una propuesta para el eje ambiente.", "ambiente",
                "osc-territorial", "Vecinos del Sur", "Julia Ríos", "julia@example.org", true, "es", null),
                Channel.API);
    }

    private ProcessInstance instanceOf(Proposal p) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(ProposalReviewProcess.KEY)
                .processInstanceBusinessKey(p.getTrackingCode()).singleResult();
    }

    private ProcessDefinition latest() {
        return models.latest(ProposalReviewProcess.KEY);
    }

    private String definitionOf(String instanceId) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
                .getProcessDefinitionId();
    }

    private List<String> activities(String instanceId) {
        return runtimeService.getActiveActivityIds(instanceId);
    }


    /** The element with that id (up to the end of its tag's section), or the page when absent. */
    static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("element #" + id).isNotNegative();
        int end = page.indexOf("</section>", start);
        return page.substring(start, end < 0 ? page.length() : end);
    }

    /** The part of a preview with that class. */
    private static String part(String preview, String cssClass) {
        int start = preview.indexOf("class=\"" + cssClass + "\"");
        assertThat(start).as("." + cssClass).isNotNegative();
        int end = preview.indexOf("</div>", start);
        return preview.substring(start, end);
    }

    private static String header(String page) {
        return page.substring(page.indexOf("<header"), page.indexOf("</header>"));
    }
}
