package org.cocrea.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public pages' version counters on PostgreSQL (migration V81): a committed insert, update or delete of a table
 * raises the counters of the pages that read it and no other, once per transaction; a rolled-back one raises nothing; inside the writing
 * transaction the counter is not raised yet (the triggers run at commit); a follow-up report raises the dashboard's
 * only when it is or was accepted (the monthly fan-out's new reports do not).
 */
@CocreaIntegrationTest
class ContentVersionsTests {

    @Autowired
    ContentVersions versions;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    PlatformTransactionManager transactions;

    JdbcTemplate jdbc;

    @BeforeEach
    void clean() {
        fixtures.reset();
        jdbc = fixtures.jdbc();
    }

    @AfterEach
    void cleanUp() {
        fixtures.reset();
    }

    private Map<String, Long> now() {
        return Map.of(ContentVersions.DASHBOARD, versions.current(ContentVersions.DASHBOARD),
                ContentVersions.ACTION_PLAN, versions.current(ContentVersions.ACTION_PLAN),
                ContentVersions.PROPOSALS, versions.current(ContentVersions.PROPOSALS));
    }

    private long call() {
        return jdbc.queryForObject("""
                insert into call_for_proposals (action_plan, title, axes, opens_at, closes_at, status, created_at)
                values ('ARBA-2021-2023', 'Convocatoria', 'ambiente', current_timestamp, current_timestamp, 'OPEN',
                  current_timestamp) returning id
                """, Long.class);
    }

    @Test
    void aCommittedChangeRaisesTheCountersOfThePagesThatReadTheTable() {
        assertThat(versions.available()).isTrue();
        Map<String, Long> before = now();
        long call = call();
        Map<String, Long> afterCall = now();
        assertThat(afterCall.get(ContentVersions.PROPOSALS)).isEqualTo(before.get(ContentVersions.PROPOSALS) + 1);
        assertThat(afterCall.get(ContentVersions.DASHBOARD)).isEqualTo(before.get(ContentVersions.DASHBOARD));
        assertThat(afterCall.get(ContentVersions.ACTION_PLAN)).isEqualTo(before.get(ContentVersions.ACTION_PLAN));

        // an update that changes nothing visible still raises (a rendering more, never a stale page)
        jdbc.update("update call_for_proposals set title = title where id = ?", call);
        assertThat(now().get(ContentVersions.PROPOSALS)).isEqualTo(before.get(ContentVersions.PROPOSALS) + 2);

        // an area feeds all three; a transaction raises each counter once, however many rows it writes
        Map<String, Long> beforeArea = now();
        int areas = jdbc.update("update area set name_es = name_es where id in (select id from area limit 2)");
        assertThat(areas).isEqualTo(2);
        now().forEach((name, value) -> assertThat(value).as(name).isEqualTo(beforeArea.get(name) + 1));

        jdbc.update("delete from call_for_proposals where id = ?", call);
        assertThat(now().get(ContentVersions.PROPOSALS)).isEqualTo(before.get(ContentVersions.PROPOSALS) + 4);

        // and the next transaction raises again
        Map<String, Long> beforeNext = now();
        jdbc.update("update area set name_es = name_es where id in (select id from area limit 1)");
        now().forEach((name, value) -> assertThat(value).as(name).isEqualTo(beforeNext.get(name) + 1));
    }

    @Test
    void theCounterRisesAtCommitAndNotForARollback() {
        long before = versions.current(ContentVersions.PROPOSALS);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            call();
            assertThat(jdbc.queryForObject("select version from content_version where name = 'proposals'",
                    Long.class)).as("inside the transaction: not yet").isEqualTo(before);
            status.setRollbackOnly();
        });
        assertThat(versions.current(ContentVersions.PROPOSALS)).as("rolled back").isEqualTo(before);
        tx.executeWithoutResult(status -> call());
        assertThat(versions.current(ContentVersions.PROPOSALS)).as("committed").isEqualTo(before + 1);
    }

    @Test
    void onlyAcceptedReportsRaiseTheDashboard() {
        long commitment = jdbc.queryForObject("""
                insert into commitment (code, action_plan, co_creation_instance, title_es, title_en, start_date,
                  end_date, description, ogp_values, status, published_at)
                values ('CV0001', 'ARBA-2021-2023', 1, 'Compromiso', 'Commitment', date '2022-01-01',
                  date '2023-12-31', 'Descripción', 'Transparencia', 'PUBLISHED', current_timestamp) returning id
                """, Long.class);
        long before = versions.current(ContentVersions.DASHBOARD);
        long report = jdbc.queryForObject("insert into follow_up_report (commitment_id, period, status, due_date)"
                + " values (?, date '2022-03-01', 'REQUESTED', date '2022-04-10') returning id", Long.class, commitment);
        jdbc.update("update follow_up_report set status = 'SUBMITTED' where id = ?", report);
        assertThat(versions.current(ContentVersions.DASHBOARD)).as("requested and submitted: not public")
                .isEqualTo(before);
        jdbc.update("update follow_up_report set status = 'ACCEPTED', accepted_at = current_timestamp where id = ?",
                report);
        assertThat(versions.current(ContentVersions.DASHBOARD)).isEqualTo(before + 1);
        jdbc.update("delete from follow_up_report where id = ?", report);
        assertThat(versions.current(ContentVersions.DASHBOARD)).isEqualTo(before + 2);
    }
}
