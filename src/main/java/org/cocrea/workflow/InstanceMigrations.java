package org.cocrea.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionsBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.migration.MigrationPlanValidationReport;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Moves the running instances of a process to its latest version with Camunda's migration API, for the staff page
 * {@code /staff/migrations} (Cockpit's migration view is an Enterprise feature of Camunda 7, so Community users have
 * this instead). For every older version of a process that still has running instances, {@link #previews} generates
 * the engine's migration plan to the latest version ({@code mapEqualActivities}: same id, same kind of element, same
 * place) and reports what it cannot map, by element id:
 * <ul>
 *   <li>activities where instances are and that the plan does not map (changed id, changed type, moved into another
 *       scope): their instances cannot move and stay on their version, counted per activity;</li>
 *   <li>elements of the old version that the new one no longer has, elements whose type changed, and elements the
 *       new version adds (no instance is moved onto them);</li>
 *   <li>the engine's own validation report when it refuses the plan.</li>
 * </ul>
 * {@link #migrate} then runs {@code newMigration(plan).processInstanceIds(...).executeAsync()} as a batch (its jobs
 * run on the job executor, one instance each) for the instances that can move, and {@link #batch} shows its progress
 * and failed jobs with the engine's reason (e.g. an instance that moved onto an unmapped activity meanwhile).
 *
 * <p>Who may: the page is for {@code process-owners} and {@code camunda-admin} (Spring Security); the engine's own
 * migration permissions stay with {@code camunda-admin}, so over {@code /engine-rest} only administrators migrate
 * (with arbitrary plans and variables). The migration is therefore run with the engine's authorization checks lifted
 * for that one command, under the user's name, so the batch and Cockpit's operation log record who started it.
 * Never migrates across process keys, never to anything but the latest version, never sets variables, never skips
 * listeners or input/output mappings.
 *
 * <p>Why one class over 300 lines: preview, migration and batch view share the same plan building and the same
 * "what cannot be mapped" analysis ({@code mapEqualActivities} and the differences by element id), and the one place
 * that lifts the engine's authorization checks must be next to the only command it is lifted for; split, the
 * security-relevant part would be spread over several classes.
 */
@Service
public class InstanceMigrations {

    private static final Logger log = LoggerFactory.getLogger(InstanceMigrations.class);

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final ProcessEngineConfigurationImpl configuration;
    /** The batch this node last started per source definition id, so a second click does not start a second one. */
    private final Map<String, String> started = new ConcurrentHashMap<>();

    InstanceMigrations(ProcessEngine engine) {
        this.repositoryService = engine.getRepositoryService();
        this.runtimeService = engine.getRuntimeService();
        this.managementService = engine.getManagementService();
        this.historyService = engine.getHistoryService();
        this.identityService = engine.getIdentityService();
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    /** A version of a process that still has running instances. */
    public record OlderVersion(String definitionId, int version, long instances) {
    }

    /**
     * A process and its running instances on versions older than the latest.
     *
     * @param key                process definition key, e.g. {@code proposal-review}
     * @param name               the latest version's name
     * @param latestVersion      the latest version number
     * @param latestDefinitionId the latest version's definition id
     * @param older              older versions with running instances, newest first
     */
    public record ProcessVersions(String key, String name, int latestVersion, String latestDefinitionId,
            List<OlderVersion> older) {

        /** @return running instances on all older versions together */
        public long instancesOnOlderVersions() {
            return older.stream().mapToLong(OlderVersion::instances).sum();
        }
    }

    /** A BPMN element: its id, its name in the diagram (may be null) and its type ({@code userTask}...). */
    public record Element(String id, String name, String type) {
    }

    /** One instruction of the plan: instances at {@code source} move to {@code target}. */
    public record Mapping(Element source, Element target, boolean updateEventTrigger) {
    }

    /** An activity of the old version the plan does not map, with how many instances are there now. */
    public record Unmapped(Element activity, long instances) {
    }

    /**
     * What migrating one older version to the latest would do.
     *
     * @param key                 process definition key
     * @param name                process name (latest version)
     * @param source              the older version
     * @param targetVersion       the latest version number
     * @param targetDefinitionId  the latest version's definition id (execute refuses when it is no longer the latest)
     * @param updateEventTriggers whether timers, messages and signals are recreated from the new version
     * @param instructions        the engine's plan, source activity to target activity
     * @param unmapped            activities with instances that no instruction maps: those instances stay
     * @param removed             elements of the old version absent from the new one
     * @param changedType         elements whose id stayed and whose type changed (never mapped)
     * @param added               elements only the new version has
     * @param validationProblems  the engine's validation report when it refuses the plan (empty otherwise)
     * @param instancesToMigrate  instances the batch would move
     * @param instancesLeft       instances that stay on the old version (at unmapped activities)
     */
    public record MigrationPreview(String key, String name, OlderVersion source, int targetVersion,
            String targetDefinitionId, boolean updateEventTriggers, List<Mapping> instructions,
            List<Unmapped> unmapped, List<Element> removed, List<Element> changedType, List<Element> added,
            List<String> validationProblems, long instancesToMigrate, long instancesLeft) {

        /** @return whether the plan is valid and some instance can move */
        public boolean executable() {
            return validationProblems.isEmpty() && instancesToMigrate > 0;
        }
    }

    /** A migration job that failed: the engine's message names the instance and the reason. */
    public record FailedJob(String jobId, String message, int retriesLeft) {
    }

    /**
     * Progress of a migration batch.
     *
     * @param id            batch id
     * @param createdBy     the user who started it (null when started without one)
     * @param startedAt     when it was created
     * @param endedAt       when it finished (null while it runs)
     * @param totalJobs     one job per instance
     * @param completedJobs jobs done
     * @param remainingJobs jobs not done yet (including failed ones)
     * @param failedJobs    jobs that failed (with or without retries left)
     * @param failures      the failed jobs and their reasons
     */
    public record MigrationBatch(String id, String createdBy, Instant startedAt, Instant endedAt, int totalJobs,
            int completedJobs, int remainingJobs, int failedJobs, List<FailedJob> failures) {

        /** @return whether the batch has finished (all its jobs done and the engine closed it) */
        public boolean finished() {
            return endedAt != null;
        }
    }

    /**
     * A migration the page cannot start; {@link #getMessageKey()} and {@link #getArguments()} name the reason in the
     * message bundle {@code i18n/migrations}.
     */
    public static final class MigrationRefusedException extends RuntimeException {

        private final String messageKey;
        private final transient Object[] arguments;

        MigrationRefusedException(String messageKey, Object... arguments) {
            super(messageKey);
            this.messageKey = messageKey;
            this.arguments = arguments;
        }

        /** @return the message key, e.g. {@code migrations.refused.stale} */
        public String getMessageKey() {
            return messageKey;
        }

        /** @return the message's arguments */
        public Object[] getArguments() {
            return arguments.clone();
        }
    }

    /** @return every process with running instances on a version older than its latest, by key */
    public List<ProcessVersions> processesWithOlderInstances() {
        Map<String, List<ProcessDefinitionStatistics>> byKey = managementService.createProcessDefinitionStatisticsQuery()
                .list().stream().collect(Collectors.groupingBy(ProcessDefinition::getKey, TreeMap::new,
                        Collectors.toList()));
        List<ProcessVersions> out = new ArrayList<>();
        byKey.forEach((key, versions) -> versions(key, versions).filter(p -> !p.older().isEmpty()).ifPresent(out::add));
        return out;
    }

    /**
     * @param key process definition key
     * @return the process's latest version and its older versions with running instances; empty for an unknown key
     */
    public Optional<ProcessVersions> process(String key) {
        List<ProcessDefinitionStatistics> versions = managementService.createProcessDefinitionStatisticsQuery().list()
                .stream().filter(d -> d.getKey().equals(key)).toList();
        return versions(key, versions);
    }

    private Optional<ProcessVersions> versions(String key, List<ProcessDefinitionStatistics> versions) {
        ProcessDefinition latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                .withoutTenantId().latestVersion().singleResult();
        if (latest == null) {
            return Optional.empty();
        }
        List<OlderVersion> older = versions.stream()
                .filter(d -> d.getTenantId() == null && d.getVersion() < latest.getVersion() && d.getInstances() > 0)
                .sorted(Comparator.comparingInt(ProcessDefinition::getVersion).reversed())
                .map(d -> new OlderVersion(d.getId(), d.getVersion(), d.getInstances())).toList();
        return Optional.of(new ProcessVersions(key, latest.getName(), latest.getVersion(), latest.getId(), older));
    }

    /**
     * @param key                 process definition key
     * @param updateEventTriggers whether the plan recreates timers and message or signal subscriptions from the new
     *                            version (a cron or date changed in the new diagram then applies to moved instances)
     * @return one preview per older version with running instances, newest first; empty for an unknown key
     */
    public List<MigrationPreview> previews(String key, boolean updateEventTriggers) {
        return process(key).map(p -> p.older().stream().map(v -> preview(p, v, updateEventTriggers)).toList())
                .orElse(List.of());
    }

    private MigrationPreview preview(ProcessVersions process, OlderVersion source, boolean updateEventTriggers) {
        Map<String, Element> from = elements(source.definitionId());
        Map<String, Element> to = elements(process.latestDefinitionId());
        List<String> problems = new ArrayList<>();
        List<Mapping> mappings = new ArrayList<>();
        try {
            for (MigrationInstruction i : plan(source.definitionId(), process.latestDefinitionId(), updateEventTriggers)
                    .getInstructions()) {
                mappings.add(new Mapping(element(from, i.getSourceActivityId()), element(to, i.getTargetActivityId()),
                        i.isUpdateEventTrigger()));
            }
        } catch (MigrationPlanValidationException e) {
            problems.addAll(describe(e.getValidationReport()));
        }
        Set<String> mappedSources = mappings.stream().map(m -> m.source().id()).collect(Collectors.toSet());
        List<Unmapped> unmapped = new ArrayList<>();
        for (ActivityStatistics s : managementService.createActivityStatisticsQuery(source.definitionId()).list()) {
            if (s.getInstances() > 0 && !mappedSources.contains(s.getId())) {
                unmapped.add(new Unmapped(element(from, s.getId()), s.getInstances()));
            }
        }
        unmapped.sort(Comparator.comparing(u -> u.activity().id()));
        List<Element> removed = from.values().stream().filter(e -> !to.containsKey(e.id())).toList();
        List<Element> added = to.values().stream().filter(e -> !from.containsKey(e.id())).toList();
        List<Element> changedType = from.values().stream()
                .filter(e -> to.containsKey(e.id()) && !to.get(e.id()).type().equals(e.type())).toList();
        long left = unmapped.isEmpty() ? 0 : instancesAt(source.definitionId(), unmapped).size();
        return new MigrationPreview(process.key(), process.name(), source, process.latestVersion(),
                process.latestDefinitionId(), updateEventTriggers, mappings, unmapped, removed, changedType, added,
                problems, source.instances() - left, left);
    }

    /**
     * Starts the batch that moves the instances of one older version to the latest version, except those at
     * activities the plan cannot map (they stay, as the preview says).
     *
     * @param key                 process definition key
     * @param sourceDefinitionId  the older version's definition id, as in the preview
     * @param targetDefinitionId  the latest version's definition id the preview showed
     * @param updateEventTriggers as in {@link #previews}
     * @param userId              the user starting it (recorded on the batch and in the operation log)
     * @param groupIds            the user's groups
     * @return the batch id
     * @throws MigrationRefusedException when the source is not an older version of {@code key} with instances
     *                                   ({@code migrations.refused.unknown}), a newer version was deployed since the
     *                                   preview ({@code migrations.refused.stale}), the engine refuses the plan
     *                                   ({@code migrations.refused.invalid}), no instance can move
     *                                   ({@code migrations.refused.nothing}) or a batch this node started for the
     *                                   same version still has jobs to run ({@code migrations.refused.running}, with
     *                                   its id; jobs that failed for good do not count)
     */
    public synchronized String migrate(String key, String sourceDefinitionId, String targetDefinitionId,
            boolean updateEventTriggers, String userId, List<String> groupIds) {
        ProcessVersions process = process(key).orElseThrow(
                () -> new MigrationRefusedException("migrations.refused.unknown", key));
        OlderVersion source = process.older().stream().filter(v -> v.definitionId().equals(sourceDefinitionId))
                .findFirst().orElseThrow(() -> new MigrationRefusedException("migrations.refused.unknown", key));
        String running = started.get(sourceDefinitionId);
        if (running != null && inProgress(running)) {
            throw new MigrationRefusedException("migrations.refused.running", running);
        }
        if (!process.latestDefinitionId().equals(targetDefinitionId)) {
            throw new MigrationRefusedException("migrations.refused.stale", process.latestVersion());
        }
        MigrationPreview preview = preview(process, source, updateEventTriggers);
        if (!preview.validationProblems().isEmpty()) {
            throw new MigrationRefusedException("migrations.refused.invalid",
                    String.join("; ", preview.validationProblems()));
        }
        Set<String> staying = new HashSet<>(instancesAt(sourceDefinitionId, preview.unmapped()));
        List<String> moving = runtimeService.createProcessInstanceQuery().processDefinitionId(sourceDefinitionId)
                .list().stream().map(ProcessInstance::getId).filter(id -> !staying.contains(id)).toList();
        if (moving.isEmpty()) {
            throw new MigrationRefusedException("migrations.refused.nothing", source.version());
        }
        MigrationPlan plan = plan(sourceDefinitionId, targetDefinitionId, updateEventTriggers);
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.setAuthentication(userId, groupIds);
        try {
            Command<Batch> start = context -> {
                context.disableAuthorizationCheck();
                try {
                    return runtimeService.newMigration(plan).processInstanceIds(moving).executeAsync();
                } finally {
                    context.enableAuthorizationCheck();
                }
            };
            Batch batch = configuration.getCommandExecutorTxRequired().execute(start);
            started.put(sourceDefinitionId, batch.getId());
            log.info("{} started migration batch {}: {} instances of {} version {} to version {} ({} stay at "
                    + "unmapped activities {})", userId, batch.getId(), moving.size(), key, source.version(),
                    process.latestVersion(), staying.size(), preview.unmapped().stream().map(u -> u.activity().id())
                            .toList());
            return batch.getId();
        } finally {
            if (previous == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(previous);
            }
        }
    }

    /**
     * @param batchId a batch id
     * @return the migration batch's progress (running or finished); empty when there is no migration batch of that id
     */
    public Optional<MigrationBatch> batch(String batchId) {
        BatchStatistics running = managementService.createBatchStatisticsQuery().batchId(batchId).singleResult();
        HistoricBatch history = historyService.createHistoricBatchQuery().batchId(batchId).singleResult();
        String type = running != null ? running.getType() : history != null ? history.getType() : null;
        if (!Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(type)) {
            return Optional.empty();
        }
        if (running == null) {
            return Optional.of(new MigrationBatch(batchId, history.getCreateUserId(), instant(history.getStartTime()),
                    instant(history.getEndTime()), history.getTotalJobs(), history.getTotalJobs(), 0, 0, List.of()));
        }
        List<FailedJob> failures = new ArrayList<>();
        for (Job job : managementService.createJobQuery().jobDefinitionId(running.getBatchJobDefinitionId())
                .withException().orderByJobId().asc().list()) {
            failures.add(new FailedJob(job.getId(), job.getExceptionMessage(), job.getRetries()));
        }
        return Optional.of(new MigrationBatch(batchId, running.getCreateUserId(), instant(running.getStartTime()),
                null, running.getTotalJobs(), running.getCompletedJobs(), running.getRemainingJobs(),
                running.getFailedJobs(), failures));
    }

    /**
     * @return the latest migration batches of every process (running or finished, newest first, at most 10),
     *     whoever started them (this page, Cockpit or the REST API)
     */
    public List<MigrationBatch> recentBatches() {
        return historyService.createHistoricBatchQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION)
                .orderByStartTime().desc().listPage(0, 10).stream().map(b -> batch(b.getId()))
                .flatMap(Optional::stream).toList();
    }

    /** @return whether the batch still has jobs to run (not counting jobs that failed with no retries left) */
    private boolean inProgress(String batchId) {
        BatchStatistics batch = managementService.createBatchStatisticsQuery().batchId(batchId).singleResult();
        if (batch == null) {
            return false;
        }
        long failedOut = managementService.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId())
                .noRetriesLeft().count();
        return batch.getRemainingJobs() > failedOut;
    }

    private MigrationPlan plan(String source, String target, boolean updateEventTriggers) {
        MigrationInstructionsBuilder builder = runtimeService.createMigrationPlan(source, target).mapEqualActivities();
        if (updateEventTriggers) {
            builder = builder.updateEventTriggers();
        }
        return builder.build();
    }

    private List<String> instancesAt(String definitionId, Collection<Unmapped> unmapped) {
        if (unmapped.isEmpty()) {
            return List.of();
        }
        return runtimeService.createProcessInstanceQuery().processDefinitionId(definitionId)
                .activityIdIn(unmapped.stream().map(u -> u.activity().id()).toArray(String[]::new)).list().stream()
                .map(ProcessInstance::getId).distinct().toList();
    }

    private Map<String, Element> elements(String definitionId) {
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definitionId);
        Map<String, Element> out = new LinkedHashMap<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            out.put(node.getId(), new Element(node.getId(), node.getName(), node.getElementType().getTypeName()));
        }
        return out;
    }

    /** The element of that id, or (multi-instance bodies, {@code Task_X#multiInstanceBody}) the element it wraps. */
    private static Element element(Map<String, Element> elements, String activityId) {
        Element e = elements.get(activityId);
        if (e != null) {
            return e;
        }
        int hash = activityId.indexOf('#');
        Element inner = hash > 0 ? elements.get(activityId.substring(0, hash)) : null;
        return new Element(activityId, inner == null ? null : inner.name(), inner == null ? "-" : inner.type());
    }

    private static List<String> describe(MigrationPlanValidationReport report) {
        List<String> out = new ArrayList<>();
        for (MigrationInstructionValidationReport r : report.getInstructionReports()) {
            MigrationInstruction i = r.getMigrationInstruction();
            for (String failure : r.getFailures()) {
                out.add(i.getSourceActivityId() + " → " + i.getTargetActivityId() + ": " + failure);
            }
        }
        report.getVariableReports().forEach((name, r) -> r.getFailures().forEach(f -> out.add(name + ": " + f)));
        return out;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
