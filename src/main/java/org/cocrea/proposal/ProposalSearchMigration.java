package org.cocrea.proposal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Savepoint;
import java.sql.Statement;

import org.cocrea.kernel.PostgreSqlMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V70 (a Java migration, registered as a bean, because its statements exist only on PostgreSQL):
 * the Spanish full-text search of the public proposal list ({@link ProposalCatalogue}).
 * <ul>
 * <li>{@code create extension if not exists unaccent}: unaccent is a <em>trusted</em> extension since PostgreSQL 13,
 * so the database's owner (role {@code cocrea}, as {@code .ci/run} and {@code docker-compose.yml} create it) may
 * create it without being superuser. Where that is refused (the contrib package is missing, or the role lacks
 * {@code CREATE} on the database), the migration goes on without it: see below.</li>
 * <li>{@code cocrea_unaccent(text)}: an {@code immutable} wrapper, so that it may appear in an index expression
 * ({@code unaccent()} itself is only {@code stable}, because it reads its dictionary through the search path). It
 * calls {@code unaccent} with the dictionary named with its schema; without the extension it is a
 * {@code translate()} of the Spanish accented letters (á é í ó ú ü ñ and capitals), which is all Spanish texts
 * need.</li>
 * <li>{@code cocrea_proposal_document(title, description)}: the proposal's {@code tsvector} with the
 * {@code spanish} configuration (Snowball stemmer: "datos" and "dato" are both {@code dat}), title weighted A; and a
 * GIN index on it, which the list's query uses because it calls the same expression.</li>
 * </ul>
 * Every name inside the functions is written with its schema, so that a {@code pg_dump} restored with an empty search
 * path rebuilds the index ({@code operations/} backup test). On H2 (the first-run demo) the migration does nothing:
 * the list then searches with {@code lower()} and {@code translate()} {@code like} (see {@link ProposalCatalogue}).
 */
@Component
class ProposalSearchMigration extends PostgreSqlMigration {

    ProposalSearchMigration() {
        super("70", "proposal full text search", 70_001);
    }

    @Override
    protected void migratePostgreSql(Connection connection) throws Exception {
        try (Statement st = connection.createStatement()) {
            String schema = single(st, "select pg_catalog.quote_ident(current_schema())");
            String unaccentSchema = unaccent(connection, st);
            String body = unaccentSchema == null
                    ? "select pg_catalog.translate($1, 'áéíóúüñÁÉÍÓÚÜÑ', 'aeiouunAEIOUUN')"
                    : "select " + unaccentSchema + ".unaccent('" + unaccentSchema + ".unaccent'::regdictionary, $1)";
            st.execute("create or replace function " + schema + ".cocrea_unaccent(text) returns text"
                    + " language sql immutable strict parallel safe as $$ " + body + " $$");
            st.execute("create or replace function " + schema
                    + ".cocrea_proposal_document(title text, description text) returns tsvector"
                    + " language sql immutable parallel safe as $$"
                    + " select pg_catalog.setweight(pg_catalog.to_tsvector('pg_catalog.spanish'::regconfig, "
                    + schema + ".cocrea_unaccent(coalesce(title, ''))), 'A')"
                    + " || pg_catalog.to_tsvector('pg_catalog.spanish'::regconfig, " + schema
                    + ".cocrea_unaccent(coalesce(description, ''))) $$");
            st.execute("create index proposal_search on proposal using gin (cocrea_proposal_document(title,"
                    + " description))");
        }
    }

    /** @return the schema of the unaccent extension, created if possible; null when it cannot be created */
    private static String unaccent(Connection connection, Statement st) throws Exception {
        Savepoint before = connection.setSavepoint();
        try {
            st.execute("create extension if not exists unaccent");
            connection.releaseSavepoint(before);
        } catch (java.sql.SQLException e) {
            connection.rollback(before);
            return null;
        }
        return single(st, "select pg_catalog.quote_ident(n.nspname) from pg_catalog.pg_extension e join pg_catalog.pg_namespace n"
                + " on n.oid = e.extnamespace where e.extname = 'unaccent'");
    }

    private static String single(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
