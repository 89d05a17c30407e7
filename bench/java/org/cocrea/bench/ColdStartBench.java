package org.cocrea.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark 6 of issue 12: cold start. From {@code java -jar target/cocrea-*.jar} (profile {@code postgres}, as in
 * production: no demo data, models deployed from {@code processes/} and {@code forms/}) to the first HTTP 200 on
 * {@code /actuator/health}, against the bare Camunda starter app of {@code bench/bare-starter/} (webapp + REST
 * starters, PostgreSQL driver, actuator; same Spring Boot 3.5.7 and Camunda 7.24.0), started the same way with the
 * same JVM options on the same PostgreSQL. Each is started {@code BENCH_RUNS} (3) times, alternately, against fresh
 * scratch databases (dropped and created before each start: the schema creation counts) and then against schemas a
 * first, uncounted start created. Prints every time, the medians and the ratios.
 *
 * <p>Builds what is missing (or everything with {@code BENCH_BUILD=true}): Cocrea's jar with
 * {@code ./mvnw -q -B -DskipTests -Dmodel-lint.skip package}, the baseline's with
 * {@code ./mvnw -q -B -f bench/bare-starter/pom.xml -DskipTests package}. Databases {@code cocrea_bench_e_cold} and
 * {@code cocrea_bench_bare_cold} ({@code BENCH_DB}/{@code BENCH_BARE_DB} + {@code _cold}). Logs of each start:
 * {@code target/bench-cold-start/}.
 *
 * <p>Run: {@code ./mvnw -q -Pbench test-compile exec:java -Dbench=org.cocrea.bench.ColdStartBench}.
 */
public final class ColdStartBench {

    private static final Path LOGS = Path.of("target", "bench-cold-start");

    private ColdStartBench() {
    }

    /** One application to start: its jar, its extra environment and database. */
    private record App(String name, File jar, Map<String, String> env, String database) {
    }

    /** @param args ignored */
    public static void main(String[] args) throws Exception {
        int runs = Bench.env("BENCH_RUNS", 3);
        Bench.header("Cold start to the first 200 on /actuator/health, " + runs + " starts each, alternately");
        Files.createDirectories(LOGS);
        boolean rebuild = "true".equals(Bench.env("BENCH_BUILD", "false"));
        File cocreaJar = cocreaJar();
        if (rebuild || cocreaJar == null) {
            ChildApp.build(List.of("./mvnw", "-q", "-B", "-DskipTests", "-Dmodel-lint.skip", "package"));
            cocreaJar = cocreaJar();
        }
        File bareJar = ChildApp.bareStarterJar(rebuild);
        App cocrea = new App("cocrea", cocreaJar, Map.of("SPRING_PROFILES_ACTIVE", "postgres"),
                Bench.env("BENCH_DB", "cocrea_bench_e") + "_cold");
        App bare = new App("bare-starter", bareJar, Map.of(), Bench.env("BENCH_BARE_DB", "cocrea_bench_bare") + "_cold");
        Bench.out("jars: %s (%d MB), %s (%d MB)", cocrea.jar(), cocrea.jar().length() >> 20, bare.jar(),
                bare.jar().length() >> 20);

        double[][] fresh = measure(runs, cocrea, bare, true);
        Bench.freshDatabase(cocrea.database());
        Bench.freshDatabase(bare.database());
        start(cocrea, "prime");
        start(bare, "prime");
        double[][] existing = measure(runs, cocrea, bare, false);

        Bench.out("");
        Bench.out("%-34s %-28s %-28s %8s", "", "Cocrea, s (each; median)", "bare starter, s", "ratio");
        print("fresh database (schema created)", fresh);
        print("existing schema", existing);
        Bench.out("%-34s %-28s %-28s %8s", "CPU seconds to the first 200", "Cocrea", "bare starter", "ratio");
        print("fresh database (schema created)", new double[][] {fresh[2], fresh[3]});
        print("existing schema", new double[][] {existing[2], existing[3]});
        Bench.out("goal: ratio <= 1.3; load average at the end %.2f", ManagementFactory
                .getOperatingSystemMXBean().getSystemLoadAverage());
        System.exit(0);
    }

    /** CPU seconds (user + system, all threads) of each start at its first 200, by app and label. */
    private static final Map<String, Double> CPU = new java.util.HashMap<>();

    private static double[][] measure(int runs, App cocrea, App bare, boolean freshDatabase) throws Exception {
        double[][] seconds = new double[4][runs];
        for (int i = 0; i < runs; i++) {
            App[] order = i % 2 == 0 ? new App[] {cocrea, bare} : new App[] {bare, cocrea};
            for (App app : order) {
                if (freshDatabase) {
                    Bench.freshDatabase(app.database());
                }
                String label = (freshDatabase ? "fresh-" : "existing-") + i;
                double s = start(app, label);
                double cpu = CPU.get(app.name() + "-" + label);
                seconds[app == cocrea ? 0 : 1][i] = s;
                seconds[app == cocrea ? 2 : 3][i] = cpu;
                Bench.out("  %-13s %-8s run %d: %6.2f s, %6.2f CPU s", app.name(),
                        freshDatabase ? "fresh" : "existing", i + 1, s, cpu);
            }
        }
        return seconds;
    }

    private static void print(String label, double[][] s) {
        double c = Bench.median(s[0]);
        double b = Bench.median(s[1]);
        Bench.out("%-34s %-28s %-28s %8.2f", label, each(s[0], c), each(s[1], b), c / b);
    }

    private static String each(double[] values, double median) {
        StringBuilder out = new StringBuilder();
        for (double v : values) {
            out.append(String.format(Locale.ROOT, "%.1f ", v));
        }
        return out.append(String.format(Locale.ROOT, "(%.1f)", median)).toString();
    }

    /** @return seconds from process start to the first 200 on /actuator/health; the process is stopped after it */
    private static double start(App app, String label) throws Exception {
        try (ChildApp child = ChildApp.launch(app.jar(), app.env(), app.database(),
                LOGS.resolve(app.name() + "-" + label + ".log"))) {
            double wall = child.awaitHealthy();
            CPU.put(app.name() + "-" + label, child.cpuSeconds());
            return wall;
        }
    }

    private static File cocreaJar() {
        File[] jars = new File("target").listFiles((dir, name) -> name.matches("cocrea-.*\\.jar")
                && !name.endsWith("-plain.jar"));
        return jars == null || jars.length == 0 ? null : jars[0];
    }
}
