package org.cocrea.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes H2 (the first-run demo database) count {@code varchar(n)} like PostgreSQL. PostgreSQL counts characters
 * (code points), as {@link org.cocrea.kernel.InputText} does; H2 counts UTF-16 units, so on H2 a name of 150 emoji, which every check
 * accepts, would not fit {@code varchar(150)}. After each Flyway migration on H2 this widens every
 * {@code varchar(n)} column of the application's tables (not Camunda's {@code ACT_*} nor Flyway's history) to
 * {@code 2n} units, which holds
 * any {@code n} code points; the lengths the migrations declared are kept in {@code h2_text_column}, so running again
 * (or after a later migration changed a length) widens each column once. Does nothing on other databases.
 */
@Component
class H2TextColumns implements Callback {

    private static final Logger log = LoggerFactory.getLogger(H2TextColumns.class);
    private static final String MARKER = "h2_text_column";
    /** H2's length of a {@code text} column: left alone. */
    private static final long UNBOUNDED = 1_000_000_000L;

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            widen(context.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not widen the text columns on H2", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "h2-text-columns";
    }

    /**
     * @param connection a connection to the migrated database
     * @return how many columns were widened (0 when the database is not H2)
     * @throws SQLException on a database error
     */
    static int widen(Connection connection) throws SQLException {
        if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2")) {
            return 0;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("create table if not exists " + MARKER + " (table_name varchar(128) not null, "
                    + "column_name varchar(128) not null, declared integer not null, "
                    + "primary key (table_name, column_name))");
        }
        Map<String, Integer> declared = new HashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("select table_name, column_name, declared from " + MARKER)) {
            while (r.next()) {
                declared.put(r.getString(1) + "." + r.getString(2), r.getInt(3));
            }
        }
        record Column(String table, String name, long length) {
        }
        List<Column> columns = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("""
                select c.table_name, c.column_name, c.character_maximum_length
                from information_schema.columns c join information_schema.tables t
                  on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                  and c.data_type = 'CHARACTER VARYING' and upper(c.table_name) not like 'ACT\\_%'
                  and lower(c.table_name) not like '%schema\\_history'
                  and upper(c.table_name) <> upper('""" + MARKER + "')")) {
            while (r.next()) {
                columns.add(new Column(r.getString(1), r.getString(2), r.getLong(3)));
            }
        }
        int widened = 0;
        for (Column c : columns) {
            Integer known = declared.get(c.table() + "." + c.name());
            if (c.length() >= UNBOUNDED / 2 || (known != null && c.length() == 2L * known)) {
                continue;
            }
            try (Statement s = connection.createStatement()) {
                s.execute("alter table \"" + c.table() + "\" alter column \"" + c.name()
                        + "\" set data type varchar(" + (2 * c.length()) + ")");
            }
            try (PreparedStatement delete = connection.prepareStatement("delete from " + MARKER
                    + " where table_name = ? and column_name = ?");
                    PreparedStatement insert = connection.prepareStatement("insert into " + MARKER
                            + " (table_name, column_name, declared) values (?, ?, ?)")) {
                delete.setString(1, c.table());
                delete.setString(2, c.name());
                delete.executeUpdate();
                insert.setString(1, c.table());
                insert.setString(2, c.name());
                insert.setLong(3, c.length());
                insert.executeUpdate();
            }
            widened++;
        }
        if (widened > 0) {
            log.info("H2: widened {} varchar columns to hold their length in characters, as PostgreSQL counts them",
                    widened);
        }
        return widened;
    }
}
