package org.cocrea.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.SqlStatements;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Lists of people read their axes, topics and organisations a batch at a time
 * ({@code hibernate.default_batch_fetch_size}), not one person at a time: the staff directory's 200 newest and a
 * round-table's invitations to an axis's subscribers (with a directory of 100,000, about 14,000 people per axis, two
 * more selects for each of them before).
 */
@CocreaIntegrationTest
class DirectoryFetchTests {

    private static final int PEOPLE = 120;

    @Autowired
    TestFixtures fixtures;
    @Autowired
    Contacts contacts;

    @BeforeEach
    void people() {
        fixtures.reset();
        Timestamp now = Timestamp.from(Instant.now());
        for (int o = 0; o < 30; o++) {
            fixtures.jdbc().update("insert into organization (name, type, created_at) values (?, 'osc-tematica', ?)",
                    "Organización " + o, now);
        }
        for (int i = 0; i < PEOPLE; i++) {
            fixtures.jdbc().update("insert into contact (email, name, language, consent_at, consent_scope, source, "
                    + "subscribed, token, created_at, organization_id) values (?, ?, 'es', ?, 'convocatorias', 'csv', "
                    + "true, ?, ?, (select id from organization where name = ?))", "persona" + i + "@example.org",
                    "Persona " + i, now, "token-lista-" + i, now, "Organización " + (i % 30));
        }
        fixtures.jdbc().update("insert into contact_axis (contact_id, axis) select id, 'ambiente' from contact");
        fixtures.jdbc().update("insert into contact_topic (contact_id, topic) select id, 'arbolado' from contact");
    }

    @Test
    void theNewestPeopleAreReadWithTheirOrganisationsAxesAndTopicsInAFewStatements() {
        SqlStatements.reset();
        List<Contact> latest = contacts.latest();
        long statements = SqlStatements.count();

        assertThat(latest).hasSize(PEOPLE);
        assertThat(latest).allSatisfy(c -> {
            assertThat(c.getAxes()).containsExactly("ambiente");
            assertThat(c.getTopics()).containsExactly("arbolado");
            assertThat(c.getOrganization().getName()).startsWith("Organización ");
        });
        // the people, then batches of axes, of topics and of organisations (271 before: the people, two selects per
        // person, one per organisation)
        assertThat(statements).as("statements for the 200 newest").isLessThanOrEqualTo(10);
    }

    @Test
    void anAxisSubscribersAreReadWithTheirAxesAndTopicsInAFewStatements() {
        SqlStatements.reset();
        List<Contact> subscribers = contacts.mailableOfAxis("ambiente");
        long statements = SqlStatements.count();

        assertThat(subscribers).hasSize(PEOPLE);
        assertThat(subscribers).allSatisfy(c -> assertThat(c.getTopics()).containsExactly("arbolado"));
        // 241 before: the people, then two selects per person
        assertThat(statements).as("statements for an axis's subscribers").isLessThanOrEqualTo(10);
    }
}
