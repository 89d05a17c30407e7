package org.cocrea.kernel;

import java.sql.Connection;
import java.util.Locale;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway Java migration whose statements exist only on PostgreSQL (expression and GIN indexes, extensions); on H2,
 * the first-run demo's database, it is recorded as applied and does nothing. Subclasses are Spring beans, which
 * Spring Boot hands to Flyway beside the SQL scripts of {@code db/migration}.
 */
public abstract class PostgreSqlMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;
    private final int checksum;

    /**
     * @param version     the migration's version, e.g. {@code "76"}; it must not clash with a script's
     * @param description what it does, for Flyway's history table
     * @param checksum    a fixed number: change it only with the statements, as Flyway validates it against the
     *                    history
     */
    protected PostgreSqlMigration(String version, String description, int checksum) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
        this.checksum = checksum;
    }

    /**
     * Runs the PostgreSQL statements, in Flyway's transaction.
     *
     * @param connection the migration's connection (PostgreSQL)
     * @throws Exception any failure, which fails the migration (and the start)
     */
    protected abstract void migratePostgreSql(Connection connection) throws Exception;

    @Override
    public final MigrationVersion getVersion() {
        return version;
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return checksum;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public final void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            migratePostgreSql(connection);
        }
    }
}
