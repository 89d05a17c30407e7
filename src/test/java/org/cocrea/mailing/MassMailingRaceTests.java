package org.cocrea.mailing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import org.cocrea.participant.Contacts;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.LockRaces;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mass mailing's batch against what may run beside it, on PostgreSQL, each race made certain rather than hoped
 * for: the batch has run its statements and holds its locks, uncommitted, while the other transaction runs, and
 * commits only once that one waits on a lock or has finished. A second batch of the same mailing (a job whose lock
 * expired, a second node) mails nobody twice; an erasure (Ley 25.326, art. 16) that commits while a batch is writing
 * a mail to the person still leaves no mail to them in the outbox. Both failed before: 100 rows for 50 people, and the
 * erased person's mail kept (found by a helper's attack on the batch).
 */
@CocreaIntegrationTest
class MassMailingRaceTests {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @Autowired
    TestFixtures fixtures;
    @Autowired
    MassMailings mailings;
    @Autowired
    Contacts contacts;
    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void reset() {
        fixtures.reset();
    }

    @Test
    void aSecondBatchOfTheSameMailingAtTheSameTimeMailsNobodyTwice() throws Exception {
        insertContacts(50);
        Mailing mailing = prepare();

        whileTheBatchHoldsItsLocks(mailing, () -> tx.executeWithoutResult(s ->
                mailings.queueNextBatch(mailing.getId(), 500)));

        assertThat(fixtures.jdbc().queryForObject("select count(*) from mail_outbox", Long.class)).isEqualTo(50);
        assertThat(fixtures.jdbc().queryForObject("select count(distinct recipient) from mail_outbox", Long.class))
                .isEqualTo(50);
        assertThat(fixtures.jdbc().queryForObject("select count(*) from mailing_recipient r join mail_outbox o on "
                + "o.id = r.outbox_id join contact c on c.id = r.contact_id where r.status = 'QUEUED' and "
                + "o.recipient = c.email", Long.class)).isEqualTo(50);
    }

    @Test
    void anErasureWhileABatchWritesTheirMailLeavesNoMailToThePerson() throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        fixtures.jdbc().update("insert into contact (email, name, language, consent_at, consent_scope, source, "
                + "subscribed, token, created_at) values ('borrar@example.org', 'Borrar Me', 'es', ?, "
                + "'convocatorias', 'csv', true, ?, ?)", now, TOKEN, now);
        Mailing mailing = prepare();

        whileTheBatchHoldsItsLocks(mailing, () -> tx.executeWithoutResult(s -> contacts.erase(TOKEN)));

        assertThat(fixtures.jdbc().queryForObject("select erased_at is not null from contact", Boolean.class))
                .isTrue();
        assertThat(fixtures.jdbc().queryForObject("select count(*) from mail_outbox where recipient = "
                + "'borrar@example.org' or body_html like '%Borrar%' or body_html like '%" + TOKEN + "%'",
                Long.class)).as("mails to the erased person").isZero();
    }

    private void whileTheBatchHoldsItsLocks(Mailing mailing, Runnable other) throws Exception {
        LockRaces.secondWhileFirstHoldsItsLocks(tx, fixtures.jdbc(), () -> mailings.queueNextBatch(mailing.getId(),
                500), other);
    }

    private Mailing prepare() {
        return mailings.prepare(new MailingDraft("Convocatoria", "Sumate a las mesas.", "Call",
                "Join the round-tables.", "", "https://buenosaires.gob.ar/gobierno-abierto"), null, "equipo");
    }

    private void insertContacts(int count) {
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < count; i++) {
            fixtures.jdbc().update("insert into contact (email, name, language, consent_at, consent_scope, source, "
                    + "subscribed, token, created_at) values (?, ?, 'es', ?, 'convocatorias', 'csv', true, ?, ?)",
                    "carrera" + i + "@example.org", "Persona " + i, now, "carrera-token-" + i, now);
        }
    }
}
