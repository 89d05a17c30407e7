package org.cocrea.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the benchmarks of issue 12 share: settings from the environment, scratch PostgreSQL databases (dropped and
 * created through an administrator connection), waiting on a condition with a deadline, a global SQL statement
 * counter, and printing. Not a test; see {@code bench/README.md}.
 *
 * <p>Environment: {@code BENCH_PG} (host:port, default {@code 127.0.0.1:5432}), {@code BENCH_ADMIN_USER}
 * ({@code postgres}, no password: the machine's trust login) and {@code BENCH_ADMIN_PASSWORD}, {@code BENCH_DB_USER} /
 * {@code BENCH_DB_PASSWORD} (owner of the scratch databases, {@code cocrea}/{@code cocrea}), {@code BENCH_COUNT_SQL}
 * ({@code false} turns the statement counter off).
 */
final class Bench {

    /** Statements run through a {@link #counted(DataSource)} data source, on every thread. */
    static final LongAdder STATEMENTS = new LongAdder();
    /** {@code BENCH_SQL_TOP}: how many of the most frequent statements {@link #topStatements} lists (0: none). */
    static final int SQL_TOP = env("BENCH_SQL_TOP", 0);
    /** Statements by their text (the first 110 characters), when {@link #SQL_TOP} is set. */
    private static final Map<String, LongAdder> STATEMENT_TEXTS = new ConcurrentHashMap<>();

    private Bench() {
    }

    /**
     * The most frequent statements since the last call ({@code BENCH_SQL_TOP} of them; none when it is unset), and
     * resets the tally.
     *
     * @param items what the phase counts (tasks, proposals), to print statements per item
     * @return one line per statement: per item, then its text
     */
    static List<String> topStatements(long items) {
        List<String> lines = STATEMENT_TEXTS.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum())).limit(SQL_TOP)
                .map(e -> String.format(Locale.ROOT, "%6.2f  %s", e.getValue().sum() / (double) items, e.getKey()))
                .toList();
        STATEMENT_TEXTS.clear();
        return lines;
    }

    /** @return the environment variable, or the fallback when unset or blank */
    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** @return the environment variable as an int, or the fallback */
    static int env(String name, int fallback) {
        return Integer.parseInt(env(name, String.valueOf(fallback)));
    }

    /** @return whether statements are counted ({@code BENCH_COUNT_SQL}, default true) */
    static boolean countSql() {
        return !"false".equals(env("BENCH_COUNT_SQL", "true"));
    }

    /** @return the JDBC URL of a database on the benchmark's PostgreSQL */
    static String url(String database) {
        return "jdbc:postgresql://" + env("BENCH_PG", "127.0.0.1:5432") + "/" + database;
    }

    static String dbUser() {
        return env("BENCH_DB_USER", "cocrea");
    }

    static String dbPassword() {
        return env("BENCH_DB_PASSWORD", "cocrea");
    }

    /** Drops the database (if it exists) and creates it empty, owned by {@link #dbUser()}. */
    static void freshDatabase(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("scratch database names are lower case: " + database);
        }
        try (Connection c = DriverManager.getConnection(url("postgres"), env("BENCH_ADMIN_USER", "postgres"),
                env("BENCH_ADMIN_PASSWORD", "")); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database + " owner " + dbUser());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate scratch database " + database, e);
        }
    }

    /** @return the data source, counting every statement into {@link #STATEMENTS} (when {@link #countSql()}) */
    static DataSource counted(DataSource dataSource) {
        if (!countSql()) {
            return dataSource;
        }
        return ProxyDataSourceBuilder.create(dataSource).name("bench").listener(new QueryExecutionListener() {
            @Override
            public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            }

            @Override
            public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
                STATEMENTS.add(queryInfoList.size());
                if (SQL_TOP > 0) {
                    for (QueryInfo q : queryInfoList) {
                        String text = q.getQuery().replaceAll("\\s+", " ").trim();
                        String key = (execInfo.isBatch() ? "[batch] " : "")
                                + (text.length() > 110 ? text.substring(0, 110) + "…" : text);
                        STATEMENT_TEXTS.computeIfAbsent(key, k -> new LongAdder()).increment();
                    }
                }
            }
        }).build();
    }

    /**
     * Polls the condition every 50 ms until it holds.
     *
     * @throws IllegalStateException when it does not hold within the deadline
     */
    static void await(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("not within " + deadline + ": " + what);
            }
            try {
                Thread.sleep(50); // polling interval, not synchronisation: the condition decides
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Quiet logs: warnings and errors only. */
    static void quietLogs() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
    }

    /** @return the median of the values */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** @return seconds since {@code startNanos} */
    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Prints a formatted line (Locale.ROOT). */
    static void out(String format, Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
        System.out.flush();
    }

    /** The header every benchmark prints: date, processors, load average. */
    static void header(String title) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        out("%s", title);
        out("date %s, %d processors, load average %.2f at start, Java %s", OffsetDateTime.now()
                .withNano(0), os.getAvailableProcessors(), os.getSystemLoadAverage(), System.getProperty("java.version"));
    }
}
