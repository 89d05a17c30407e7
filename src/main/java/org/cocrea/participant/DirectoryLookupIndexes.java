package org.cocrea.participant;

import java.sql.Connection;
import java.sql.Statement;

import org.cocrea.kernel.PostgreSqlMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V76 (a Java migration, registered as a bean, because expression indexes exist only on
 * PostgreSQL): indexes for the directory's two case-insensitive lookups, which run for every proposal whose author
 * consents to join the directory and for every imported contact. Spring Data writes {@code findByEmailIgnoreCase}
 * and {@code findFirstByNameIgnoreCaseOrderByIdAsc} as {@code upper(column) = upper(?)}, which the unique indexes on
 * {@code contact.email} and {@code organization.name} cannot serve: without these, each lookup read the whole table
 * (found by issue 12's Stage 1 benchmark; with a directory of 100,000 contacts, every submission scanned all of them).
 * On H2 (the first-run demo, a few hundred rows) the migration does nothing.
 */
@Component
class DirectoryLookupIndexes extends PostgreSqlMigration {

    DirectoryLookupIndexes() {
        super("76", "directory case-insensitive lookup indexes", 76_001);
    }

    @Override
    protected void migratePostgreSql(Connection connection) throws Exception {
        try (Statement st = connection.createStatement()) {
            st.execute("create index contact_email_upper on contact (upper(email))");
            st.execute("create index organization_name_upper on organization (upper(name))");
        }
    }
}
