package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.cocrea.proposal.Channel;
import org.cocrea.proposal.ProposalInput;
import org.cocrea.proposal.ProposalStatus;
import org.cocrea.proposal.Proposals;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Server-side validation of task completions over {@code /engine-rest} (what Tasklist calls): an invalid feasibility
 * review gets 400 with the reason and the task stays open; a valid one completes; anonymous calls get 401.
 */
@CocreaIntegrationTest
class EngineRestValidationTests {

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    TaskService taskService;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void setUp() {
        fixtures.reset();
        fixtures.user("rest-ambiente", "rest-ambiente@areas.example.org", "area-ambiente");
        fixtures.openCall(Duration.ofDays(3));
        proposals.submit(new ProposalInput("Corredores verdes", "Unir plazas con corredores de arbolado nativo.",
                "ambiente", "osc-territorial", "Vecinos del Sur", "Julia Ríos", "julia@example.org", true, "es", null),
                Channel.API);
    }

    @Test
    void invalidReviewOverRestIsRefusedWith400AndTheReason() throws Exception {
        Task task = taskService.createTaskQuery().taskCandidateGroup("area-ambiente").singleResult();
        HttpResponse<String> refused = complete(task.getId(), """
                {"variables": {"verdict": {"value": "maybe"}, "reasoning": {"value": "  "},
                 "willingToCoCreate": {"value": true}, "contactPerson": {"value": "Julia"}}}
                """);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("fundamentación requerida").contains("dictamen").doesNotContain("ENGINE-");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

        HttpResponse<String> accepted = complete(task.getId(), """
                {"variables": {"verdict": {"value": "feasible"}, "reasoning": {"value": "Hay presupuesto asignado."},
                 "willingToCoCreate": {"value": true}, "contactPerson": {"value": "Julia"}}}
                """);
        assertThat(accepted.statusCode()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
    }

    @Test
    void overwritingTheProposalIdIsRefusedAndNoProposalIsReviewed() throws Exception {
        var other = proposals.submit(new ProposalInput("Baños inclusivos", "Baños sin género en edificios públicos.",
                "diversidad", "ciudadania", null, "Sol Díaz", "sol@example.org", true, "es", null), Channel.API);
        var own = proposals.ofCall(fixtures.openCallId()).stream().filter(p -> p.getAxis().equals("ambiente"))
                .findFirst().orElseThrow();
        Task task = taskService.createTaskQuery().taskCandidateGroup("area-ambiente").singleResult();

        HttpResponse<String> response = complete(task.getId(), """
                {"variables": {"proposalId": {"value": %d, "type": "Long"}, "verdict": {"value": "not-feasible"},
                 "reasoning": {"value": "Intento de secuestro"}, "willingToCoCreate": {"value": false},
                 "contactPerson": {"value": "Mallory"}}}
                """.formatted(other.getId()));

        // proposalId is owned by proposal-review (OwnedVariablesGuard): the whole completion is refused.
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("proposalId");
        assertThat(proposals.get(other.getId()).getStatus()).as("the other area's proposal is untouched")
                .isEqualTo(ProposalStatus.IN_REVIEW);
        assertThat(proposals.get(other.getId()).getReasoning()).isNull();
        assertThat(proposals.get(own.getId()).getStatus()).as("nor is the task's own proposal reviewed by it")
                .isEqualTo(ProposalStatus.IN_REVIEW);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
    }

    @Test
    void anonymousEngineRestIsRefused() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/engine-rest/task")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> complete(String taskId, String json) throws Exception {
        String auth = Base64.getEncoder().encodeToString("rest-ambiente:secret".getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri("/engine-rest/task/" + taskId + "/complete"))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
