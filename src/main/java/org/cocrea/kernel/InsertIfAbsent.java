package org.cocrea.kernel;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Inserts a row unless a row with the same unique key already exists, inside the caller's transaction and without
 * breaking it, so that two requests storing the same new e-mail address or organisation at the same moment (two
 * browsers, two nodes) both succeed: one inserts, the other finds the row. Used by the directory (a contact, an
 * organisation) and by following (a follow of an address and page).
 * <p>
 * On PostgreSQL this is {@code INSERT ... ON CONFLICT (key) DO NOTHING}: when another transaction inserted the same
 * key and has not committed yet, the statement waits for it and then does nothing (or inserts, if the other one rolled
 * back). A unique violation would abort the whole PostgreSQL transaction, so catching it is not an option there. On
 * other databases (H2, the first-run default) the plain insert runs under a savepoint and a unique violation (SQL
 * state {@code 23505}) rolls back to it.
 */
@Component
public class InsertIfAbsent {

    private static final String UNIQUE_VIOLATION = "23505";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private volatile Boolean postgres;

    /**
     * @param jdbc the application's database
     */
    public InsertIfAbsent(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
    }

    /**
     * @param table  table name (a constant of the calling code, never input)
     * @param key    the column of the unique key, or its columns separated by commas for a key of several (e.g.
     *               {@code email, target_type, target_key}); a constant of the calling code
     * @param values column name to value, in insert order; must hold {@code key}
     * @return whether this call inserted the row (false: a row with that key already existed or was inserted by a
     *         concurrent transaction that has committed)
     * @throws org.springframework.dao.DataAccessException on any other database error (a violation of another
     *                                                     constraint is not swallowed)
     */
    public boolean insert(String table, String key, Map<String, ?> values) {
        List<String> columns = new ArrayList<>(values.keySet());
        List<Object> args = new ArrayList<>(values.values());
        String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        if (isPostgres()) {
            return jdbc.update(sql + " on conflict (" + key + ") do nothing", args.toArray()) == 1;
        }
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) con -> insertUnderSavepoint(con, sql,
                args)));
    }

    private static boolean insertUnderSavepoint(Connection con, String sql, List<Object> args) throws SQLException {
        Savepoint savepoint = con.getAutoCommit() ? null : con.setSavepoint();
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                StatementCreatorUtils.setParameterValue(ps, i + 1, StatementCreatorUtils.javaTypeToSqlParameterType(
                        args.get(i) == null ? Object.class : args.get(i).getClass()), args.get(i));
            }
            ps.executeUpdate();
            if (savepoint != null) {
                con.releaseSavepoint(savepoint);
            }
            return true;
        } catch (SQLException e) {
            if (savepoint != null) {
                con.rollback(savepoint);
            }
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** @return whether the database is PostgreSQL */
    public boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            try {
                String product = JdbcUtils.extractDatabaseMetaData(dataSource,
                        DatabaseMetaData::getDatabaseProductName);
                known = product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
            } catch (MetaDataAccessException e) {
                known = false;
            }
            postgres = known;
        }
        return known;
    }
}
