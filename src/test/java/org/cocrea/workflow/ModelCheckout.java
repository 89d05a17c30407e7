package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;

/**
 * A process owner's copy of {@code processes/} and {@code forms/} in a temporary folder: the files are edited there as
 * in Camunda Modeler (text edits of the XML), sent as Modeler sends them, and deployed from there as at an
 * application restart.
 */
final class ModelCheckout {

    private final Path root;

    /** Copies {@code processes/} and {@code forms/} (flat folders) under {@code root}. */
    ModelCheckout(Path root) throws IOException {
        this.root = root;
        for (String folder : List.of("processes", "forms")) {
            Path to = Files.createDirectories(root.resolve(folder));
            try (var files = Files.list(Path.of(folder))) {
                for (Path p : files.toList()) {
                    Files.copy(p, to.resolve(p.getFileName()));
                }
            }
        }
    }

    /**
     * Replaces every occurrence of {@code from} in a file.
     *
     * @param file relative path, e.g. {@code processes/proposal-review.bpmn}
     * @throws AssertionError when the file does not contain {@code from} (the edit would silently do nothing)
     */
    void edit(String file, String from, String to) throws IOException {
        Path path = root.resolve(file);
        String content = Files.readString(path);
        assertThat(content).as(file).contains(from);
        Files.writeString(path, content.replace(from, to));
    }

    /** Writes a new file, e.g. a form added in Modeler. */
    void write(String file, String content) throws IOException {
        Files.writeString(root.resolve(file), content);
    }

    /** @return the file's bytes, as Modeler uploads them */
    byte[] bytes(String file) throws IOException {
        return Files.readAllBytes(root.resolve(file));
    }

    /**
     * Runs the start-up deployment on this copy, as after an application restart with these files in
     * {@code processes/} and {@code forms/}: {@link FolderDeploymentConfiguration} reads the folders and the calls are
     * those of the Camunda starter's {@code SpringTransactionsProcessEngineConfiguration.autoDeployResources}
     * ({@code enableDuplicateFiltering(false)}, name {@code SpringAutoDeployment}, no tenant, each resource under
     * {@code getPathWithinContext()}).
     *
     * @return the deployment the engine answers with
     */
    Deployment restart(RepositoryService repositoryService) {
        DeploymentBuilder builder = repositoryService.createDeployment().enableDuplicateFiltering(false)
                .name("SpringAutoDeployment").tenantId(null);
        for (Resource r : new FolderDeploymentConfiguration(new CamundaBpmProperties(), root.resolve("processes").toString(),
                root.resolve("forms").toString()).getDeploymentResources()) {
            try {
                builder.addInputStream(((ContextResource) r).getPathWithinContext(), r.getInputStream());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return builder.deploy();
    }
}
