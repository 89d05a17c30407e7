package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.cocrea.support.CocreaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;

/**
 * The models in {@code processes/} and {@code forms/} are deployed under stable relative names; redeploying unchanged
 * files creates no new version, a changed file does, and an invalid file stops the deployment with a message naming
 * the file. Redeployments here go through the same builder calls as the starter's {@code SpringAutoDeployment}.
 */
@CocreaIntegrationTest
class ModelDeploymentTests {

    @Autowired
    RepositoryService repositoryService;

    @Test
    void resourcesAreDeployedUnderStableRelativeNames() {
        Deployment latest = repositoryService.createDeploymentQuery().deploymentName("SpringAutoDeployment")
                .orderByDeploymentTime().desc().list().get(0);
        assertThat(repositoryService.getDeploymentResourceNames(latest.getId())).contains(
                "processes/proposal-review.bpmn", "processes/call-for-proposals.bpmn", "processes/proposal-routing.dmn",
                "forms/feasibility-review.form", "forms/call-for-proposals-start.form")
                .allMatch(name -> !name.startsWith("/"));
    }

    @Test
    void redeployingUnchangedFilesCreatesNoNewVersion() {
        int before = latestVersion("proposal-review");
        Set<Resource> resources = new FolderDeploymentConfiguration(new CamundaBpmProperties(), "processes", "forms").getDeploymentResources();
        autoDeploy(resources);
        assertThat(latestVersion("proposal-review")).isEqualTo(before);
    }

    @Test
    void aChangedFileCreatesANewVersion(@TempDir Path dir) throws IOException {
        Path processes = copy(Path.of("processes"), dir.resolve("processes"));
        Path forms = copy(Path.of("forms"), dir.resolve("forms"));
        Path bpmn = processes.resolve("proposal-review.bpmn");
        Files.writeString(bpmn, Files.readString(bpmn).replace("Propuesta recibida", "Propuesta recibida (v2)"));
        int before = latestVersion("proposal-review");
        Deployment deployment = autoDeploy(new FolderDeploymentConfiguration(new CamundaBpmProperties(), processes.toString(), forms.toString())
                .getDeploymentResources());
        try {
            assertThat(latestVersion("proposal-review")).isEqualTo(before + 1);
            // The whole set is redeployed, so formRefBinding="deployment" still finds the forms.
            assertThat(repositoryService.getDeploymentResourceNames(deployment.getId()))
                    .contains("forms/feasibility-review.form", "processes/proposal-review.bpmn");
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void anUnparsableFileIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        Path processes = Files.createDirectories(dir.resolve("processes"));
        Path forms = Files.createDirectories(dir.resolve("forms"));
        Files.writeString(processes.resolve("broken.bpmn"), "<bpmn:definitions><oops></bpmn:definitions>");
        assertThatThrownBy(() -> new FolderDeploymentConfiguration(new CamundaBpmProperties(), processes.toString(), forms.toString())
                .getDeploymentResources()).hasMessageContaining("processes/broken.bpmn");

        Files.delete(processes.resolve("broken.bpmn"));
        Files.writeString(forms.resolve("broken.form"), "{\"components\": [");
        assertThatThrownBy(() -> new FolderDeploymentConfiguration(new CamundaBpmProperties(), processes.toString(), forms.toString())
                .getDeploymentResources()).hasMessageContaining("forms/broken.form");
    }

    @Test
    void aModelTheEngineRejectsNamesTheFileAndElement(@TempDir Path dir) throws IOException {
        Path processes = Files.createDirectories(dir.resolve("processes"));
        Path forms = Files.createDirectories(dir.resolve("forms"));
        Files.writeString(processes.resolve("no-ttl.bpmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_NoTtl"
                    targetNamespace="http://cocrea.org/bpmn">
                  <bpmn:process id="no-ttl" name="Sin TTL" isExecutable="true">
                    <bpmn:startEvent id="StartEvent_Begin" name="Inicio" />
                  </bpmn:process>
                </bpmn:definitions>
                """);
        Set<Resource> resources = new FolderDeploymentConfiguration(new CamundaBpmProperties(), processes.toString(), forms.toString())
                .getDeploymentResources();
        assertThatThrownBy(() -> autoDeploy(resources)).hasMessageContaining("no-ttl")
                .hasMessageContaining("processes/no-ttl.bpmn");
    }

    private Deployment autoDeploy(Set<Resource> resources) {
        DeploymentBuilder builder = repositoryService.createDeployment().name("SpringAutoDeployment")
                .enableDuplicateFiltering(false);
        for (Resource r : resources) {
            try {
                builder.addInputStream(((ContextResource) r).getPathWithinContext(), r.getInputStream());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return builder.deploy();
    }

    private int latestVersion(String key) {
        ProcessDefinition d = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().singleResult();
        return d.getVersion();
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (Path p : List.copyOf(Files.list(from).toList())) {
            Files.copy(p, to.resolve(p.getFileName()));
        }
        return to;
    }
}
