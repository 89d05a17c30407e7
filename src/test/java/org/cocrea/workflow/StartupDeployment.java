package org.cocrea.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;

/**
 * The start-up deployment run again, as after an application restart: {@link FolderDeploymentConfiguration} reads the
 * folders and the calls are those of the Camunda starter's {@code SpringTransactionsProcessEngineConfiguration
 * .autoDeployResources} ({@code enableDuplicateFiltering(false)}, name {@code SpringAutoDeployment}, no tenant, each
 * resource under {@code getPathWithinContext()}).
 */
final class StartupDeployment {

    private StartupDeployment() {
    }

    /** @return the deployment the engine answers with (the existing one when nothing changed) */
    static Deployment run(RepositoryService repositoryService, Path processes, Path forms) {
        DeploymentBuilder builder = repositoryService.createDeployment().enableDuplicateFiltering(false)
                .name("SpringAutoDeployment").tenantId(null);
        for (Resource r : new FolderDeploymentConfiguration(processes.toString(), forms.toString())
                .getDeploymentResources()) {
            try {
                builder.addInputStream(((ContextResource) r).getPathWithinContext(), r.getInputStream());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return builder.deploy();
    }

    /** Copies {@code processes/} and {@code forms/} (flat folders) under {@code dir}, as a process owner's checkout. */
    static void copyModels(Path dir) throws IOException {
        for (String folder : List.of("processes", "forms")) {
            Path to = Files.createDirectories(dir.resolve(folder));
            try (var files = Files.list(Path.of(folder))) {
                for (Path p : files.toList()) {
                    Files.copy(p, to.resolve(p.getFileName()));
                }
            }
        }
    }
}
