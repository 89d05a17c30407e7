package org.cocrea.mailing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A mass mailing's batch on H2 (the first-run demo database), where the outbox rows and the recipients' states are
 * written as JDBC batches instead of PostgreSQL's statements of arrays: every recipient still selected is queued with
 * the outbox row addressed to them, one who unsubscribed after the selection is skipped.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:cocrea-mailing-h2;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=",
        "camunda.bpm.job-execution.enabled=false", "cocrea.scheduling.enabled=false",
        "camunda.bpm.generate-unique-process-engine-name=true", "spring.mail.host=" })
@ActiveProfiles("demo")
class MassMailingH2Tests {

    @Autowired
    MassMailings mailings;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBatchOnH2QueuesEachSelectedRecipientWithTheirOwnMailAndSkipsWhoLeft() {
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < 12; i++) {
            jdbc.update("insert into contact (email, name, language, consent_at, consent_scope, source, subscribed, "
                    + "token, created_at) values (?, ?, ?, ?, 'convocatorias', 'csv', true, ?, ?)",
                    "h2-lote" + i + "@example.org", "Persona " + i, i % 3 == 0 ? "en" : "es", now, "h2lote" + i, now);
        }
        Mailing mailing = mailings.prepare(new MailingDraft("Convocatoria", "Sumate a las mesas.", "Call",
                "Join the round-tables.", "", "https://buenosaires.gob.ar/gobierno-abierto"), null, "equipo");
        long selected = mailings.progress(mailing.getId()).left();
        jdbc.update("update contact set subscribed = false where email = 'h2-lote4@example.org'");

        long left = mailings.queueNextBatch(mailing.getId(), 1_000);

        assertThat(left).isZero();
        assertThat(jdbc.queryForList("select c.email from mailing_recipient r join contact c on c.id = r.contact_id "
                + "where r.mailing_id = ? and r.status = 'SKIPPED'", String.class, mailing.getId()))
                .isEqualTo(List.of("h2-lote4@example.org"));
        assertThat(jdbc.queryForObject("select count(*) from mailing_recipient r join mail_outbox o on "
                + "o.id = r.outbox_id join contact c on c.id = r.contact_id where r.mailing_id = ? and r.status = "
                + "'QUEUED' and o.recipient = c.email and o.list_unsubscribe like '%' || c.token",
                Long.class, mailing.getId())).isEqualTo(selected - 1);
        assertThat(jdbc.queryForObject("select subject from mail_outbox where recipient = 'h2-lote3@example.org'",
                String.class)).contains("Call");
    }
}
