package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cocrea.kernel.Groups;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.LoginSession;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Process-owned variables ({@link OwnedVariablesGuard}) cannot be forged, on PostgreSQL over real HTTP: for every
 * process and every variable it owns, a completion through {@code /engine-rest} submit-form and complete, and through
 * Tasklist's internal API ({@code /camunda/api/engine/engine/default/task/{id}/submit-form}, the one login and CSRF
 * token like the browser), is refused; the task stays open and neither the runtime nor the history variables hold the
 * forged value. Variable PUT/POST/DELETE on the task, execution and process instance is refused for a non-admin who is
 * otherwise authorized (the open-government team), and allowed for {@code camunda-admin} (Cockpit's repairs).
 * <p>
 * Each instance starts right at one user task of the real model (process instance modification, skipping custom
 * listeners and I/O mappings), with every owned variable set as the process would.
 */
@CocreaIntegrationTest
class OwnedVariablesTests {

    static final String AREA_USER = "owned-ambiente";
    static final String AREA_GROUP = "area-ambiente";
    static final String STAFF = "owned-staff";
    static final String ADMIN = "owned-admin";
    static final String FORGED = "forged-value";

    /** Per process, a user task and who works on it (its candidate group). */
    record Case(String processKey, String taskId, String user) {
        @Override
        public String toString() {
            return processKey + "/" + taskId;
        }
    }

    static final List<Case> CASES = List.of(
            new Case(ProposalReviewProcess.KEY, ProposalReviewProcess.TASK_REVIEW, AREA_USER),
            new Case(CallForProposalsProcess.KEY, CallForProposalsProcess.TASK_PRIORITISE, STAFF),
            new Case(RoundTableProcess.KEY, RoundTableProcess.TASK_PHASE_1, STAFF),
            new Case(CallForParticipationProcess.KEY, CallForParticipationProcess.TASK_PUBLISH_SOCIAL, STAFF),
            new Case(CommitmentDraftingProcess.KEY, CommitmentDraftingProcess.TASK_VALIDATE, AREA_USER),
            new Case(CommitmentFollowUpProcess.KEY, CommitmentFollowUpProcess.TASK_SUBMIT_REPORT, AREA_USER),
            new Case(ActionPlanClosureProcess.KEY, ActionPlanClosureProcess.TASK_REVIEW, STAFF));

    @Autowired
    TestFixtures fixtures;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void users() {
        fixtures.reset();
        fixtures.user(AREA_USER, AREA_USER + "@areas.example.org", AREA_GROUP);
        fixtures.user(STAFF, STAFF + "@gobierno.example.org", Groups.OPEN_GOVERNMENT_TEAM);
        fixtures.user(ADMIN, ADMIN + "@gobierno.example.org", Groups.ADMINS);
    }

    @AfterEach
    void cleanUp() {
        runtimeService.createProcessInstanceQuery().list()
                .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test over", true, true));
    }

    static Stream<Arguments> everyOwnedVariableOfEveryProcess() {
        return CASES.stream().flatMap(c -> OwnedVariablesGuard.ALL.get(c.processKey()).names().stream()
                .filter(name -> !OwnedVariables.MULTI_INSTANCE.contains(name))
                .map(name -> Arguments.of(c, name)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyOwnedVariableOfEveryProcess")
    void aCompletionCannotForgeAnOwnedVariable(Case c, String name) throws Exception {
        ProcessInstance pi = startAt(c);
        Task task = taskOf(pi);
        Map<String, Object> before = runtimeService.getVariables(pi.getId());
        String forged = "{\"variables\":{\"" + name + "\":{\"value\":\"" + FORGED + "\",\"type\":\"String\"}}}";

        for (String action : List.of("submit-form", "complete")) {
            HttpResponse<String> response = rest("POST", "/engine-rest/task/" + task.getId() + "/" + action,
                    c.user(), forged);
            assertThat(response.statusCode()).as(action + " " + response.body()).isEqualTo(400);
            assertThat(response.body()).contains(name).contains("set by the process");
        }
        HttpResponse<String> tasklist = tasklist(c.user()).post(
                "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form", forged);
        assertThat(tasklist.statusCode()).as(tasklist.body()).isGreaterThanOrEqualTo(400);
        assertThat(tasklist.body()).contains(name);

        assertNothingForged(pi, task, before);
    }

    /** A value the task may not write is refused even when it is a new variable local to the task. */
    @Test
    void aCompletionCannotAddAnOwnedVariableLocallyOrAsTransient() throws Exception {
        Case c = CASES.get(5); // the follow-up report: candidate group and due date come from owned variables
        ProcessInstance pi = startAt(c);
        Task task = taskOf(pi);
        Map<String, Object> before = runtimeService.getVariables(pi.getId());
        HttpResponse<String> local = rest("POST", "/engine-rest/task/" + task.getId() + "/localVariables", c.user(),
                "{\"modifications\":{\"reportId\":{\"value\":999,\"type\":\"Long\"}}}");
        assertThat(local.statusCode()).as(local.body()).isIn(400, 403);
        HttpResponse<String> transientValue = rest("POST", "/engine-rest/task/" + task.getId() + "/complete",
                c.user(), "{\"variables\":{\"leadAreaGroup\":{\"value\":\"area-legal-tecnica\",\"type\":\"String\","
                        + "\"valueInfo\":{\"transient\":true}}}}");
        assertThat(transientValue.statusCode()).as(transientValue.body()).isIn(400, 500);
        assertNothingForged(pi, task, before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variableApiPaths")
    void aNonAdminCannotWriteOwnedVariablesThroughTheVariableApi(String label, String method, String pathTemplate,
            String body) throws Exception {
        Case c = CASES.get(5);
        ProcessInstance pi = startAt(c);
        Task task = taskOf(pi);
        Map<String, Object> before = runtimeService.getVariables(pi.getId());
        String path = pathTemplate.replace("{pi}", pi.getId()).replace("{task}", task.getId())
                .replace("{execution}", task.getExecutionId());

        HttpResponse<String> staff = rest(method, path, STAFF, body);
        assertThat(staff.statusCode()).as(staff.body()).isIn(400, 403);
        HttpResponse<String> area = rest(method, path, AREA_USER, body);
        assertThat(area.statusCode()).as(area.body()).isIn(400, 403);
        assertNothingForged(pi, task, before);

        HttpResponse<String> admin = rest(method, path, ADMIN, body);
        assertThat(admin.statusCode()).as("camunda-admin may repair: " + admin.body()).isIn(200, 204);
    }

    static Stream<Arguments> variableApiPaths() {
        String put = "{\"value\":\"" + FORGED + "\",\"type\":\"String\"}";
        String modify = "{\"modifications\":{\"leadAreaGroup\":" + put + "}}";
        String delete = "{\"deletions\":[\"leadAreaGroup\"]}";
        return Stream.of(
                Arguments.of("PUT process instance variable", "PUT", "/engine-rest/process-instance/{pi}/variables/leadAreaGroup", put),
                Arguments.of("POST process instance variables", "POST", "/engine-rest/process-instance/{pi}/variables", modify),
                Arguments.of("DELETE process instance variable", "DELETE", "/engine-rest/process-instance/{pi}/variables/leadAreaGroup", null),
                Arguments.of("POST process instance deletions", "POST", "/engine-rest/process-instance/{pi}/variables", delete),
                Arguments.of("PUT execution local variable", "PUT", "/engine-rest/execution/{execution}/localVariables/reportId", "{\"value\":1,\"type\":\"Long\"}"),
                Arguments.of("PUT task variable", "PUT", "/engine-rest/task/{task}/variables/leadAreaGroup", put),
                Arguments.of("POST task variables", "POST", "/engine-rest/task/{task}/variables", modify),
                Arguments.of("DELETE task variable", "DELETE", "/engine-rest/task/{task}/variables/leadAreaGroup", null));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private ProcessInstance startAt(Case c) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : OwnedVariablesGuard.ALL.get(c.processKey()).names()) {
            if (!OwnedVariables.MULTI_INSTANCE.contains(name)) {
                values.put(name, ownedValue(name));
            }
        }
        return runtimeService.createProcessInstanceByKey(c.processKey()).businessKey("owned-" + c.processKey())
                .startBeforeActivity(c.taskId()).setVariables(values).execute(true, true);
    }

    /** Values of the types the process writes: candidate groups name the area, due dates are dates. */
    private static Object ownedValue(String name) {
        return switch (name) {
            case CommitmentFollowUpProcess.LEAD_AREA_GROUP, ProposalReviewProcess.AREA_GROUP -> AREA_GROUP;
            case CommitmentFollowUpProcess.REPORT_DUE_AT, ProposalReviewProcess.REVIEW_DUE_DATE,
                    CommitmentDraftingProcess.COMMENT_DEADLINE, CommitmentDraftingProcess.REMINDER_AT,
                    ActionPlanClosureProcess.PLAN_ENDS_AT, CallForProposalsProcess.CALL_CLOSES_AT ->
                    Date.from(Instant.now().plus(10, ChronoUnit.DAYS));
            case CommitmentFollowUpProcess.REPORT_ID, CommitmentFollowUpProcess.COMMITMENT_ID,
                    ProposalReviewProcess.PROPOSAL_ID, ProposalReviewProcess.CALL_ID -> 4242L;
            default -> "owned-" + name;
        };
    }

    private Task taskOf(ProcessInstance pi) {
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(task).isNotNull();
        return task;
    }

    private void assertNothingForged(ProcessInstance pi, Task task, Map<String, Object> before) {
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isOne();
        assertThat(runtimeService.getVariables(pi.getId())).isEqualTo(before);
        assertThat(taskService.getVariablesLocal(task.getId())).doesNotContainKeys("reportId", "leadAreaGroup");
        List<HistoricDetail> updates = historyService.createHistoricDetailQuery().processInstanceId(pi.getId())
                .variableUpdates().list();
        assertThat(updates).extracting(d -> ((HistoricVariableUpdate) d).getValue())
                .doesNotContain(FORGED, "area-legal-tecnica", 999L);
        assertThat(updates).hasSize(before.size());
    }

    private HttpResponse<String> rest(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A browser session in the Camunda webapps: login form, session cookie and CSRF token. */
    private WebappSession tasklist(String user) throws Exception {
        return new WebappSession(port, user);
    }

    /** A browser session in the Camunda webapps: the one login at {@code /login}, then Tasklist's CSRF token. */
    static final class WebappSession {
        private final LoginSession session;

        WebappSession(int port, String user) throws Exception {
            this.session = new LoginSession(port).logIn(user, "secret");
        }

        HttpResponse<String> post(String path, String json) throws Exception {
            return session.post(path, json);
        }

        /** @param headers more request headers, name then value, e.g. {@code "Accept-Language", "es"} */
        HttpResponse<String> post(String path, String json, String... headers) throws Exception {
            return session.post(path, json, headers);
        }
    }
}
