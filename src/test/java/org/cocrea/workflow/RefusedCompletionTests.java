package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.ProposalStatus;
import org.cocrea.proposal.Proposals;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A user's mistake in a completion reads as a refusal, not a crash, on PostgreSQL over real HTTP, through every way
 * into the engine: Tasklist's internal API ({@code /camunda/api/engine/engine/default/task/{id}/submit-form}, session
 * login and CSRF token like the browser) and {@code /engine-rest} ({@code submit-form} and {@code complete}).
 * A refused feasibility review (reasoning of spaces), a forged process-owned variable, an unparsable {@code Json}
 * value and an unknown or already completed task answer 400 (404 for the task) whose message is only the reason, in
 * the language of {@code Accept-Language} (both languages when none is asked for); nothing is stored; nothing is
 * logged at WARN or ERROR, and the refusal is logged once at INFO with the task id and the reason.
 */
@CocreaIntegrationTest
class RefusedCompletionTests {

    static final String USER = "refusal-ambiente";
    static final String SPANISH_REASON = "Datos inválidos: fundamentación requerida";
    static final String ENGLISH_REASON = "Invalid data: reasoning is required";

    /** The three ways to complete a task over HTTP. */
    enum Api {
        TASKLIST_SUBMIT_FORM, ENGINE_REST_SUBMIT_FORM, ENGINE_REST_COMPLETE
    }

    @Autowired
    TestFixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    OwnedVariablesTests.WebappSession tasklist;
    Proposal proposal;
    Task task;

    @BeforeEach
    void feasibilityReviewOfTheArea() throws Exception {
        TestFixtures.FeasibilityReview review = fixtures.feasibilityReview(USER);
        proposal = review.proposal();
        task = review.task();
        tasklist = new OwnedVariablesTests.WebappSession(port, USER);
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        root().detachAppender(logs);
        logs.stop();
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aReasoningOfSpacesIsRefusedWithOnlyTheReasonInTheUsersLanguage(Api api) throws Exception {
        HttpResponse<String> spanish = complete(api, task.getId(), review("   "), "es-AR,es;q=0.9,en;q=0.8");
        HttpResponse<String> english = complete(api, task.getId(), review("   "), "en-GB,en;q=0.9");
        HttpResponse<String> unknown = complete(api, task.getId(), review("   "), null);

        assertThat(spanish.statusCode()).as(spanish.body()).isEqualTo(400);
        assertThat(message(spanish)).isEqualTo(SPANISH_REASON);
        assertThat(spanish.headers().firstValue("Content-Language")).hasValue("es");
        assertThat(english.statusCode()).as(english.body()).isEqualTo(400);
        assertThat(message(english)).isEqualTo(ENGLISH_REASON);
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        assertThat(message(unknown)).as("no language asked for: both, as before")
                .contains("fundamentación requerida").contains("reasoning is required");
        for (HttpResponse<String> r : List.of(spanish, english, unknown)) {
            assertThat(message(r)).doesNotContain("ENGINE-", "Exception", "Cannot submit", task.getId());
        }
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isOne();
        assertThat(proposals.get(proposal.getId()).getStatus()).isEqualTo(ProposalStatus.IN_REVIEW);
        assertNothingWarnedAndRefusalsLoggedOnce(3, task.getId(), "fundamentación requerida");

        HttpResponse<String> corrected = complete(api, task.getId(), review("Hay presupuesto asignado."), "es");
        assertThat(corrected.statusCode()).as(corrected.body()).isIn(200, 204);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
        assertThat(proposals.get(proposal.getId()).getReasoning()).isEqualTo("Hay presupuesto asignado.");
    }

    /** A refusal of {@link OwnedVariablesGuard} reads the same way in Tasklist. */
    @Test
    void aForgedProcessVariableIsRefusedInTheUsersLanguage() throws Exception {
        String forged = "{\"variables\": {\"proposalId\": {\"value\": 4242, \"type\": \"Long\"}}}";
        HttpResponse<String> spanish = complete(Api.TASKLIST_SUBMIT_FORM, task.getId(), forged, "es");
        HttpResponse<String> english = complete(Api.TASKLIST_SUBMIT_FORM, task.getId(), forged, "en");

        assertThat(spanish.statusCode()).as(spanish.body()).isEqualTo(400);
        assertThat(message(spanish)).startsWith("Variables proposalId: las fija el proceso").doesNotContain(" / ");
        assertThat(english.statusCode()).as(english.body()).isEqualTo(400);
        assertThat(message(english)).startsWith("Variables proposalId: set by the process").doesNotContain(" / ");
        assertThat(runtimeService.getVariable(task.getProcessInstanceId(), ProposalReviewProcess.PROPOSAL_ID))
                .isEqualTo(proposal.getId());
        assertNothingWarnedAndRefusalsLoggedOnce(2, task.getId(), "proposalId");
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void anUnknownOrAlreadyCompletedTaskAnswers404WithAReadableReason(Api api) throws Exception {
        String missing = "00000000-0000-0000-0000-00000000cafe";
        HttpResponse<String> unknown = complete(api, missing, review("Hay presupuesto."), "es");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(message(unknown)).isEqualTo("La tarea " + missing
                + " no existe o ya fue completada. Actualizá la lista de tareas.");

        assertThat(complete(api, task.getId(), review("Hay presupuesto."), "es").statusCode()).isIn(200, 204);
        HttpResponse<String> again = complete(api, task.getId(), review("Hay presupuesto."), "en");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(404);
        assertThat(message(again)).isEqualTo("Task " + task.getId()
                + " does not exist or was already completed. Refresh the task list.");
        assertNothingWarnedAndRefusalsLoggedOnce(2, null, "no existe o ya fue completada");
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void anUnparsableJsonValueIsRefusedAndNotStored(Api api) throws Exception {
        String badJson = review("Hay presupuesto.").replace("}}}",
                "}, \"notes\": {\"value\": \"{not json\", \"type\": \"Json\"}}}");
        String badObject = review("Hay presupuesto.").replace("}}}", "}, \"notes\": {\"value\": \"[1, 2\", "
                + "\"type\": \"Object\", \"valueInfo\": {\"serializationDataFormat\": \"application/json\", "
                + "\"objectTypeName\": \"java.util.ArrayList\"}}}}");

        HttpResponse<String> spanish = complete(api, task.getId(), badJson, "es");
        HttpResponse<String> english = complete(api, task.getId(), badObject, "en");

        assertThat(spanish.statusCode()).as(spanish.body()).isEqualTo(400);
        assertThat(message(spanish)).isEqualTo("Campo notes: el valor no es JSON válido.");
        assertThat(english.statusCode()).as(english.body()).isEqualTo(400);
        assertThat(message(english)).isEqualTo("Field notes: the value is not valid JSON.");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isOne();
        assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "notes")).isNull();
        assertThat(historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).variableName("notes").count()).isZero();
        assertThat(proposals.get(proposal.getId()).getStatus()).isEqualTo(ProposalStatus.IN_REVIEW);
        assertNothingWarnedAndRefusalsLoggedOnce(2, task.getId(), "notes");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    static String review(String reasoning) {
        return "{\"variables\": {\"verdict\": {\"value\": \"feasible\"}, \"reasoning\": {\"value\": \"" + reasoning
                + "\"}, \"willingToCoCreate\": {\"value\": true}, \"contactPerson\": {\"value\": \"Julia\"}}}";
    }

    private HttpResponse<String> complete(Api api, String taskId, String body, String acceptLanguage)
            throws Exception {
        String[] language = acceptLanguage == null ? new String[0] : new String[] {"Accept-Language", acceptLanguage};
        if (api == Api.TASKLIST_SUBMIT_FORM) {
            return tasklist.post("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form", body, language);
        }
        String action = api == Api.ENGINE_REST_SUBMIT_FORM ? "submit-form" : "complete";
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/engine-rest/task/" + taskId + "/" + action))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((USER + ":secret").getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (language.length > 0) {
            request.headers(language);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String message(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = json.readTree(response.body());
        return body.path("message").asText();
    }

    /**
     * @param refusals how many refused requests were made
     * @param taskId   the task the INFO lines name, or null to skip that check
     * @param reason   a part of the reason each INFO line holds
     */
    private void assertNothingWarnedAndRefusalsLoggedOnce(int refusals, String taskId, String reason) {
        List<ILoggingEvent> events;
        synchronized (logs) { // AppenderBase appends under this lock
            events = new ArrayList<>(logs.list);
        }
        assertThat(events).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .as("a user's mistake is no warning nor error").extracting(ILoggingEvent::getFormattedMessage)
                .isEmpty();
        List<ILoggingEvent> refused = events.stream()
                .filter(e -> e.getLoggerName().equals("org.cocrea.workflow.RefusedCommands")).toList();
        assertThat(refused).as("one INFO line per refusal").hasSize(refusals)
                .allSatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.INFO))
                .allSatisfy(e -> assertThat(e.getFormattedMessage()).contains(reason));
        if (taskId != null) {
            assertThat(refused).allSatisfy(e -> assertThat(e.getFormattedMessage()).contains("task " + taskId));
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
