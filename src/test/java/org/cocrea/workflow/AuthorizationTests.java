package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.cocrea.area.Areas;
import org.cocrea.kernel.Groups;
import org.cocrea.proposal.Channel;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.ProposalInput;
import org.cocrea.proposal.ProposalStatus;
import org.cocrea.proposal.Proposals;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One area neither sees nor completes another area's tasks, through the Java API and over {@code /engine-rest}
 * (HTTP Basic, engine authorization on; the engine is addressed by name, see
 * {@link #unnamedEngineRestPathAddressesTheApplicationEngine}), and the staff pages are for the open-government team
 * only. Area A is
 * {@code area-ambiente} (axis {@code ambiente}), area B is {@code area-diversidad} (axis {@code diversidad}).
 */
@CocreaIntegrationTest
class AuthorizationTests {

    static final String USER_A = "authz-ambiente";
    static final String USER_B = "authz-diversidad";
    static final String STAFF = "authz-staff";
    /** Used only with wrong passwords (failed logins count against the account's allowance, cocrea.limits.login). */
    static final String PROBE = "authz-wrong-password";
    static final String GROUP_A = "area-ambiente";
    static final String GROUP_B = "area-diversidad";

    @Autowired
    TestFixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    TaskService taskService;
    @Autowired
    FilterService filterService;
    @Autowired
    Areas areas;
    @Autowired
    IdentityService identityService;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    Proposal proposalA;
    Proposal proposalB;
    Task taskA;
    Task taskB;

    @BeforeEach
    void twoProposalsForTwoAreas() {
        fixtures.reset();
        fixtures.user(USER_A, USER_A + "@areas.example.org", GROUP_A);
        fixtures.user(USER_B, USER_B + "@areas.example.org", GROUP_B);
        fixtures.user(STAFF, STAFF + "@gobierno.example.org", Groups.OPEN_GOVERNMENT_TEAM);
        fixtures.user(PROBE, PROBE + "@areas.example.org", GROUP_A);
        identityService.unlockUser(PROBE);
        fixtures.openCall(Duration.ofDays(2));
        proposalA = proposals.submit(input("Huertas en plazas", "ambiente"), Channel.API);
        proposalB = proposals.submit(input("Guía de lenguaje inclusivo", "diversidad"), Channel.API);
        taskA = reviewTaskOf(proposalA);
        taskB = reviewTaskOf(proposalB);
        assertThat(proposals.get(proposalA.getId()).getAreaGroup()).isEqualTo(GROUP_A);
        assertThat(proposals.get(proposalB.getId()).getAreaGroup()).isEqualTo(GROUP_B);
    }

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    // ---- Java API ----------------------------------------------------------------------------------------------

    @Test
    void areaUserSeesOnlyTheirAreasTasks() {
        identityService.setAuthentication(USER_A, List.of(GROUP_A));
        assertThat(taskService.createTaskQuery().list()).extracting(Task::getId).containsExactly(taskA.getId());
        assertThat(taskService.createTaskQuery().taskId(taskB.getId()).count()).isZero();

        identityService.setAuthentication(USER_B, List.of(GROUP_B));
        assertThat(taskService.createTaskQuery().list()).extracting(Task::getId).containsExactly(taskB.getId());
    }

    @Test
    void areaUserCannotCompleteAnotherAreasTaskAndItIsUntouched() {
        identityService.setAuthentication(USER_A, List.of(GROUP_A));
        assertThatThrownBy(() -> taskService.complete(taskB.getId(), validReview()))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> taskService.claim(taskB.getId(), USER_A)).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> taskService.getVariables(taskB.getId())).isInstanceOf(AuthorizationException.class);
        identityService.clearAuthentication();

        Task untouched = taskService.createTaskQuery().taskId(taskB.getId()).singleResult();
        assertThat(untouched).isNotNull();
        assertThat(untouched.getAssignee()).isNull();
        Proposal b = proposals.get(proposalB.getId());
        assertThat(b.getStatus()).isEqualTo(ProposalStatus.IN_REVIEW);
        assertThat(b.getVerdict()).isNull();
        assertThat(b.getReviewedBy()).isNull();
    }

    @Test
    void areaUserCompletesTheirOwnAreasTask() {
        identityService.setAuthentication(USER_A, List.of(GROUP_A));
        taskService.complete(taskA.getId(), validReview());
        identityService.clearAuthentication();

        assertThat(taskService.createTaskQuery().taskId(taskA.getId()).count()).isZero();
        Proposal a = proposals.get(proposalA.getId());
        assertThat(a.getStatus()).isEqualTo(ProposalStatus.REVIEWED);
        assertThat(a.getReviewedBy()).isEqualTo(USER_A);
        assertThat(taskService.createTaskQuery().taskId(taskB.getId()).count()).isEqualTo(1);
    }

    @Test
    void tasklistFiltersShowAnAreaOnlyItsOwnFilterAndTasks() {
        String nameA = "Área: " + areas.byCandidateGroup(GROUP_A).orElseThrow().getNameEs();
        String nameB = "Área: " + areas.byCandidateGroup(GROUP_B).orElseThrow().getNameEs();
        Filter filterB = filterService.createTaskFilterQuery().filterName(nameB).singleResult();

        identityService.setAuthentication(USER_A, List.of(GROUP_A));
        List<String> visible = filterService.createTaskFilterQuery().list().stream().map(Filter::getName).toList();
        assertThat(visible).contains("Mis tareas", nameA).doesNotContain(nameB, "Equipo de Gobierno Abierto");
        Filter mine = filterService.createTaskFilterQuery().filterName("Mis tareas").singleResult();
        assertThat(filterService.<Task>list(mine.getId())).extracting(Task::getId).containsExactly(taskA.getId());
        assertThatThrownBy(() -> filterService.list(filterB.getId())).isInstanceOf(AuthorizationException.class);
    }

    @Test
    void openGovernmentTeamSeesEveryAreasTasks() {
        identityService.setAuthentication(STAFF, List.of(Groups.OPEN_GOVERNMENT_TEAM));
        assertThat(taskService.createTaskQuery().list()).extracting(Task::getId)
                .contains(taskA.getId(), taskB.getId());
    }

    // ---- /engine-rest over HTTP --------------------------------------------------------------------------------

    @Test
    void anonymousEngineRestIsRefusedWith401() throws Exception {
        assertThat(rest("GET", "/engine-rest/task", null, null).statusCode()).isEqualTo(401);
        assertThat(rest("GET", engineRest("/task"), null, null).statusCode()).isEqualTo(401);
        assertThat(rest("POST", "/engine-rest/task/" + taskA.getId() + "/complete", null, "{\"variables\":{}}")
                .statusCode()).isEqualTo(401);
    }

    /** {@code /engine-rest/task} (no engine name, what Tasklist and clients use) addresses the application's engine. */
    @Test
    void unnamedEngineRestPathAddressesTheApplicationEngine() throws Exception {
        HttpResponse<String> response = rest("GET", "/engine-rest/task", basic(USER_A), null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ids(json.readTree(response.body()))).containsExactly(taskA.getId());
    }

    @Test
    void wrongPasswordOnEngineRestIsRefusedWith401() throws Exception {
        String bad = "Basic " + Base64.getEncoder().encodeToString((PROBE + ":wrong").getBytes(StandardCharsets.UTF_8));
        assertThat(rest("GET", engineRest("/task"), bad, null).statusCode()).isEqualTo(401);
    }

    @Test
    void areaUserListsOnlyTheirAreasTasksOverRest() throws Exception {
        HttpResponse<String> response = rest("GET", engineRest("/task"), basic(USER_A), null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ids(json.readTree(response.body()))).containsExactly(taskA.getId());

        HttpResponse<String> forB = rest("GET", engineRest("/task"), basic(USER_B), null);
        assertThat(ids(json.readTree(forB.body()))).containsExactly(taskB.getId());
    }

    @Test
    void areaUserCannotReadAnotherAreasTaskOverRest() throws Exception {
        HttpResponse<String> response = rest("GET", engineRest("/task/" + taskA.getId()), basic(USER_B), null);
        // The engine answers "no such task" rather than revealing that it exists.
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Huertas");
    }

    @Test
    void areaUserCompletingAnotherAreasTaskOverRestGets403() throws Exception {
        HttpResponse<String> response = rest("POST", engineRest("/task/" + taskA.getId() + "/complete"),
                basic(USER_B), "{\"variables\":{}}");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json.readTree(response.body()).get("type").asText()).isEqualTo("AuthorizationException");
        assertThat(taskService.createTaskQuery().taskId(taskA.getId()).count()).isEqualTo(1);
        assertThat(proposals.get(proposalA.getId()).getStatus()).isEqualTo(ProposalStatus.IN_REVIEW);
    }

    @Test
    void areaUserCompletesTheirOwnTaskOverRest() throws Exception {
        String body = json.writeValueAsString(Map.of("variables", Map.of(
                "verdict", Map.of("value", "feasible"),
                "reasoning", Map.of("value", "Es viable con el presupuesto de gestión."),
                "willingToCoCreate", Map.of("value", true),
                "contactPerson", Map.of("value", "Mariana Núñez"))));
        HttpResponse<String> response = rest("POST", engineRest("/task/" + taskA.getId() + "/complete"),
                basic(USER_A), body);
        assertThat(response.statusCode()).isEqualTo(204);
        Proposal a = proposals.get(proposalA.getId());
        assertThat(a.getStatus()).isEqualTo(ProposalStatus.REVIEWED);
        assertThat(a.getReviewedBy()).isEqualTo(USER_A);
        assertThat(a.getContactPerson()).isEqualTo("Mariana Núñez");
    }

    // ---- staff pages -------------------------------------------------------------------------------------------

    @Test
    void staffPagesWithoutLoginRedirectToLogin() throws Exception {
        mvc.perform(get("/staff")).andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/staff/outbox")).andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void areaUserGets403OnStaffPages() throws Exception {
        mvc.perform(get("/staff").with(user("x").authorities(new SimpleGrantedAuthority("GROUP_" + GROUP_A))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/proposals/import").with(user("x").authorities(
                new SimpleGrantedAuthority("GROUP_" + GROUP_A)))).andExpect(status().isForbidden());
    }

    @Test
    void areaUserLoggedInWithTheirEngineAccountGets403OnStaff() throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(USER_A).password("secret"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/me/notifications"))
                .andReturn().getRequest().getSession(false);
        mvc.perform(get("/staff").session(session)).andExpect(status().isForbidden());
    }

    @Test
    void teamMemberLoggedInWithTheirEngineAccountSeesStaff() throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(STAFF).password("secret"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/staff")).andReturn().getRequest()
                .getSession(false);
        mvc.perform(get("/staff").session(session)).andExpect(status().isOk());
    }

    @Test
    void wrongPasswordDoesNotLogIn() throws Exception {
        mvc.perform(formLogin("/login").user(PROBE).password("wrong"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login?error"));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static ProposalInput input(String title, String axis) {
        return new ProposalInput(title, "Descripción de la propuesta.", axis, "ciudadania", null, "Ana Pérez",
                "ana@example.org", true, "es", null);
    }

    private Task reviewTaskOf(Proposal p) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(p.getTrackingCode())
                .taskDefinitionKey(ProposalReviewProcess.TASK_REVIEW).singleResult();
        assertThat(task).as("review task of " + p.getTrackingCode()).isNotNull();
        return task;
    }

    private static Map<String, Object> validReview() {
        return Variables.createVariables().putValue(ProposalReviewProcess.VERDICT, "feasible")
                .putValue(ProposalReviewProcess.REASONING, "Es viable con el presupuesto de gestión.")
                .putValue(ProposalReviewProcess.WILLING_TO_CO_CREATE, true)
                .putValue(ProposalReviewProcess.CONTACT_PERSON, "Mariana Núñez");
    }

    /** @return the REST path of the application's engine, addressed by name */
    private String engineRest(String path) {
        return "/engine-rest/engine/" + processEngine.getName() + path;
    }

    private static String basic(String userId) {
        return "Basic " + Base64.getEncoder().encodeToString((userId + ":secret").getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> rest(String method, String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> ids(JsonNode tasks) {
        List<String> ids = new ArrayList<>();
        tasks.forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }
}
