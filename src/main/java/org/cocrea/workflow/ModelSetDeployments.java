package org.cocrea.workflow;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes a deployment from Camunda Modeler (or any {@code POST /engine-rest/deployment/create}) of a model of
 * {@code processes/} or {@code forms/} land exactly where the start-up folder deployment
 * ({@link FolderDeploymentConfiguration}) puts it, so that both ways of deploying converge and a later restart from
 * {@code processes/} creates no duplicate version.
 *
 * <p>A deployment joins the <em>model set</em> when one of its resources is named like a file of the folders: the bare
 * file name Camunda Modeler sends ({@code proposal-review.bpmn}, {@code feasibility-review.form} from "Include
 * additional files") or the relative name itself ({@code processes/proposal-review.bpmn}). Such a deployment is then
 * deployed as the folder deployment would be:
 * <ul>
 *   <li>each such resource gets its relative name: the one of the model set with the same file name (a model in a
 *       sub-folder keeps its sub-folder), else {@code processes/<file>} for BPMN and DMN and {@code forms/<file>} for
 *       Camunda Forms;</li>
 *   <li>the deployment is named {@code SpringAutoDeployment} (the folder deployment's name), with no source, and is
 *       completed with every other model of the latest folder deployment, so {@code formRefBinding="deployment"} and
 *       {@code decisionRefBinding="deployment"} still find the forms and the routing DMN;</li>
 *   <li>duplicate filtering is on with {@code deployChangedOnly=false}, as at start-up: when nothing differs from
 *       the latest version of each model, nothing is deployed (pressing Deploy twice creates one version); when one
 *       model differs, the whole set gets a new version. Whatever the request asked
 *       ({@code deploy-changed-only}, {@code enable-duplicate-filtering}, {@code deployment-name},
 *       {@code deployment-source}).</li>
 * </ul>
 * The start-up deployment restarted later with the same files in {@code processes/} therefore finds every model
 * unchanged. Resources named in another folder ({@code owner/test.bpmn}), deployments for a tenant and redeployments
 * of an earlier deployment are deployed as asked. A bare file name that matches two models of the set is refused
 * with 400 naming both. Authorization and {@link DeploymentAllowList} apply to the completed deployment as to any
 * other.
 */
@Component
class ModelSetDeployments extends AbstractProcessEnginePlugin {

    /** The start-up deployment's name, the Camunda Spring default (the starter never changes it). */
    static final String DEFAULT_FOLDER_DEPLOYMENT = "SpringAutoDeployment";

    private static final Logger log = LoggerFactory.getLogger(ModelSetDeployments.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        String name = configuration instanceof SpringTransactionsProcessEngineConfiguration spring
                && spring.getDeploymentName() != null ? spring.getDeploymentName() : DEFAULT_FOLDER_DEPLOYMENT;
        configuration.setRepositoryService(new Repository(name));
    }

    /**
     * @param name a resource name
     * @return whether it names a model of the folders: a bare {@code .bpmn}, {@code .dmn} or {@code .form} file name,
     *     or a name under {@code processes/} or {@code forms/}
     */
    static boolean isModelSetName(String name) {
        if (name == null) {
            return false;
        }
        if (name.startsWith(FolderDeploymentConfiguration.PROCESS_PREFIX)
                || name.startsWith(FolderDeploymentConfiguration.FORM_PREFIX)) {
            return true;
        }
        return !name.contains("/") && !name.contains("\\") && modelFolder(name) != null;
    }

    /** @return {@code processes/} for BPMN and DMN, {@code forms/} for Camunda Forms, null for anything else */
    private static String modelFolder(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (FolderDeploymentConfiguration.PROCESS_SUFFIXES.stream().anyMatch(lower::endsWith)) {
            return FolderDeploymentConfiguration.PROCESS_PREFIX;
        }
        if (FolderDeploymentConfiguration.FORM_SUFFIXES.stream().anyMatch(lower::endsWith)) {
            return FolderDeploymentConfiguration.FORM_PREFIX;
        }
        return null;
    }

    /**
     * @param uploaded a resource name as uploaded
     * @param current  the relative names of the latest folder deployment
     * @return its relative name in the model set
     * @throws BadUserRequestException when a bare file name matches more than one model of the set
     */
    static String relativeName(String uploaded, List<String> current) {
        if (uploaded.contains("/")) {
            return uploaded;
        }
        List<String> same = current.stream().filter(n -> n.substring(n.lastIndexOf('/') + 1).equals(uploaded)).toList();
        if (same.size() > 1) {
            throw new BadUserRequestException("The file name " + uploaded + " matches several models (" + same
                    + "); deploy it under its relative name, e.g. " + same.get(0));
        }
        return same.isEmpty() ? modelFolder(uploaded) + uploaded : same.get(0);
    }

    /** The engine's repository service, with deployments of the model set redirected as described above. */
    static final class Repository extends RepositoryServiceImpl {

        private final String folderDeployment;

        Repository(String folderDeployment) {
            this.folderDeployment = folderDeployment;
        }

        @Override
        public DeploymentWithDefinitions deployWithResult(DeploymentBuilderImpl builder) {
            if (!joinsModelSet(builder)) {
                return super.deployWithResult(builder);
            }
            return commandExecutor.execute(new ModelSetDeployCmd(this, builder, folderDeployment));
        }

        private boolean joinsModelSet(DeploymentBuilderImpl builder) {
            DeploymentEntity deployment = builder.getDeployment();
            boolean folderDeploymentItself = folderDeployment.equals(deployment.getName())
                    && deployment.getSource() == null;
            boolean redeploy = !builder.getDeployments().isEmpty() || !builder.getDeploymentResourcesById().isEmpty()
                    || !builder.getDeploymentResourcesByName().isEmpty() || builder.getNameFromDeployment() != null;
            return !folderDeploymentItself && !redeploy && deployment.getTenantId() == null
                    && builder.getResourceNames().stream().anyMatch(ModelSetDeployments::isModelSetName);
        }
    }

    /**
     * In one transaction, under the engine's deployment lock: reads the latest folder deployment, builds the
     * completed deployment and runs Camunda's own {@link DeployCmd} on it (authorization, duplicate filtering,
     * parse-time checks and user operation log included).
     */
    private record ModelSetDeployCmd(RepositoryServiceImpl repository, DeploymentBuilderImpl requested,
            String folderDeployment) implements Command<DeploymentWithDefinitions> {

        @Override
        public DeploymentWithDefinitions execute(CommandContext context) {
            if (context.getProcessEngineConfiguration().isDeploymentLockUsed()) {
                context.getPropertyManager().acquireExclusiveLock();
            }
            DeploymentEntity latest = context.getDeploymentManager().findLatestDeploymentByName(folderDeployment);
            Map<String, byte[]> resources = new TreeMap<>();
            if (latest != null) {
                for (ResourceEntity r : context.getResourceManager().findResourcesByDeploymentId(latest.getId())) {
                    if (isModelSetName(r.getName()) && r.getName().contains("/")) {
                        resources.put(r.getName(), r.getBytes());
                    }
                }
            }
            List<String> current = new ArrayList<>(resources.keySet());
            Map<String, String> renamed = new LinkedHashMap<>();
            Map<String, byte[]> others = new TreeMap<>();
            for (ResourceEntity r : requested.getDeployment().getResources().values()) {
                if (isModelSetName(r.getName())) {
                    String name = relativeName(r.getName(), current);
                    renamed.put(r.getName(), name);
                    resources.put(name, r.getBytes());
                } else {
                    others.put(r.getName(), r.getBytes());
                }
            }
            log.info("Deployment \"{}\" (source {}) joins the model set as {}: {}; the other {} models come from "
                    + "deployment {}", requested.getDeployment().getName(), requested.getDeployment().getSource(),
                    folderDeployment, renamed, resources.size() - renamed.size(),
                    latest == null ? "-" : latest.getId());
            DeploymentBuilderImpl builder = new DeploymentBuilderImpl(repository);
            builder.name(folderDeployment).enableDuplicateFiltering(false);
            if (requested.getProcessDefinitionsActivationDate() != null) {
                builder.activateProcessDefinitionsOn(requested.getProcessDefinitionsActivationDate());
            }
            resources.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
            others.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
            return new DeployCmd(builder).execute(context);
        }
    }
}
