package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.cocrea.kernel.Groups;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.DeployedModels;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Deploying from Camunda Modeler ({@code POST /engine-rest/deployment/create} as a {@code process-owners} user, the
 * fields Modeler sends) and the start-up deployment of {@code processes/} converge: the Modeler deployment is filed
 * under the same relative names and deployment name, completed with the other models, so a restart with the same
 * files creates no new version, a changed diagram does, and forms and the routing DMN bound by deployment are found.
 */
@CocreaIntegrationTest
class ModelerDeploymentTests {

    static final String OWNER = "modeler-owner";

    @LocalServerPort
    int port;
    @Autowired
    DeployedModels models;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ObjectMapper json;
    @TempDir
    Path tempDir;
    ModelCheckout checkout;
    EngineRestClient rest;
    Set<String> deploymentsBefore;

    @BeforeEach
    void setUp() throws Exception {
        fixtures.reset();
        fixtures.user(OWNER, OWNER + "@gobierno.example.org", Groups.PROCESS_OWNERS);
        rest = new EngineRestClient(port);
        deploymentsBefore = models.deploymentIds();
        checkout = new ModelCheckout(tempDir);
    }

    @AfterEach
    void removeNewDeployments() {
        models.removeDeploymentsSince(deploymentsBefore);
    }

    @Test
    void aModelerDeployFollowedByARestartWithTheSameFilesCreatesNoNewVersion() throws Exception {
        Map<String, Integer> before = models.latestVersions();
        checkout.edit("processes/proposal-review.bpmn", "proposalReview.setReviewDueDate(execution, 10)",
                "proposalReview.setReviewDueDate(execution, 15)");

        HttpResponse<String> deployed = deployFromModeler("proposal-review", "proposal-review.bpmn");
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        String id = json.readTree(deployed.body()).get("id").asText();
        Deployment deployment = repositoryService.createDeploymentQuery().deploymentId(id).singleResult();
        assertThat(deployment.getName()).isEqualTo("SpringAutoDeployment");
        assertThat(deployment.getSource()).isNull();
        // the whole model set under its relative names, so formRefBinding/decisionRefBinding="deployment" resolve
        assertThat(repositoryService.getDeploymentResourceNames(id)).contains("processes/proposal-review.bpmn",
                "processes/proposal-routing.dmn", "processes/call-for-proposals.bpmn", "forms/feasibility-review.form")
                .noneMatch(name -> name.equals("proposal-review.bpmn"));
        ProcessDefinition review = models.latest(ProposalReviewProcess.KEY);
        assertThat(review.getVersion()).isEqualTo(before.get(ProposalReviewProcess.KEY) + 1);
        assertThat(review.getDeploymentId()).isEqualTo(id);
        assertThat(text(id, "processes/proposal-review.bpmn")).contains("proposalReview.setReviewDueDate(execution, 15)");

        // Deploy pressed again with the same diagram: nothing new.
        assertThat(deployFromModeler("proposal-review", "proposal-review.bpmn").statusCode()).isEqualTo(200);
        assertThat(models.latestVersions()).isEqualTo(versionsAfter(before, 1));

        // The restart deploys processes/ (with the owner's saved file) again: no new version of anything.
        checkout.restart(repositoryService);
        assertThat(models.latestVersions()).isEqualTo(versionsAfter(before, 1));

        // A diagram changed after that does create a new version at restart.
        checkout.edit("processes/proposal-review.bpmn", "Plazo: 10 días hábiles", "Plazo: 15 días hábiles");
        checkout.restart(repositoryService);
        assertThat(models.latestVersions()).isEqualTo(versionsAfter(before, 2));
    }

    @Test
    void aChangedRoutingTableFromModelerReachesTheProcessesThatBindItByDeployment() throws Exception {
        Map<String, Integer> before = models.latestVersions();
        checkout.edit("processes/proposal-routing.dmn", "\"area-ciudad-amigable\"", "\"area-diversidad\"");

        HttpResponse<String> deployed = deployFromModeler("Enrutamiento", "proposal-routing.dmn");

        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        String id = json.readTree(deployed.body()).get("id").asText();
        assertThat(models.latest(ProposalReviewProcess.KEY).getDeploymentId()).as("new proposal-review with the new DMN")
                .isEqualTo(id);
        assertThat(text(id, "processes/proposal-routing.dmn")).contains("\"area-diversidad\"");
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("proposal-routing")
                .latestVersion().singleResult().getDeploymentId()).isEqualTo(id);
        checkout.restart(repositoryService);
        assertThat(models.latestVersions()).isEqualTo(versionsAfter(before, 1));
    }

    @Test
    void aFormAttachedInModelersDeployDialogIsFiledUnderForms() throws Exception {
        checkout.write("forms/review-check.form", """
                {"id": "review-check", "type": "default", "components": [
                  {"key": "checked", "label": "Revisión controlada", "type": "checkbox"}]}
                """);
        checkout.edit("processes/proposal-review.bpmn", "Propuesta recibida\"", "Propuesta recibida (v2)\"");

        HttpResponse<String> deployed = deployFromModeler("proposal-review", "proposal-review.bpmn",
                "review-check.form");

        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        String id = json.readTree(deployed.body()).get("id").asText();
        assertThat(repositoryService.getDeploymentResourceNames(id)).contains("forms/review-check.form",
                "processes/proposal-review.bpmn");
        Map<String, Integer> after = models.latestVersions();
        checkout.restart(repositoryService);
        assertThat(models.latestVersions()).isEqualTo(after);
    }

    @Test
    void aModelOutsideTheModelFoldersIsDeployedAsAsked() throws Exception {
        String model = EngineRestClient.model("Modeler_Elsewhere", false, "Task_Due",
                "<bpmn:serviceTask id=\"Task_Due\" name=\"Due\" camunda:expression=\""
                        + "${execution.setVariable('due', workingDays.after(now(), 2))}\"/>");
        HttpResponse<String> deployed = rest.deploy(OWNER, "experiments/elsewhere.bpmn", model);
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        String id = json.readTree(deployed.body()).get("id").asText();
        assertThat(repositoryService.createDeploymentQuery().deploymentId(id).singleResult().getName())
                .isEqualTo("owner-upload");
        assertThat(repositoryService.getDeploymentResourceNames(id)).containsExactly("experiments/elsewhere.bpmn");
    }

    private HttpResponse<String> deployFromModeler(String deploymentName, String... files) throws Exception {
        Object[] parts = new Object[files.length * 2];
        for (int i = 0; i < files.length; i++) {
            String folder = files[i].endsWith(".form") ? "forms" : "processes";
            parts[2 * i] = files[i];
            parts[2 * i + 1] = checkout.bytes(folder + "/" + files[i]);
        }
        return rest.deployLikeModeler(OWNER, deploymentName, parts);
    }

    private String text(String deploymentId, String resource) throws Exception {
        try (var in = repositoryService.getResourceAsStream(deploymentId, resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }




    private static Map<String, Integer> versionsAfter(Map<String, Integer> before, int deployments) {
        return before.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue() + deployments));
    }
}
