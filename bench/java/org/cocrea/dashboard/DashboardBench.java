package org.cocrea.dashboard;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.cocrea.commitment.PublishedCommitmentRows;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Times the dashboard's queries with 50 and then 500 published commitments (24 monthly reports each, 4 milestones)
 * and prints each as a ratio: against the same query at 50 commitments, and against a plain
 * {@code select count(*) from commitment} measured in the same run. Absolute times depend on the machine; the ratios
 * are what to compare between runs. Not a test: run it with {@code ./mvnw -q -Pbench test-compile exec:java}.
 *
 * <p>Database: {@code BENCH_DB_URL} ({@code BENCH_DB_USER}, {@code BENCH_DB_PASSWORD}); by default an in-memory H2.
 * The schema is migrated with the application's Flyway scripts. On PostgreSQL use a scratch database: the bench adds
 * commitments coded {@code BA…}/{@code BB…} and deletes them (and their reports) at the end, unless
 * {@code BENCH_KEEP=true} (to look at query plans afterwards).
 */
public final class DashboardBench {

    private static final int WARM_UP = 10;
    private static final int RUNS = 40;

    private DashboardBench() {
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(env("BENCH_DB_URL", "jdbc:h2:mem:bench;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"));
        config.setUsername(env("BENCH_DB_USER", "sa"));
        config.setPassword(env("BENCH_DB_PASSWORD", ""));
        config.setMaximumPoolSize(2);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                    .table("cocrea_schema_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(dataSource);
            Dashboard dashboard = new Dashboard(named, new PublishedCommitmentRows(named), Clock.systemUTC());
            DashboardTestData data = new DashboardTestData(jdbc);
            cleanUp(jdbc); // what a run with BENCH_KEEP=true left
            try {
                data.bulk("BA", 50, 24);
                jdbc.execute("analyze"); // as autovacuum would: fresh statistics for the planner (PostgreSQL, H2)
                measure(jdbc, dashboard); // JIT and database caches warm up on the whole suite first
                Map<String, Double> at50 = measure(jdbc, dashboard);
                data.bulk("BB", 450, 24);
                jdbc.execute("analyze");
                Map<String, Double> at500 = measure(jdbc, dashboard);
                print(config.getJdbcUrl(), at50, at500);
            } finally {
                if (!"true".equals(System.getenv("BENCH_KEEP"))) {
                    cleanUp(jdbc);
                }
            }
        }
    }

    private static Map<String, Double> measure(JdbcTemplate jdbc, Dashboard dashboard) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("baseline: select count(*) from commitment",
                median(() -> jdbc.queryForObject("select count(*) from commitment", Long.class)));
        out.put("list, page 1 (" + Dashboard.PAGE_SIZE + " commitments)",
                median(() -> dashboard.list(DashboardQuery.ALL, 1, Dashboard.PAGE_SIZE, "es")));
        out.put("list, filtered by axis and status", median(() -> dashboard.list(
                new DashboardQuery("ambiente", ProgressStatus.IN_PROGRESS, null), 1, Dashboard.PAGE_SIZE, "es")));
        out.put("open data (every commitment)",
                median(() -> dashboard.list(DashboardQuery.ALL, 1, Dashboard.MAX_OPEN_DATA, "es")));
        out.put("commitment page with timeline", median(() -> dashboard.commitment("BA00001", 1, "es")));
        out.put("filter options", median(() -> dashboard.options("es")));
        out.put("Atom feed (" + Dashboard.FEED_SIZE + " entries)", median(() -> dashboard.feed(Dashboard.FEED_SIZE)));
        return out;
    }

    private static double median(Supplier<?> work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.get();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[RUNS / 2];
    }

    private static void print(String url, Map<String, Double> at50, Map<String, Double> at500) {
        double baseline = at500.values().iterator().next();
        System.out.printf(Locale.ROOT, "Dashboard queries on %s (median of %d runs; 24 monthly reports and 4 "
                + "milestones per commitment)%n", url.replaceAll(";.*", ""), RUNS);
        System.out.printf(Locale.ROOT, "%-46s %10s %10s %12s %14s%n", "query", "ms @50", "ms @500",
                "500 / 50", "vs count(*)");
        for (String name : at500.keySet()) {
            System.out.printf(Locale.ROOT, "%-46s %10.3f %10.3f %11.1fx %13.1fx%n", name, at50.get(name),
                    at500.get(name), at500.get(name) / at50.get(name), at500.get(name) / baseline);
        }
    }

    private static void cleanUp(JdbcTemplate jdbc) {
        String mine = "(select id from commitment where code like 'BA%' or code like 'BB%')";
        jdbc.update("delete from evidence where report_id in (select id from follow_up_report where commitment_id in "
                + mine + ")");
        jdbc.update("delete from milestone_progress where report_id in (select id from follow_up_report where "
                + "commitment_id in " + mine + ")");
        jdbc.update("delete from follow_up_report where commitment_id in " + mine);
        jdbc.update("delete from milestone where commitment_id in " + mine);
        jdbc.update("delete from commitment where code like 'BA%' or code like 'BB%'");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
