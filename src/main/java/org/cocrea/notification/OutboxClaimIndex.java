package org.cocrea.notification;

import java.sql.Connection;
import java.sql.Statement;

import org.cocrea.kernel.PostgreSqlMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V82 (a Java migration, registered as a bean, because partial indexes exist only on PostgreSQL):
 * {@code mail_outbox_claims}, the claimed rows ({@code status = 'SENDING'}) by the end of their lease, for the
 * outbox sender's check for expired claims at the start of every run ({@link OutboxSender}). The index on
 * {@code (status, next_attempt_at)} served that check by reading every row version that had ever been SENDING until
 * autovacuum removed them: after an open call, tens of thousands per run (found by issue 12's open-call benchmark).
 * On H2 (the first-run demo) the migration does nothing.
 */
@Component
class OutboxClaimIndex extends PostgreSqlMigration {

    OutboxClaimIndex() {
        super("82", "outbox claimed rows by lease", 82_001);
    }

    @Override
    protected void migratePostgreSql(Connection connection) throws Exception {
        try (Statement st = connection.createStatement()) {
            st.execute("create index mail_outbox_claims on mail_outbox (lease_until) where status = 'SENDING'");
        }
    }
}
