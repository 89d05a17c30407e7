package org.cocrea.support;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * What the engine has deployed, for the tests that deploy changed models (Modeler deploys, migrations, the process
 * owners' change loop): the deployments, the latest process definitions, and the clean-up that puts the engine back
 * to the models it had before the test.
 */
@Component
public class DeployedModels {

    private final RepositoryService repositoryService;
    private final ManagementService managementService;

    DeployedModels(RepositoryService repositoryService, ManagementService managementService) {
        this.repositoryService = repositoryService;
        this.managementService = managementService;
    }

    /** @return the ids of every deployment the engine holds now */
    public Set<String> deploymentIds() {
        return repositoryService.createDeploymentQuery().list().stream().map(Deployment::getId)
                .collect(Collectors.toSet());
    }

    /**
     * @param key a process definition key, e.g. {@code proposal-review}
     * @return its latest version, or null if none is deployed
     */
    public ProcessDefinition latest(String key) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult();
    }

    /** @return the latest version of every process of {@code processes/}, by process definition key */
    public Map<String, Integer> latestVersions() {
        return repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
                .filter(d -> d.getResourceName().startsWith("processes/"))
                .collect(Collectors.toMap(ProcessDefinition::getKey, ProcessDefinition::getVersion));
    }

    /**
     * Deletes the migration batches and, with their instances, the deployments made since {@code before}.
     *
     * @param before what {@link #deploymentIds()} answered before the test deployed anything
     */
    public void removeDeploymentsSince(Set<String> before) {
        managementService.createBatchQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).list()
                .forEach(b -> managementService.deleteBatch(b.getId(), true));
        deploymentIds().stream().filter(id -> !before.contains(id))
                .forEach(id -> repositoryService.deleteDeployment(id, true));
    }
}
