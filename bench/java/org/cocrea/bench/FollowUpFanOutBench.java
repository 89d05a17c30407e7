package org.cocrea.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.cocrea.dashboard.DashboardTestData;
import org.cocrea.workflow.CommitmentFollowUpProcess;
import org.cocrea.workflow.FollowUpWorkflow;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark 4 of issue 12: the monthly fan-out. {@code BENCH_COMMITMENTS} (1,000) published commitments (written with
 * the dashboard tests' generator, 4 milestones each, lead areas cycling through the seven areas, each area with one
 * user) get their {@code commitment-follow-up} instance ({@link FollowUpWorkflow#start}, as publication does); then
 * their monthly timers are made due together and the job executor runs them until every follow-up task exists and its
 * mail to the area is queued ({@code task-created} rows in the outbox).
 *
 * <p>How the timers are made due: the timer's job definition is suspended with its jobs, every job's due date is set
 * to now ({@code managementService.setJobDuedate}), then the job definition is activated with its jobs and the job
 * executor is woken up (as a transaction that creates a due job does). The clock starts at the activation. The engine
 * clock is not moved.
 *
 * <p>Baseline: a {@link BareEngine} with 1,000 instances of start → intermediate timer → user task (candidate group)
 * → end, made due and measured the same way, before and after Cocrea.
 *
 * <p>Run: {@code ./mvnw -q -Pbench test-compile exec:java -Dbench=org.cocrea.bench.FollowUpFanOutBench}. Databases
 * {@code BENCH_DB} ({@code cocrea_bench_e}) and {@code BENCH_BARE_DB} ({@code cocrea_bench_bare}), dropped and created.
 */
public final class FollowUpFanOutBench {

    private static final Duration DEADLINE = Duration.ofMinutes(20);
    private static final List<String> GROUPS = List.of("area-acceso-informacion", "area-gobierno-abierto",
            "area-evidencia", "area-diversidad", "area-legal-tecnica", "area-ambiente", "area-ciudad-amigable");

    private FollowUpFanOutBench() {
    }

    /** @param args ignored */
    public static void main(String[] args) throws Exception {
        Bench.quietLogs();
        int n = Bench.env("BENCH_COMMITMENTS", 1000);
        Bench.header("Monthly fan-out: " + n + " follow-up timers due together, PostgreSQL");
        double[] bare1 = bare(Bench.env("BENCH_BARE_DB", "cocrea_bench_bare"), n);
        double[] cocrea = cocrea(Bench.env("BENCH_DB", "cocrea_bench_e"), n);
        double[] bare2 = bare(Bench.env("BENCH_BARE_DB", "cocrea_bench_bare"), n);
        Bench.out("");
        Bench.out("%-62s %9s %12s %11s", "", "seconds", "first task", "SQL/task");
        Bench.out("%-62s %9.2f %11.2fs %11.1f", "bare engine, run 1: " + n + " timers -> user tasks", bare1[0],
                bare1[1], bare1[2] / n);
        Bench.out("%-62s %9.2f %11.2fs %11.1f", "Cocrea: " + n + " timers -> follow-up tasks + mails queued",
                cocrea[0], cocrea[1], cocrea[2] / n);
        Bench.out("%-62s %9.2f %11.2fs %11.1f", "bare engine, run 2", bare2[0], bare2[1], bare2[2] / n);
        double bare = (bare1[0] + bare2[0]) / 2;
        Bench.out("ratio Cocrea / bare (mean of 2) %.2f (goal <= 1.5); %.0f tasks/s vs %.0f tasks/s", cocrea[0] / bare,
                n / cocrea[0], n / bare);
        Bench.out("load average at the end %.2f", ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        System.exit(0);
    }

    /** @return seconds to all done, seconds to the first task, statements */
    static double[] bare(String database, int n) {
        Bench.freshDatabase(database);
        try (BareEngine bare = new BareEngine(database)) {
            ProcessEngine engine = bare.engine();
            BpmnModelInstance model = Bpmn.createExecutableProcess("bare-monthly").camundaHistoryTimeToLive(1)
                    .startEvent("start").intermediateCatchEvent("monthly").timerWithDate("2099-01-01T08:00:00")
                    .userTask("report").camundaCandidateGroups("${areaGroup}").endEvent("end").done();
            engine.getRepositoryService().createDeployment().addModelInstance("bare-monthly.bpmn", model).deploy();
            Parallel.run(4, n, (client, i) -> engine.getRuntimeService().startProcessInstanceByKey("bare-monthly",
                    "BF" + i, Variables.createVariables().putValue("areaGroup", GROUPS.get(i % GROUPS.size()))));
            TaskService tasks = engine.getTaskService();
            return fanOut(engine, "bare-monthly", "monthly", n,
                    () -> tasks.createTaskQuery().taskDefinitionKey("report").count(), () -> true);
        }
    }

    static double[] cocrea(String database, int n) throws Exception {
        Bench.freshDatabase(database);
        try (CocreaInJvm app = CocreaInJvm.start(database); StackSampler sampler = new StackSampler()) {
            app.createUsers();
            JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
            new DashboardTestData(jdbc).bulk("BF", n, 0);
            List<Long> ids = jdbc.queryForList("select id from commitment where code like 'BF%' order by id",
                    Long.class);
            FollowUpWorkflow followUps = app.bean(FollowUpWorkflow.class);
            long setup = System.nanoTime();
            Parallel.run(4, ids.size(), (client, i) -> followUps.start(ids.get(i)).orElseThrow());
            Bench.out("Cocrea: %d follow-up instances started in %.1f s (setup, not timed below)", ids.size(),
                    Bench.seconds(setup));
            TaskService tasks = app.bean(TaskService.class);
            long mailsBefore = mails(jdbc);
            sampler.drain(0);
            double[] result = fanOut(app.bean(ProcessEngine.class), CommitmentFollowUpProcess.KEY,
                    CommitmentFollowUpProcess.TIMER_MONTHLY_REPORT, n, () -> tasks.createTaskQuery()
                            .taskDefinitionKey(CommitmentFollowUpProcess.TASK_SUBMIT_REPORT).count(),
                    () -> mails(jdbc) - mailsBefore >= n);
            Bench.out("Cocrea: %d follow-up tasks, %d task mails queued; where the time goes (stack samples):",
                    tasks.createTaskQuery().taskDefinitionKey(CommitmentFollowUpProcess.TASK_SUBMIT_REPORT).count(),
                    mails(jdbc) - mailsBefore);
            sampler.drain(8).forEach(l -> Bench.out("    %s", l));
            return result;
        }
    }

    private static long mails(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from mail_outbox where kind = 'task-created'", Long.class);
    }

    private static double[] fanOut(ProcessEngine engine, String processKey, String timerActivity, int n,
            LongSupplier tasks, BooleanSupplier alsoDone) {
        ManagementService management = engine.getManagementService();
        List<JobDefinition> definitions = management.createJobDefinitionQuery().processDefinitionKey(processKey)
                .activityIdIn(timerActivity).list();
        if (definitions.size() != 1) {
            throw new IllegalStateException(definitions.size() + " job definitions for " + timerActivity);
        }
        String definition = definitions.get(0).getId();
        management.suspendJobDefinitionById(definition, true);
        List<Job> jobs = management.createJobQuery().jobDefinitionId(definition).list();
        if (jobs.size() != n) {
            throw new IllegalStateException(jobs.size() + " timer jobs, not " + n);
        }
        Date now = new Date(System.currentTimeMillis() - 1000);
        Parallel.run(4, jobs.size(), (client, i) -> management.setJobDuedate(jobs.get(i).getId(), now));
        long statements = Bench.STATEMENTS.sum();
        Bench.topStatements(1);
        long start = System.nanoTime();
        management.activateJobDefinitionById(definition, true);
        ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getJobExecutor().jobWasAdded();
        double[] first = {0};
        Bench.await(n + " tasks", DEADLINE, () -> {
            long created = tasks.getAsLong();
            if (first[0] == 0 && created > 0) {
                first[0] = Bench.seconds(start);
            }
            return created >= n && alsoDone.getAsBoolean();
        });
        double[] result = {Bench.seconds(start), first[0], Bench.STATEMENTS.sum() - statements};
        List<String> top = Bench.topStatements(n);
        if (!top.isEmpty()) {
            Bench.out("%s: the most frequent statements of the fan-out (BENCH_SQL_TOP), per task:", processKey);
            top.forEach(l -> Bench.out("    %s", l));
        }
        return result;
    }
}
