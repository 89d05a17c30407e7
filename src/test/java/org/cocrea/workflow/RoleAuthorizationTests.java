package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.cocrea.kernel.Groups;
import org.cocrea.proposal.Channel;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.ProposalInput;
import org.cocrea.proposal.Proposals;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The role table of the README, asserted over {@code /engine-rest} (HTTP Basic) for one user of every group: the
 * open-government team, an area, the monitoring body, process owners and camunda-admin. Above all, no one but
 * camunda-admin may change the engine-wide history-cleanup job (retries, suspension, due date, priority, execution,
 * deletion), which deletes old personal data (Ley 25.326); nor deploy (except process owners), suspend definitions,
 * touch another group's tasks, or create users, groups, memberships or authorizations.
 */
@CocreaIntegrationTest
class RoleAuthorizationTests {

    static final String TEAM = "roles-team";
    static final String AREA = "roles-ambiente";
    static final String OTHER_AREA = "roles-diversidad";
    static final String MONITOR = "roles-monitoring";
    static final String OWNER = "roles-owner";
    static final String OTHER_OWNER = "roles-owner-2";
    static final String ADMIN = "roles-admin";
    static final List<String> NOT_ADMINS = List.of(TEAM, AREA, MONITOR, OWNER);

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    ObjectMapper json;

    EngineRestClient rest;
    Task taskA;
    Task taskB;
    Job cleanup;

    @BeforeEach
    void oneUserPerGroup() {
        fixtures.reset();
        fixtures.user(TEAM, TEAM + "@gobierno.example.org", Groups.OPEN_GOVERNMENT_TEAM);
        fixtures.user(AREA, AREA + "@areas.example.org", "area-ambiente");
        fixtures.user(OTHER_AREA, OTHER_AREA + "@areas.example.org", "area-diversidad");
        fixtures.user(MONITOR, MONITOR + "@monitoreo.example.org", Groups.MONITORING_BODY);
        fixtures.user(OWNER, OWNER + "@gobierno.example.org", Groups.PROCESS_OWNERS);
        fixtures.user(OTHER_OWNER, OTHER_OWNER + "@gobierno.example.org", Groups.PROCESS_OWNERS);
        fixtures.user(ADMIN, ADMIN + "@gobierno.example.org", Groups.ADMINS);
        rest = new EngineRestClient(port);
        fixtures.openCall(Duration.ofDays(2));
        taskA = reviewTask(proposals.submit(input("Huertas comunitarias", "ambiente"), Channel.API));
        taskB = reviewTask(proposals.submit(input("Lenguaje inclusivo", "diversidad"), Channel.API));
        if (historyService.findHistoryCleanupJobs().isEmpty()) {
            historyService.cleanUpHistoryAsync();
        }
        cleanup = historyService.findHistoryCleanupJobs().get(0);
    }

    @AfterEach
    void restore() {
        identityService.clearAuthentication();
        for (String user : NOT_ADMINS) {
            identityService.deleteMembership(user, Groups.ADMINS);
        }
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(ProposalReviewProcess.KEY)
                .suspended().count() > 0) {
            repositoryService.activateProcessDefinitionByKey(ProposalReviewProcess.KEY);
        }
        List<Job> jobs = historyService.findHistoryCleanupJobs();
        if (jobs.isEmpty()) {
            historyService.cleanUpHistoryAsync();
        } else if (jobs.get(0).isSuspended()) {
            managementService.activateJobById(jobs.get(0).getId());
        }
        repositoryService.createDeploymentQuery().deploymentName("owner-upload").list()
                .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
    }

    @Test
    void onlyAdminsMayChangeTheHistoryCleanupJob() throws Exception {
        String job = "/engine-rest/job/" + cleanup.getId();
        SoftAssertions soft = new SoftAssertions();
        for (String user : NOT_ADMINS) {
            expect(soft, user, "PUT", job + "/retries", "{\"retries\": 0}", 403);
            expect(soft, user, "PUT", job + "/suspended", "{\"suspended\": true}", 403);
            expect(soft, user, "PUT", job + "/duedate", "{\"duedate\": \"2031-01-01T00:00:00.000-0300\"}", 403);
            expect(soft, user, "PUT", job + "/priority", "{\"priority\": 99}", 403);
            expect(soft, user, "POST", job + "/execute", null, 403);
            expect(soft, user, "DELETE", job, null, 403);
            expect(soft, user, "POST", "/engine-rest/history/cleanup", null, 403);
        }
        soft.assertAll();

        Job after = managementService.createJobQuery().jobId(cleanup.getId()).singleResult();
        assertThat(after).as("the cleanup job still exists").isNotNull();
        assertThat(after.isSuspended()).isFalse();
        assertThat(after.getRetries()).isEqualTo(cleanup.getRetries());
        assertThat(after.getDuedate()).isEqualTo(cleanup.getDuedate());
        assertThat(after.getPriority()).isEqualTo(cleanup.getPriority());
    }

    @Test
    void adminsManageTheHistoryCleanupJob() throws Exception {
        String job = "/engine-rest/job/" + cleanup.getId();
        SoftAssertions soft = new SoftAssertions();
        expect(soft, ADMIN, "PUT", job + "/retries", "{\"retries\": " + cleanup.getRetries() + "}", 204);
        expect(soft, ADMIN, "PUT", job + "/suspended", "{\"suspended\": true}", 204);
        expect(soft, ADMIN, "PUT", job + "/suspended", "{\"suspended\": false}", 204);
        expect(soft, ADMIN, "GET", "/engine-rest/authorization", null, 200);
        soft.assertAll();
        assertThat(managementService.createJobQuery().jobId(cleanup.getId()).singleResult().isSuspended()).isFalse();
    }

    @Test
    void onlyProcessOwnersAndAdminsDeployAndOnlyAdminsDeleteDeployments() throws Exception {
        String model = EngineRestClient.model("Roles_Allowed", false, "Task_SetDue",
                "<bpmn:serviceTask id=\"Task_SetDue\" name=\"Due\" camunda:expression=\""
                        + "${execution.setVariable('due', workingDays.after(now(), 2))}\"/>");
        SoftAssertions soft = new SoftAssertions();
        for (String user : List.of(TEAM, AREA, MONITOR)) {
            soft.assertThat(rest.deploy(user, "roles/allowed.bpmn", model).statusCode()).as(user + " deploys")
                    .isEqualTo(403);
        }
        HttpResponse<String> deployed = rest.deploy(OWNER, "roles/allowed.bpmn", model);
        soft.assertThat(deployed.statusCode()).as("process owner deploys: " + deployed.body()).isEqualTo(200);
        soft.assertAll();

        // Camunda grants the author READ and DELETE on their own deployment; nobody else but admins may delete it.
        String deployment = "/engine-rest/deployment/" + json.readTree(deployed.body()).get("id").asText();
        soft = new SoftAssertions();
        for (String user : List.of(TEAM, AREA, MONITOR, OTHER_OWNER)) {
            expectRefused(soft, user, "DELETE", deployment + "?cascade=true", null);
        }
        expect(soft, ADMIN, "DELETE", deployment + "?cascade=true", null, 204);
        soft.assertAll();
    }

    @Test
    void definitionsAreReadByTheirGroupsAndSuspendedOrStartedByNoOne() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(definitions(AREA, ProposalReviewProcess.KEY)).as("area reads proposal-review").hasSize(1);
        soft.assertThat(definitions(AREA, "call-for-proposals")).as("area reads call-for-proposals").isEmpty();
        soft.assertThat(definitions(MONITOR, CommitmentFollowUpProcess.KEY)).as("monitoring body reads follow-up")
                .hasSize(1);
        soft.assertThat(definitions(MONITOR, ProposalReviewProcess.KEY)).as("monitoring body reads review").isEmpty();
        for (String user : NOT_ADMINS) {
            expectRefused(soft, user, "PUT", "/engine-rest/process-definition/key/" + ProposalReviewProcess.KEY
                    + "/suspended", "{\"suspended\": true, \"includeProcessInstances\": true}");
        }
        for (String user : List.of(AREA, MONITOR, OWNER)) {
            expectRefused(soft, user, "POST", "/engine-rest/process-definition/key/" + ProposalReviewProcess.KEY
                    + "/start", "{}");
        }
        soft.assertThat(authorizationService.isUserAuthorized(TEAM, List.of(Groups.OPEN_GOVERNMENT_TEAM),
                Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, ProposalReviewProcess.KEY))
                .as("the team starts processes").isTrue();
        soft.assertAll();
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(ProposalReviewProcess.KEY)
                .suspended().count()).isZero();
    }

    @Test
    void tasksAreWorkedOnlyByTheirGroupAndTheTeam() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(taskIds(AREA)).as("area tasks").containsExactly(taskA.getId());
        soft.assertThat(taskIds(MONITOR)).as("monitoring body tasks").doesNotContain(taskA.getId(), taskB.getId());
        soft.assertThat(taskIds(OWNER)).as("process owner tasks").doesNotContain(taskA.getId(), taskB.getId());
        soft.assertThat(taskIds(TEAM)).as("team tasks").contains(taskA.getId(), taskB.getId());
        expect(soft, AREA, "GET", "/engine-rest/task/" + taskB.getId(), null, 404);
        for (String user : List.of(AREA, MONITOR, OWNER)) {
            expect(soft, user, "POST", "/engine-rest/task/" + taskB.getId() + "/complete", "{\"variables\": {}}",
                    403);
        }
        for (String user : NOT_ADMINS) {
            expectRefused(soft, user, "DELETE", "/engine-rest/process-instance/" + taskB.getProcessInstanceId(),
                    null);
        }
        soft.assertAll();
        assertThat(taskService.createTaskQuery().taskId(taskB.getId()).count()).isEqualTo(1);
    }

    @Test
    void usersGroupsMembershipsAndAuthorizationsAreForAdminsOnly() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        for (String user : NOT_ADMINS) {
            expect(soft, user, "PUT", "/engine-rest/group/" + Groups.ADMINS + "/members/" + user, null, 403);
            expect(soft, user, "POST", "/engine-rest/user/create", """
                    {"profile": {"id": "roles-intruder", "firstName": "I", "lastName": "N",
                     "email": "i@example.org"}, "credentials": {"password": "Intruder-1234"}}""", 403);
            expect(soft, user, "POST", "/engine-rest/group/create",
                    "{\"id\": \"roles-new-group\", \"name\": \"N\", \"type\": \"WORKFLOW\"}", 403);
            expect(soft, user, "POST", "/engine-rest/authorization/create", """
                    {"type": 1, "permissions": ["ALL"], "userId": "%s", "resourceType": 0, "resourceId": "*"}"""
                    .formatted(user), 403);
        }
        soft.assertAll();
        for (String user : NOT_ADMINS) {
            assertThat(identityService.createUserQuery().userId(user).memberOfGroup(Groups.ADMINS).count())
                    .as(user).isZero();
        }
        assertThat(identityService.createUserQuery().userId("roles-intruder").count()).isZero();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private void expect(SoftAssertions soft, String user, String method, String path, String body, int status)
            throws Exception {
        HttpResponse<String> response = rest.call(user, method, path, body);
        soft.assertThat(response.statusCode()).as(user + " " + method + " " + path + " -> " + response.body())
                .isEqualTo(status);
    }

    /** Refused: 403, or 404 where the user may not even see the resource (the engine does not reveal it). */
    private void expectRefused(SoftAssertions soft, String user, String method, String path, String body)
            throws Exception {
        HttpResponse<String> response = rest.call(user, method, path, body);
        soft.assertThat(response.statusCode()).as(user + " " + method + " " + path + " -> " + response.body())
                .isIn(403, 404);
    }

    private List<String> taskIds(String user) throws Exception {
        HttpResponse<String> response = rest.call(user, "GET", "/engine-rest/task", null);
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json.readTree(response.body()).forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    private List<JsonNode> definitions(String user, String key) throws Exception {
        HttpResponse<String> response = rest.call(user, "GET",
                "/engine-rest/process-definition?latestVersion=true&key=" + key, null);
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        json.readTree(response.body()).forEach(list::add);
        return list;
    }

    private Task reviewTask(Proposal p) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(p.getTrackingCode())
                .taskDefinitionKey(ProposalReviewProcess.TASK_REVIEW).singleResult();
        assertThat(task).as("review task of " + p.getTrackingCode()).isNotNull();
        return task;
    }

    private static ProposalInput input(String title, String axis) {
        return new ProposalInput(title, "Descripción de la propuesta.", axis, "ciudadania", null, "Ana Pérez",
                "ana@example.org", true, "es", null);
    }
}
