package org.cocrea.kernel;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Version counters of the public pages' data on PostgreSQL, for their HTTP validators and kept renderings
 * ({@link HttpCaching}, {@link RenderedResponses}): reading one is a primary-key lookup, instead of digests over
 * thousands of rows on every request. Each counter ({@link #DASHBOARD}, {@link #ACTION_PLAN}, {@link #PROPOSALS}) is
 * a row of {@code content_version}, raised by a trigger on every table its pages read, once per transaction that
 * inserts, updates or deletes rows there, whoever writes them (the application, a migration, an administrator's SQL).
 *
 * <p>The triggers are <em>deferred constraint triggers</em>: they run when the writing transaction commits, so the
 * counter's row is locked only for the commit itself (concurrent writers, e.g. the monthly fan-out's report inserts,
 * are not serialised for the rest of their transactions; every trigger locks all the counters' rows in one order, so
 * two commits never deadlock on them), and the new count becomes visible in the same instant as
 * the data; a rolled-back transaction raises nothing. A reader that reads the counter and then the data may render
 * newer data than the counter says, never older: what is kept under a counter's value is never staler than it.
 * Created by migration V81 ({@link Migration}); on H2 (the first-run demo) there are none, and the callers digest the
 * rows instead ({@link HttpCaching#digest}).
 */
@Component
public class ContentVersions {

    /** The dashboard's data: commitments, milestones, follow-up reports, evidence, evaluations, areas. */
    public static final String DASHBOARD = "dashboard";
    /** The published action plan's data: commitments, milestones, endorsements, areas. */
    public static final String ACTION_PLAN = "action-plan";
    /** The public proposal list's data: proposals, calls, areas, round-tables, commitments. */
    public static final String PROPOSALS = "proposals";

    /** Which counters each table raises (the tables each public page reads). */
    static final Map<String, List<String>> TABLES = tables();

    private static Map<String, List<String>> tables() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("commitment", List.of(DASHBOARD, ACTION_PLAN, PROPOSALS));
        out.put("milestone", List.of(DASHBOARD, ACTION_PLAN));
        out.put("follow_up_report", List.of(DASHBOARD));
        out.put("evidence", List.of(DASHBOARD));
        out.put("monitoring_evaluation", List.of(DASHBOARD));
        out.put("area", List.of(DASHBOARD, ACTION_PLAN, PROPOSALS));
        out.put("endorsement", List.of(ACTION_PLAN));
        out.put("proposal", List.of(PROPOSALS));
        out.put("call_for_proposals", List.of(PROPOSALS));
        out.put("round_table", List.of(PROPOSALS));
        return out;
    }

    /**
     * Tables of which the pages show only some rows: a change raises the counters only when the row is (or was)
     * one of them, e.g. only accepted follow-up reports reach the dashboard, so the monthly fan-out, which inserts
     * one open report per commitment, raises nothing. A condition on the columns of the row, without qualifier.
     */
    static final Map<String, String> SHOWN = Map.of("follow_up_report", "status = 'ACCEPTED'");

    /** @return the condition on {@code new} or {@code old}: {@code status = 'X'} becomes {@code new.status = 'X'} */
    static String row(String which, String condition) {
        return which + "." + condition;
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final boolean postgres;

    /**
     * @param jdbc the application's database
     */
    public ContentVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.postgres = HttpCaching.isPostgres(jdbc);
    }

    /** @return whether the counters exist (PostgreSQL); on H2 the callers digest the rows */
    public boolean available() {
        return postgres;
    }

    /**
     * @param name {@link #DASHBOARD}, {@link #ACTION_PLAN} or {@link #PROPOSALS}
     * @return the counter's value now (one statement, in autocommit)
     * @throws IllegalStateException on H2, where there are no counters ({@link #available()})
     * @throws org.springframework.dao.EmptyResultDataAccessException for another name
     */
    public long current(String name) {
        if (!postgres) {
            throw new IllegalStateException("content versions exist only on PostgreSQL");
        }
        return jdbc.queryForObject("select version from content_version where name = ?", Long.class, name);
    }

    /**
     * The version of a family of public pages, whatever the database: on PostgreSQL its counter ({@link #current}),
     * on H2 the one row of {@code h2Sql} (counts, change times and {@link HttpCaching#digest}s of what the pages read),
     * its columns joined with {@code |}, instants as {@link java.time.Instant}s.
     *
     * @param name       {@link #DASHBOARD}, {@link #ACTION_PLAN} or {@link #PROPOSALS}
     * @param h2Sql      the H2 statement, one row
     * @param parameters its named parameters
     * @return the version, one statement in autocommit
     */
    public String current(String name, String h2Sql, SqlParameterSource parameters) {
        if (postgres) {
            return Long.toString(current(name));
        }
        StringBuilder out = new StringBuilder();
        named.query(h2Sql, parameters, rs -> {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                Object value = rs.getObject(i);
                out.append('|').append(value instanceof Timestamp t ? t.toInstant()
                        : value instanceof OffsetDateTime t ? t.toInstant() : value);
            }
        });
        return out.toString();
    }

    /**
     * @return migration V81, for a Flyway configured by hand (tests of the migrations on H2, where it does nothing)
     */
    public static JavaMigration migration() {
        return new Migration();
    }

    /**
     * Flyway migration V81 (a Java migration: triggers only on PostgreSQL): the table {@code content_version} with
     * one row per counter, the function {@code cocrea_raise_content_version()} and, on each table of
     * {@link #TABLES}, a deferred row trigger {@code <table>_content_version} that raises that table's counters.
     */
    @Component
    static class Migration extends PostgreSqlMigration {

        Migration() {
            super("81", "content version counters of the public pages", 81_002);
        }

        @Override
        protected void migratePostgreSql(Connection connection) throws Exception {
            try (Statement st = connection.createStatement()) {
                String schema;
                try (ResultSet rs = st.executeQuery("select pg_catalog.quote_ident(current_schema())")) {
                    rs.next();
                    schema = rs.getString(1);
                }
                st.execute("create table " + schema + ".content_version (name varchar(40) primary key,"
                        + " version bigint not null default 0)");
                st.execute("insert into " + schema + ".content_version (name) values ('" + DASHBOARD + "'), ('"
                        + ACTION_PLAN + "'), ('" + PROPOSALS + "')");
                // Raises each counter once per transaction (a transaction-local setting remembers which), so a
                // statement writing thousands of rows costs one update of the counters, not thousands on one row.
                st.execute("create function " + schema + ".cocrea_raise_content_version() returns trigger"
                        + " language plpgsql as $$"
                        + " declare raised text := coalesce(current_setting('cocrea.content_versions_raised', true),"
                        + " ''); missing text[];"
                        + " begin"
                        + " select array_agg(n) into missing from unnest(tg_argv) n"
                        + " where position(',' || n || ',' in ',' || raised || ',') = 0;"
                        + " if missing is null then return null; end if;"
                        // every counter's row locked in one order by every writer: two commits that raise
                        // different counters cannot deadlock, whatever the order of their tables' events
                        + " perform 1 from " + schema + ".content_version order by name for update;"
                        + " update " + schema + ".content_version set version = version + 1"
                        + " where name = any(missing);"
                        + " perform set_config('cocrea.content_versions_raised', raised || ',' ||"
                        + " array_to_string(missing, ','), true);"
                        + " return null; end $$");
                for (Map.Entry<String, List<String>> table : TABLES.entrySet()) {
                    String on = " on " + schema + "." + table.getKey()
                            + " deferrable initially deferred for each row";
                    String raise = " execute function " + schema + ".cocrea_raise_content_version('"
                            + String.join("', '", table.getValue()) + "')";
                    String shown = SHOWN.get(table.getKey());
                    String name = "create constraint trigger " + table.getKey() + "_content_version";
                    if (shown == null) {
                        st.execute(name + " after insert or update or delete" + on + raise);
                    } else {
                        st.execute(name + "_insert after insert" + on + " when (" + row("new", shown) + ")" + raise);
                        st.execute(name + "_update after update" + on + " when (" + row("old", shown) + " or "
                                + row("new", shown) + ")" + raise);
                        st.execute(name + "_delete after delete" + on + " when (" + row("old", shown) + ")" + raise);
                    }
                }
            }
        }
    }
}
