package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.cocrea.kernel.Groups;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner may deploy but not start processes, nor become administrator through a model: over
 * {@code /engine-rest/deployment/create} (HTTP Basic, as a {@code process-owners} user) a model that calls
 * {@code identityService}, one with a script task and one that reaches the engine through
 * {@code execution.getProcessEngineServices()} are refused with 400 naming file, element and reason; nothing of them
 * is deployed, and after running every job of those keys the owner is still outside {@code camunda-admin}. A model
 * within the allow-list deploys.
 */
@CocreaIntegrationTest
class DeploymentAllowListTests {

    static final String OWNER = "allowlist-owner";
    static final List<String> KEYS = List.of("Owner_IdentityService", "Owner_Script", "Owner_EngineServices",
            "Owner_Allowed");

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    IdentityService identityService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ManagementService managementService;
    @Autowired
    ObjectMapper json;
    @Autowired
    DeploymentAllowList.Plugin allowList;
    EngineRestClient rest;

    @BeforeEach
    void owner() {
        fixtures.user(OWNER, OWNER + "@gobierno.example.org", Groups.PROCESS_OWNERS);
        rest = new EngineRestClient(port);
    }

    @AfterEach
    void removeUploads() {
        identityService.deleteMembership(OWNER, Groups.ADMINS);
        repositoryService.createDeploymentQuery().deploymentName("owner-upload").list()
                .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
    }

    @Test
    void timerModelCallingIdentityServiceIsRefused() throws Exception {
        String task = "<bpmn:serviceTask id=\"Task_GrantAdmin\" name=\"Grant\" camunda:expression=\""
                + "${identityService.createMembership('" + OWNER + "','camunda-admin')}\"/>";
        assertRefused("owner/identity-service.bpmn",
                EngineRestClient.model("Owner_IdentityService", true, "Task_GrantAdmin", task), "Task_GrantAdmin",
                "bean identityService is not on the allow-list");
    }

    @Test
    void scriptTaskIsRefused() throws Exception {
        String task = "<bpmn:scriptTask id=\"Task_Script\" name=\"Script\" scriptFormat=\"javascript\">"
                + "<bpmn:script>execution.getProcessEngineServices().getIdentityService()"
                + ".createMembership('" + OWNER + "','camunda-admin')</bpmn:script></bpmn:scriptTask>";
        assertRefused("owner/script.bpmn", EngineRestClient.model("Owner_Script", true, "Task_Script", task),
                "Task_Script", "script tasks are not allowed");
    }

    @Test
    void engineServicesThroughExecutionAreRefused() throws Exception {
        String task = "<bpmn:serviceTask id=\"Task_EngineServices\" name=\"Grant\" camunda:expression=\""
                + "${execution.getProcessEngineServices().getIdentityService().createMembership('" + OWNER
                + "','camunda-admin')}\"/>";
        assertRefused("owner/engine-services.bpmn",
                EngineRestClient.model("Owner_EngineServices", true, "Task_EngineServices", task),
                "Task_EngineServices", "execution.getProcessEngineServices() is not allowed");
    }

    @Test
    void everyModelInProcessesPassesTheAllowList() throws Exception {
        try (var files = Files.list(Path.of("processes"))) {
            List<Path> models = files.filter(p -> p.toString().endsWith(".bpmn") || p.toString().endsWith(".dmn"))
                    .toList();
            assertThat(models).hasSizeGreaterThan(5);
            for (Path model : models) {
                assertThat(allowList.allowList().check("processes/" + model.getFileName(), Files.readAllBytes(model)))
                        .as(model.toString()).isEmpty();
            }
        }
    }

    @Test
    void modelWithinTheAllowListDeploys() throws Exception {
        String task = "<bpmn:serviceTask id=\"Task_SetDue\" name=\"Due\" camunda:expression=\""
                + "${execution.setVariable('due', workingDays.after(now(), 2))}\"/>";
        HttpResponse<String> response = rest.deploy(OWNER, "owner/allowed.bpmn",
                EngineRestClient.model("Owner_Allowed", false, "Task_SetDue", task));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("Owner_Allowed").count())
                .isEqualTo(1);
    }

    private void assertRefused(String file, String model, String elementId, String reason) throws Exception {
        HttpResponse<String> response = rest.deploy(OWNER, file, model);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        var body = json.readTree(response.body());
        assertThat(body.get("message").asText()).contains(file).contains(elementId).contains(reason);
        var errors = body.path("details").path(file).path("errors");
        assertThat(errors.isArray() && !errors.isEmpty()).as(response.body()).isTrue();
        assertThat(errors.get(0).get("mainElementId").asText()).isEqualTo(elementId);

        for (String key : KEYS) {
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
            for (Job job : managementService.createJobQuery().processDefinitionKey(key).list()) {
                managementService.executeJob(job.getId());
            }
        }
        assertThat(identityService.createUserQuery().userId(OWNER).memberOfGroup(Groups.ADMINS).count()).isZero();
    }
}
