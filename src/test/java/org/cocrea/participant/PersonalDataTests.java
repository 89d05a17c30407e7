package org.cocrea.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.cocrea.community.Communities;
import org.cocrea.community.Community;
import org.cocrea.community.CommunityEvent;
import org.cocrea.community.CommunityRegistrations;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The directory's export and erasure (Ley 25.326 arts. 14 and 16) reach the personal data other features keep under
 * the same address: follows, round-table registrations and community event registrations are listed in
 * {@code /my-data/{token}/export}; the erasure deletes the follows and anonymises the registrations (their organisation
 * type stays, so participation counts do not change; a registration to an upcoming event ends and frees its seat).
 */
@CocreaIntegrationTest
class PersonalDataTests {

    private static final String ANA = "ana.datos@example.org";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    Contacts contacts;
    @Autowired
    Communities communities;
    @Autowired
    CommunityRegistrations registrations;

    private String token;

    @BeforeEach
    void data() {
        fixtures.reset();
        fixtures.openCall(Duration.ofDays(5));
        token = contacts.register(new ContactInput(ANA, "Ana Datos", null, null, Set.of("datos-abiertos"), Set.of(),
                "es", Instant.now(), "directory"), "test").getToken();
        Instant now = Instant.now();
        fixtures.jdbc().update("""
                insert into follow (email, target_type, target_key, frequency, language, token, consent_at,
                    consent_version, requested_at, confirmed_at)
                values (?, 'PROPOSAL', 'CC-AAAA1111', 'EACH', 'es', ?, ?, 'following-consent-v1', ?, ?)""",
                ANA, UUID.randomUUID().toString().replace("-", ""), Timestamp.from(now), Timestamp.from(now),
                Timestamp.from(now));
        long table = ((Number) fixtures.jdbc().queryForMap("""
                insert into round_table (call_id, axis, title, starts_at, duration_minutes, capacity, status, ical_uid,
                    ical_sequence, created_at)
                values (?, 'datos-abiertos', 'Mesa de datos abiertos', ?, 120, 40, 'HELD', ?, 0, ?) returning id""",
                fixtures.openCallId(), Timestamp.from(now.minus(Duration.ofDays(3))), UUID.randomUUID() + "@cocrea",
                Timestamp.from(now)).get("id")).longValue();
        fixtures.jdbc().update("""
                insert into round_table_registration (round_table_id, name, email, organization, organization_type,
                    status, attended, consent_at, created_at)
                values (?, 'Ana Datos', ?, 'Datos Org', 'osc-tematica', 'REGISTERED', true, ?, ?)""",
                table, ANA, Timestamp.from(now), Timestamp.from(now));
        Community c = communities.create(new Communities.CommunityInput("", "Reutilización de datos abiertos", "",
                "Encuentros.", ""), "equipo");
        CommunityEvent e = communities.schedule(c.getSlug(), new Communities.EventInput("Taller", "",
                communities.proposeStart(c).toString(), 120, "Sala 1", 10), "equipo");
        registrations.register(e.getId(), "Ana Datos", ANA, "Datos Org", "osc-tematica", true,
                Locale.forLanguageTag("es"));
    }

    @AfterEach
    void cleanUp() {
        fixtures.reset();
    }

    @Test
    void theExportListsFollowsAndRegistrations() throws Exception {
        mvc.perform(get("/my-data/" + token + "/export")).andExpect(status().isOk())
                .andExpect(jsonPath("$.follows", hasSize(1)))
                .andExpect(jsonPath("$.follows[0].page").value("/proposals/CC-AAAA1111"))
                .andExpect(jsonPath("$.follows[0].consentVersion").value("following-consent-v1"))
                .andExpect(jsonPath("$.roundTableRegistrations", hasSize(1)))
                .andExpect(jsonPath("$.roundTableRegistrations[0].roundTable").value("Mesa de datos abiertos"))
                .andExpect(jsonPath("$.roundTableRegistrations[0].organization").value("Datos Org"))
                .andExpect(jsonPath("$.communityRegistrations", hasSize(1)))
                .andExpect(jsonPath("$.communityRegistrations[0].event").value("Taller"))
                .andExpect(jsonPath("$.communityRegistrations[0].community").value("reutilizacion-de-datos-abiertos"))
                .andExpect(jsonPath("$.communityRegistrations[0].status").value("REGISTERED"));
    }

    @Test
    void theErasureDeletesFollowsAndAnonymisesRegistrations() throws Exception {
        mvc.perform(post("/my-data/" + token + "/erase").with(csrf())).andExpect(status().isOk());
        assertThat(count("select count(*) from follow where email = ?")).isZero();
        assertThat(count("select count(*) from round_table_registration where email = ? or name = 'Ana Datos'"))
                .isZero();
        assertThat(count("select count(*) from community_event_registration where email = ? or name = 'Ana Datos'"))
                .isZero();
        assertThat(fixtures.jdbc().queryForObject("select count(*) from round_table_registration"
                + " where organization_type = 'osc-tematica' and attended and organization is null", Long.class))
                .as("the round-table's participation counts stay").isEqualTo(1);
        assertThat(fixtures.jdbc().queryForObject("select count(*) from community_event_registration"
                + " where status = 'CANCELLED' and organization_type = 'osc-tematica'", Long.class))
                .as("the upcoming event's seat is freed, the organisation type kept").isEqualTo(1);
    }

    private long count(String sql) {
        return sql.contains("?") ? fixtures.jdbc().queryForObject(sql, Long.class, ANA)
                : fixtures.jdbc().queryForObject(sql, Long.class);
    }
}
