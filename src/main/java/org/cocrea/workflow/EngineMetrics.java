package org.cocrea.workflow;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.cocrea.operations.CachedSnapshot;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gauges of the process engine for {@code /actuator/prometheus} (Camunda 7 reports nothing to Micrometer itself):
 * <ul>
 * <li>{@code cocrea_engine_jobs{state="executable"}}: jobs due now with retries left (the job executor's backlog;
 * a steady rise means it does not keep up or is stopped);
 * <li>{@code cocrea_engine_jobs{state="failed"}}: jobs with no retries left (each also has an incident);
 * <li>{@code cocrea_engine_incidents_open}: open incidents (Cockpit lists them);
 * <li>{@code cocrea_engine_job_executor_active}: 1 when this node's job executor runs, else 0.
 * </ul>
 * The three counts are read together at most once per {@code cocrea.metrics.refresh} (default 15 s) with the engine's
 * count queries, without authorization checks (no user is authenticated on the scrape's thread).
 */
@Component
class EngineMetrics implements MeterBinder {

    /** The counts of one reading. */
    record Counts(long executableJobs, long failedJobs, long openIncidents) {
    }

    private final CachedSnapshot<Counts> counts;
    private final ProcessEngineConfigurationImpl configuration;

    EngineMetrics(ProcessEngine engine, Clock clock, @Value("${cocrea.metrics.refresh:PT15S}") Duration refresh) {
        ManagementService management = engine.getManagementService();
        RuntimeService runtime = engine.getRuntimeService();
        this.counts = new CachedSnapshot<>(() -> new Counts(management.createJobQuery().executable().count(),
                management.createJobQuery().noRetriesLeft().count(), runtime.createIncidentQuery().count()),
                refresh, clock);
        // The job executor is read on every scrape: the Spring Boot starter sets its own after this bean is built.
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("cocrea.engine.jobs", counts, c -> c.get().executableJobs()).tag("state", "executable")
                .description("Jobs due now with retries left (job executor backlog)").register(registry);
        Gauge.builder("cocrea.engine.jobs", counts, c -> c.get().failedJobs()).tag("state", "failed")
                .description("Jobs with no retries left").register(registry);
        Gauge.builder("cocrea.engine.incidents.open", counts, c -> c.get().openIncidents())
                .description("Open incidents of the process engine").register(registry);
        Gauge.builder("cocrea.engine.job.executor.active", this, m -> m.jobExecutorActive() ? 1 : 0)
                .description("1 when this node's job executor is running").register(registry);
    }

    private boolean jobExecutorActive() {
        JobExecutor jobExecutor = configuration.getJobExecutor();
        return jobExecutor != null && jobExecutor.isActive();
    }
}
