package org.cocrea.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.cocrea.workflow.CallForProposalsProcess;
import org.cocrea.workflow.ConsultationWorkflow;
import org.cocrea.workflow.ProposalReviewProcess;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark 1 of issue 12: Stage 1 at Decide Madrid's peak day. {@code BENCH_PROPOSALS} (2,400) proposals through
 * {@code POST /api/proposals} from {@code BENCH_CLIENTS} (4) concurrent clients against the real application
 * ({@link CocreaInJvm}), every feasibility review completed over {@code /engine-rest} by the area users (HTTP Basic),
 * then the rest of Stage 1 as the process has it (the call's closing timer made due, the seven feasibility meetings and
 * every reasoned response completed over {@code /engine-rest} by {@code equipo}) until every reasoned response is in
 * the outbox. Baseline in the same run: a {@link BareEngine} running start → business rule task (small DMN) → user
 * task → end, 2,400 starts from 4 threads and then 2,400 completions from 4 threads (Java API), measured before and
 * after Cocrea. Prints each phase's time and SQL statements per proposal, and the ratios.
 *
 * <p>Run: {@code ./mvnw -q -Pbench test-compile exec:java -Dbench=org.cocrea.bench.Stage1PeakBench}. Databases
 * {@code BENCH_DB} ({@code cocrea_bench_e}) and {@code BENCH_BARE_DB} ({@code cocrea_bench_bare}) are dropped and
 * created (see {@link Bench}).
 */
public final class Stage1PeakBench {

    private static final String[] SUBMITTER_TYPES = {"osc-tematica", "osc-territorial", "academia", "sector-privado",
        "ciudadania"};
    private static final Duration DEADLINE = Duration.ofMinutes(20);

    private Stage1PeakBench() {
    }

    /** @param args ignored */
    public static void main(String[] args) throws Exception {
        Bench.quietLogs();
        int n = Bench.env("BENCH_PROPOSALS", 2400);
        int clients = Bench.env("BENCH_CLIENTS", 4);
        Bench.header("Stage 1 at the peak day: " + n + " proposals, " + clients + " clients, PostgreSQL");
        String bareDb = Bench.env("BENCH_BARE_DB", "cocrea_bench_bare");
        Phases bare1 = bare(bareDb, n, clients);
        Phases http1 = bareOverHttp(bareDb, n, clients);
        Phases cocrea = cocrea(Bench.env("BENCH_DB", "cocrea_bench_e"), n, clients);
        Phases http2 = bareOverHttp(bareDb, n, clients);
        Phases bare2 = bare(bareDb, n, clients);
        print(n, bare1, bare2, http1, http2, cocrea);
        System.exit(0);
    }

    /** Seconds and statements per phase, in order. */
    static final class Phases {
        final Map<String, double[]> phases = new LinkedHashMap<>();
        private long start = System.nanoTime();
        private long statements = Bench.STATEMENTS.sum();
        final Map<String, List<String>> profiles = new LinkedHashMap<>();
        /** The most frequent statements per phase ({@code BENCH_SQL_TOP}), per proposal. */
        final Map<String, List<String>> statementTops = new LinkedHashMap<>();
        StackSampler sampler;
        int items = 1;

        void mark(String name) {
            phases.put(name, new double[] {Bench.seconds(start), Bench.STATEMENTS.sum() - statements});
            if (sampler != null) {
                profiles.put(name, sampler.drain(6));
            }
            statementTops.put(name, Bench.topStatements(items));
            start = System.nanoTime();
            statements = Bench.STATEMENTS.sum();
        }

        void restart() {
            Bench.topStatements(1);
            start = System.nanoTime();
            statements = Bench.STATEMENTS.sum();
        }

        double seconds(int fromInclusive, int toExclusive) {
            return phases.values().stream().skip(fromInclusive).limit(toExclusive - fromInclusive)
                    .mapToDouble(p -> p[0]).sum();
        }

        double total() {
            return seconds(0, phases.size());
        }
    }

    // --- baseline -------------------------------------------------------------------------------------------

    private static final String DMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="bare-routing-defs" name="bare" namespace="bench">
              <decision id="bare-routing" name="bare routing">
                <decisionTable id="table" hitPolicy="FIRST">
                  <input id="in_axis"><inputExpression id="in_axis_e" typeRef="string"><text>axis</text></inputExpression></input>
                  <input id="in_type"><inputExpression id="in_type_e" typeRef="string"><text>submitterType</text></inputExpression></input>
                  <output id="out" name="areaGroup" typeRef="string"/>
            %s
                </decisionTable>
              </decision>
            </definitions>
            """;

    private static final List<String[]> AXES = List.of(new String[] {"acceso-informacion", "area-acceso-informacion"},
            new String[] {"datos-abiertos", "area-gobierno-abierto"}, new String[] {"gasto-publico", "area-evidencia"},
            new String[] {"diversidad", "area-diversidad"}, new String[] {"lenguaje-claro", "area-legal-tecnica"},
            new String[] {"ambiente", "area-ambiente"}, new String[] {"ninez", "area-ciudad-amigable"});

    /** The baseline's process: start, business rule task (the DMN below), user task for the group, end. */
    private static BpmnModelInstance bareModel() {
        return Bpmn.createExecutableProcess("bare-review").camundaHistoryTimeToLive(1)
                .startEvent("start").businessRuleTask("route").camundaDecisionRef("bare-routing")
                .camundaMapDecisionResult("singleEntry").camundaResultVariable("areaGroup")
                .userTask("review").camundaCandidateGroups("${areaGroup}").endEvent("end").done();
    }

    /** The baseline's DMN: a 7-rule table, axis → area group (as Cocrea's routing table). */
    private static String bareDecision() {
        StringBuilder rules = new StringBuilder();
        for (String[] a : AXES) {
            rules.append("      <rule id=\"r_").append(a[0]).append("\"><inputEntry id=\"r_").append(a[0])
                    .append("_a\"><text>\"").append(a[0]).append("\"</text></inputEntry><inputEntry id=\"r_")
                    .append(a[0]).append("_t\"><text></text></inputEntry><outputEntry id=\"r_").append(a[0])
                    .append("_o\"><text>\"").append(a[1]).append("\"</text></outputEntry></rule>\n");
        }
        return DMN.formatted(rules).replace("<decision id=\"bare-routing\"", "<decision id=\"bare-routing\" "
                + "xmlns:camunda=\"http://camunda.org/schema/1.0/dmn\" camunda:historyTimeToLive=\"1\"");
    }

    static Phases bare(String database, int n, int clients) {
        Bench.freshDatabase(database);
        try (BareEngine bare = new BareEngine(database)) {
            ProcessEngine engine = bare.engine();
            engine.getRepositoryService().createDeployment().name("bare")
                    .addModelInstance("bare-review.bpmn", bareModel())
                    .addString("bare-routing.dmn", bareDecision())
                    .deploy();
            RuntimeService runtime = engine.getRuntimeService();
            TaskService tasks = engine.getTaskService();
            Phases p = new Phases();
            Parallel.run(clients, n, (client, i) -> runtime.startProcessInstanceByKey("bare-review", "BARE-" + i,
                    Variables.createVariables().putValue("axis", AXES.get(i % AXES.size())[0])
                            .putValue("submitterType", SUBMITTER_TYPES[i % SUBMITTER_TYPES.length])));
            p.mark("starts (" + clients + " threads)");
            List<String> ids = Collections.synchronizedList(new ArrayList<>());
            Parallel.run(clients, AXES.size(), (client, g) -> tasks.createTaskQuery()
                    .taskCandidateGroup(AXES.get(g)[1]).taskDefinitionKey("review").list()
                    .forEach(t -> ids.add(t.getId())));
            check(ids.size() == n, "bare: " + ids.size() + " tasks, not " + n);
            Parallel.run(clients, ids.size(), (client, i) -> tasks.complete(ids.get(i), Variables.createVariables()
                    .putValue("verdict", "feasible").putValue("reasoning", "Viable.")
                    .putValue("willingToCoCreate", true).putValue("contactPerson", "Mariana Núñez")));
            p.mark("task completions (" + clients + " threads)");
            check(runtime.createProcessInstanceQuery().count() == 0, "bare: instances left");
            check(engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count() == n,
                    "bare: not every instance ended");
            return p;
        }
    }

    /** The administrator of the bare starter over HTTP (password {@link CocreaInJvm#PASSWORD}). */
    private static final String BARE_ADMIN = "bench-admin";

    /**
     * The same baseline process, driven the same way as Cocrea: the bare Camunda starter app
     * ({@link ChildApp}) with HTTP Basic on {@code /engine-rest} and the engine's authorization checks on
     * (as Cocrea's, with its id pattern and {@code TASK_WORK} for candidate groups), one user per area group (member of that group only); the starts over
     * {@code POST /engine-rest/process-definition/key/bare-review/start} (as its administrator: the bare app has no
     * public endpoint of its own) from the same number of clients, then each area user lists its group's tasks and
     * completes them over {@code /engine-rest} with the same variables as Cocrea's reviews. Its statements run in the
     * child process and are not counted.
     */
    static Phases bareOverHttp(String database, int n, int clients) throws Exception {
        Bench.freshDatabase(database);
        try (ChildApp app = ChildApp.launch(ChildApp.bareStarterJar(false), Map.of(), database,
                Path.of("target", "bench-bare-starter.log"), "--bare.engine-rest-auth=true",
                "--camunda.bpm.authorization.enabled=true", "--camunda.bpm.admin-user.id=" + BARE_ADMIN,
                "--camunda.bpm.admin-user.password=" + CocreaInJvm.PASSWORD,
                // as Cocrea's engine: ids with hyphens (area-ambiente), and candidate groups get TASK_WORK
                "--camunda.bpm.generic-properties.properties.general-resource-whitelist-pattern=[a-zA-Z0-9][a-zA-Z0-9_-]*",
                "--camunda.bpm.generic-properties.properties.default-user-permission-name-for-task=TASK_WORK")) {
            app.awaitHealthy();
            List<Http> http = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                http.add(new Http(app.port()));
            }
            http.get(0).deploy(BARE_ADMIN, Map.of("bare-review.bpmn", Bpmn.convertToString(bareModel()),
                    "bare-routing.dmn", bareDecision()));
            Map<String, String> userOfGroup = new LinkedHashMap<>();
            for (String[] a : AXES) {
                String group = a[1];
                String user = "u-" + group;
                http.get(0).call(BARE_ADMIN, "POST", "/engine-rest/group/create", "{\"id\":\"" + group
                        + "\",\"name\":\"" + group + "\",\"type\":\"WORKFLOW\"}", 204);
                http.get(0).call(BARE_ADMIN, "POST", "/engine-rest/user/create", "{\"profile\":{\"id\":\"" + user
                        + "\",\"firstName\":\"Área\",\"lastName\":\"" + group + "\",\"email\":\"" + user
                        + "@bench.example.org\"},\"credentials\":{\"password\":\"" + CocreaInJvm.PASSWORD + "\"}}", 204);
                http.get(0).call(BARE_ADMIN, "PUT", "/engine-rest/group/" + group + "/members/" + user, null, 204);
                userOfGroup.put(group, user);
            }
            Phases p = new Phases();
            Parallel.run(clients, n, (client, i) -> http.get(client).call(BARE_ADMIN, "POST",
                    "/engine-rest/process-definition/key/bare-review/start", "{\"businessKey\":\"BARE-" + i
                            + "\",\"variables\":{\"axis\":{\"value\":\"" + AXES.get(i % AXES.size())[0]
                            + "\"},\"submitterType\":{\"value\":\"" + SUBMITTER_TYPES[i % SUBMITTER_TYPES.length]
                            + "\"}}}", 200));
            p.mark("starts: POST /engine-rest/process-definition/key/…/start");
            reviewOverRest(http, clients, userOfGroup, "review", n);
            p.mark("task list + complete over /engine-rest");
            long finished = Http.JSON.readTree(http.get(0).call(BARE_ADMIN, "GET",
                    "/engine-rest/history/process-instance/count?finished=true&processDefinitionKey=bare-review",
                    null, 200)).get("count").asLong();
            check(finished == n, "bare over HTTP: " + finished + " instances ended, not " + n);
            return p;
        }
    }

    /**
     * Each area user lists its group's tasks of {@code taskKey} ({@code GET /engine-rest/task}) and the tasks are
     * completed over {@code POST /engine-rest/task/{id}/complete} as their group's user, from {@code clients} clients,
     * with a feasibility review's variables (verdict, reasoning, willingness, contact person).
     *
     * @throws IllegalStateException unless the users list exactly {@code n} tasks and every completion answers 204
     */
    private static void reviewOverRest(List<Http> http, int clients, Map<String, String> userOfGroup, String taskKey,
            int n) {
        List<String[]> reviews = Collections.synchronizedList(new ArrayList<>());
        List<String> groups = new ArrayList<>(userOfGroup.keySet());
        Parallel.run(clients, groups.size(), (client, g) -> {
            String user = userOfGroup.get(groups.get(g));
            for (String id : http.get(client).taskIds(user, "candidateGroup=" + groups.get(g)
                    + "&taskDefinitionKey=" + taskKey + "&maxResults=100000")) {
                reviews.add(new String[] {id, user});
            }
        });
        check(reviews.size() == n, "the area users list " + reviews.size() + " " + taskKey + " tasks, not " + n);
        String[] verdicts = {"feasible", "partially-feasible", "not-feasible"};
        Parallel.run(clients, n, (client, i) -> http.get(client).call(reviews.get(i)[1], "POST",
                "/engine-rest/task/" + reviews.get(i)[0] + "/complete", "{\"variables\":{"
                        + "\"verdict\":{\"value\":\"" + verdicts[i % 3] + "\"},"
                        + "\"reasoning\":{\"value\":\"El área evaluó la propuesta: es viable con el presupuesto "
                        + "de gestión.\"},\"willingToCoCreate\":{\"value\":" + (i % 2 == 0) + "},"
                        + "\"contactPerson\":{\"value\":\"Mariana Núñez\"}}}", 204));
    }

    // --- Cocrea -----------------------------------------------------------------------------------------------

    static Phases cocrea(String database, int n, int clients) throws Exception {
        Bench.freshDatabase(database);
        long boot = System.nanoTime();
        try (CocreaInJvm app = CocreaInJvm.start(database); StackSampler sampler = new StackSampler()) {
            double startup = Bench.seconds(boot);
            Map<String, String> userOfGroup = app.createUsers();
            List<String[]> axes = app.axesWithGroups();
            TaskService tasks = app.bean(TaskService.class);
            ManagementService management = app.bean(ManagementService.class);
            JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
            Instant now = Instant.now();
            String call = app.bean(ConsultationWorkflow.class).startCall("ARBA-2021-2023",
                    "Consulta del día pico (benchmark)", axes.stream().map(a -> a[0]).toList(),
                    now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(6)));
            Bench.out("Cocrea started in %.1f s (context, schema, deployment); port %d", startup, app.port());
            List<Http> http = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                http.add(new Http(app.port()));
            }

            Phases p = new Phases();
            p.sampler = sampler;
            p.items = n;
            sampler.drain(0);
            Bench.topStatements(1);
            String description = "Proponemos publicar cada mes, en formato abierto y con lenguaje claro, los datos del "
                    + "área con una mesa de trabajo abierta a organizaciones del barrio para revisarlos juntos. ";
            Parallel.run(clients, n, (client, i) -> {
                String[] axis = axes.get(i % axes.size());
                String type = SUBMITTER_TYPES[i % SUBMITTER_TYPES.length];
                http.get(client).call(null, "POST", "/api/proposals", "{\"title\":" + Http.quote("Propuesta " + i
                        + " del día pico") + ",\"description\":" + Http.quote(description + i) + ",\"axis\":\""
                        + axis[0] + "\",\"submitterType\":\"" + type + "\",\"organization\":"
                        + ("ciudadania".equals(type) ? "null" : "\"Organización " + (i % 97) + "\"")
                        + ",\"name\":\"Persona " + i + "\",\"email\":\"persona" + i
                        + "@bench.example.org\",\"consent\":true,\"language\":\"" + (i % 10 == 0 ? "en" : "es")
                        + "\"}", 201);
            });
            p.mark("A. submissions: POST /api/proposals");
            check(tasks.createTaskQuery().taskDefinitionKey(ProposalReviewProcess.TASK_REVIEW).count() == n,
                    "not every proposal has its feasibility review task");

            reviewOverRest(http, clients, userOfGroup, ProposalReviewProcess.TASK_REVIEW, n);
            p.mark("B. feasibility reviews: list + complete over /engine-rest");

            // The closing timer executed now, as Cockpit's "execute job" does (waiting for its due date would time
            // the job executor's idle back-off, up to a minute, not the work).
            Job closes = management.createJobQuery().processInstanceId(call).timers().singleResult();
            management.executeJob(closes.getId());
            int areas = userOfGroup.size();
            Bench.await("the feasibility meeting tasks", DEADLINE, () -> tasks.createTaskQuery()
                    .taskDefinitionKey(CallForProposalsProcess.TASK_RECORD_MEETING).count() == areas);
            p.mark("C1. call closes (its timer job executed) until " + areas + " meeting tasks");
            List<String> meetings = http.get(0).taskIds("equipo", "taskDefinitionKey="
                    + CallForProposalsProcess.TASK_RECORD_MEETING);
            // One after another, as one staff member records them (two at once also succeed since the area's end
            // event is asynchronous: FeasibilityMeetingConcurrencyTests).
            Parallel.run(1, meetings.size(), (client, i) -> http.get(client).call("equipo", "POST",
                    "/engine-rest/task/" + meetings.get(i) + "/complete", "{\"variables\":{"
                            + "\"meetingDate\":{\"value\":\"2021-04-20T10:00:00-03:00\"},"
                            + "\"meetingAttendees\":{\"value\":\"Equipo de Gobierno Abierto; referentes del área\"},"
                            + "\"meetingOutcome\":{\"value\":\"Se acordaron las respuestas.\"}}}", 204));
            check(tasks.createTaskQuery().taskDefinitionKey(ProposalReviewProcess.TASK_REVIEW_RESPONSE).count() == n,
                    "not every proposal has its reasoned-response task");
            p.mark("C2. " + areas + " meetings completed one by one (each correlates its area's proposals)");

            List<String> responses = http.get(0).taskIds("equipo", "taskDefinitionKey="
                    + ProposalReviewProcess.TASK_REVIEW_RESPONSE + "&maxResults=100000");
            check(responses.size() == n, "equipo lists " + responses.size() + " response tasks");
            Parallel.run(clients, n, (client, i) -> http.get(client).call("equipo", "POST",
                    "/engine-rest/task/" + responses.get(i) + "/complete", "{\"variables\":{}}", 204));
            p.mark("D. reasoned responses: list + complete over /engine-rest");
            Bench.await("every reasoned response in the outbox", DEADLINE, () -> jdbc.queryForObject(
                    "select count(*) from mail_outbox where kind = 'reasoned-response'", Long.class) == n);
            p.mark("E. send-response jobs (job executor) until " + n + " in the outbox");
            check(app.bean(RuntimeService.class).createProcessInstanceQuery()
                    .processDefinitionKey(ProposalReviewProcess.KEY).count() == 0, "proposal-review instances left");
            Bench.out("outbox rows by kind: %s", jdbc.queryForList(
                    "select kind, count(*) as n from mail_outbox group by kind order by kind"));
            return p;
        }
    }

    // --- report ----------------------------------------------------------------------------------------------

    private static void print(int n, Phases bare1, Phases bare2, Phases http1, Phases http2, Phases cocrea) {
        Bench.out("");
        Bench.out("%-72s %9s %11s", "phase", "seconds", "SQL/prop.");
        Map<Phases, String> titles = new LinkedHashMap<>();
        titles.put(bare1, "bare Camunda 7.24 engine, run 1 (Java API, in this JVM)");
        titles.put(http1, "bare Camunda 7.24 starter, run 1 (HTTP /engine-rest, Basic, authorization on)");
        titles.put(cocrea, "Cocrea (HTTP, real application)");
        titles.put(http2, "bare Camunda 7.24 starter, run 2 (HTTP /engine-rest, Basic, authorization on)");
        titles.put(bare2, "bare Camunda 7.24 engine, run 2 (Java API, in this JVM)");
        titles.forEach((p, title) -> {
            Bench.out("%s", title);
            boolean counted = p != http1 && p != http2;
            p.phases.forEach((name, v) -> Bench.out("  %-70s %9.2f %11s", name, v[0],
                    counted ? String.format("%.1f", v[1] / n) : "(child)"));
        });
        Bench.out("");
        Bench.out("Where Cocrea's time goes (stack samples per phase):");
        cocrea.profiles.forEach((name, lines) -> {
            Bench.out("  %s", name);
            lines.forEach(l -> Bench.out("    %s", l));
            List<String> top = cocrea.statementTops.getOrDefault(name, List.of());
            if (!top.isEmpty()) {
                Bench.out("    the most frequent statements (BENCH_SQL_TOP), per proposal:");
                top.forEach(l -> Bench.out("      %s", l));
            }
        });
        double bare = (bare1.total() + bare2.total()) / 2;
        double overHttp = (http1.total() + http2.total()) / 2;
        double comparable = cocrea.seconds(0, 2);
        double all = cocrea.total();
        Bench.out("");
        Bench.out("bare starter over HTTP, start + complete (mean of 2)      %8.2f s  (%.0f proposals/s)", overHttp,
                n / overHttp);
        Bench.out("bare engine over the Java API, start + complete (mean of 2) %6.2f s  (%.0f proposals/s)", bare,
                n / bare);
        Bench.out("Cocrea A+B: submissions + feasibility reviews             %8.2f s  ratio %.2f to the bare starter "
                + "driven the same way (goal <= 1.25); %.2f to the Java API", comparable, comparable / overHttp,
                comparable / bare);
        Bench.out("Cocrea end to end A..E: to every reasoned response queued %8.2f s  ratio %.2f (goal <= 1.25); "
                + "%.2f to the Java API", all, all / overHttp, all / bare);
        Bench.out("%d end to end under 60 s: %s", n, all < 60 ? "yes" : "no");
        Bench.out("load average at the end %.2f", ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
