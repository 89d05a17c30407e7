package org.cocrea.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.CamundaDeploymentConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.util.SpringBootProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every {@code .bpmn} and {@code .dmn} under the process folder and every {@code .form} under the form folder
 * as one {@code SpringAutoDeployment}, each under a stable relative name ({@code processes/proposal-review.bpmn},
 * {@code forms/feasibility-review.form}) whatever the machine. Duplicate filtering then makes a restart with
 * unchanged files create no new version, and a changed file a new one (with all resources, so
 * {@code formRefBinding="deployment"} always finds its form). A deployment from Camunda Modeler of one of these files
 * is filed under the same names and deployment ({@link ModelSetDeployments}), so both ways converge.
 *
 * <p>When the folders are not in the working directory (a packaged jar), the copies inside the jar are used. Each
 * file is checked before deployment; a file that does not parse stops start-up with an error naming the file and the
 * problem. {@code camunda.bpm.auto-deployment-enabled=false} turns the deployment off, as it does the starter's own.
 *
 * <p>It replaces the starter's {@code DefaultDeploymentConfiguration} by implementing the same interface rather than
 * extending that class, whose constructor differs between Camunda 7.24 (properties injected into a field) and
 * Operaton 1.0 (properties passed to the constructor); so the class compiles unchanged on both.
 */
@Component
class FolderDeploymentConfiguration extends SpringBootProcessEnginePlugin implements CamundaDeploymentConfiguration {

    /** Prefix of the deployment name of every BPMN and DMN of the process folder. */
    static final String PROCESS_PREFIX = "processes/";
    /** Prefix of the deployment name of every Camunda Form of the form folder. */
    static final String FORM_PREFIX = "forms/";
    /** Files of the process folder that are deployed. */
    static final List<String> PROCESS_SUFFIXES = List.of(".bpmn", ".dmn");
    /** Files of the form folder that are deployed. */
    static final List<String> FORM_SUFFIXES = List.of(".form");

    private static final Logger log = LoggerFactory.getLogger(FolderDeploymentConfiguration.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CamundaBpmProperties properties;
    private final String processFolder;
    private final String formFolder;

    FolderDeploymentConfiguration(CamundaBpmProperties properties,
            @Value("${cocrea.deployment.process-folder:processes}") String processFolder,
            @Value("${cocrea.deployment.form-folder:forms}") String formFolder) {
        this.properties = properties;
        this.processFolder = processFolder;
        this.formFolder = formFolder;
    }

    /** Hands the models to the engine, which deploys them as one {@code SpringAutoDeployment} at start-up. */
    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        if (properties.isAutoDeploymentEnabled()) {
            Set<Resource> resources = getDeploymentResources();
            configuration.setDeploymentResources(resources.toArray(new Resource[0]));
        }
    }

    @Override
    public Set<Resource> getDeploymentResources() {
        TreeMap<String, Resource> resources = new TreeMap<>();
        collect(processFolder, "processes", PROCESS_SUFFIXES, resources);
        collect(formFolder, "forms", FORM_SUFFIXES, resources);
        resources.forEach(FolderDeploymentConfiguration::check);
        log.info("Deploying {} models: {}", resources.size(), resources.keySet());
        return new LinkedHashSet<>(resources.values());
    }

    private static void collect(String folder, String prefix, List<String> suffixes, TreeMap<String, Resource> out) {
        Path root = Path.of(folder);
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).filter(p -> suffixes.stream().anyMatch(s -> p.toString().endsWith(s)))
                        .sorted(Comparator.naturalOrder())
                        .forEach(p -> {
                            String name = prefix + "/" + root.relativize(p).toString().replace('\\', '/');
                            out.put(name, new NamedResource(name, new FileSystemResource(p)));
                        });
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the model folder " + root.toAbsolutePath(), e);
            }
            return;
        }
        log.info("Folder {} not found in {}; deploying the copies packaged in the application", folder,
                Path.of("").toAbsolutePath());
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String suffix : suffixes) {
            try {
                for (Resource r : resolver.getResources("classpath*:" + prefix + "/**/*" + suffix)) {
                    String url = r.getURL().toString();
                    String name = url.substring(url.lastIndexOf("/" + prefix + "/") + 1);
                    out.putIfAbsent(name, new NamedResource(name, r));
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot list classpath models under " + prefix, e);
            }
        }
    }

    /**
     * Parses one model and stops start-up with the file name when it is invalid.
     *
     * @throws IllegalStateException naming the file and the parse problem
     */
    static void check(String name, Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            if (name.endsWith(".bpmn")) {
                Bpmn.readModelFromStream(in);
            } else if (name.endsWith(".dmn")) {
                Dmn.readModelFromStream(in);
            } else {
                JsonNode form = JSON.readTree(in);
                if (form == null || !form.hasNonNull("id") || !form.has("components")) {
                    throw new IllegalArgumentException("a Camunda Form needs an \"id\" and \"components\"");
                }
            }
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new IllegalStateException("Invalid model file " + name + ": " + root.getMessage(), e);
        }
    }

    /** A resource whose deployment name is fixed (a relative path), whatever its location. */
    static final class NamedResource extends AbstractResource implements ContextResource {

        private final String name;
        private final Resource delegate;

        NamedResource(String name, Resource delegate) {
            this.name = name;
            this.delegate = delegate;
        }

        @Override
        public String getPathWithinContext() {
            return name;
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getDescription() {
            return name;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return delegate.getInputStream();
        }

        @Override
        public boolean exists() {
            return delegate.exists();
        }

        @Override
        public URL getURL() throws IOException {
            return delegate.getURL();
        }

        @Override
        public URI getURI() throws IOException {
            return delegate.getURI();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof NamedResource n && n.name.equals(name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }
}
