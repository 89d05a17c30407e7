package org.cocrea.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.cocrea.roundtable.RoundTableScheduler;
import org.cocrea.roundtable.RoundTables;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every length rule counts characters one way: Unicode code points (what PostgreSQL's {@code varchar(n)} counts), see
 * {@link InputText}. An emoji is one character (two UTF-16 units): values at each limit written in emoji are stored
 * whole on every public form, one more is refused with the field. Before, a name of 76 emoji passed the proposal check
 * but failed the directory's check (UTF-16 units) and the submission ended in 500; registrations and comments refused
 * emoji names half their limit.
 */
@CocreaIntegrationTest
class CodePointLengthTests {

    /** One code point, two UTF-16 units. */
    private static final String EMOJI = "😀";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    ObjectMapper json;
    @Autowired
    RoundTables roundTables;
    @Autowired
    RoundTableScheduler scheduler;

    JdbcTemplate jdbc;

    @BeforeEach
    void openCall() {
        fixtures.reset();
        fixtures.openCall(Duration.ofDays(2));
        jdbc = fixtures.jdbc();
    }

    private static String emoji(int count) {
        return EMOJI.repeat(count);
    }

    private Map<String, Object> proposal(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", emoji(200));
        body.put("description", emoji(4000));
        body.put("axis", "ambiente");
        body.put("submitterType", "osc-tematica");
        body.put("organization", emoji(200));
        body.put("name", name);
        body.put("email", "emoji@largo.example.org");
        body.put("consent", true);
        return body;
    }

    @Test
    void aNameOf76EmojiIsAProposalAndAContactNotA500() throws Exception {
        mvc.perform(post("/api/proposals").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(proposal(emoji(76))))).andExpect(status().isCreated());
        assertThat(jdbc.queryForObject("select name from contact where email = 'emoji@largo.example.org'",
                String.class)).isEqualTo(emoji(76));
    }

    @Test
    void proposalFieldsAtTheirLimitInEmojiAreStoredWholeAndOneMoreIsRefused() throws Exception {
        mvc.perform(post("/api/proposals").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(proposal(emoji(150))))).andExpect(status().isCreated());
        assertThat(jdbc.queryForMap("select length(title) t, length(description) d, length(organization) o, "
                + "length(contact_name) n from proposal")).containsEntry("t", 200).containsEntry("d", 4000)
                .containsEntry("o", 200).containsEntry("n", 150);
        assertThat(jdbc.queryForObject("select length(name) from organization", Integer.class)).isEqualTo(200);
        assertThat(jdbc.queryForObject("select length(name) from contact", Integer.class)).isEqualTo(150);

        for (String field : List.of("title", "description", "organization", "name")) {
            Map<String, Object> body = proposal(emoji(150));
            body.put(field, ((String) body.get(field)) + EMOJI);
            mvc.perform(post("/api/proposals").contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(body)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(field))
                    .andExpect(jsonPath("$.errors[0].code").value("tooLong"));
        }
        assertThat(jdbc.queryForObject("select count(*) from proposal", Integer.class)).isEqualTo(1);
    }

    @Test
    void subscribingWithANameOf150EmojiIsAccepted() throws Exception {
        mvc.perform(post("/subscribe").with(csrf()).param("email", "emoji@largo.example.org")
                .param("name", emoji(150)).param("organization", emoji(200)).param("organizationType", "academia")
                .param("consent", "true"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("id=\"subscribed\"")));
        mvc.perform(post("/subscribe").with(csrf()).param("email", "otra@largo.example.org")
                .param("name", emoji(151)).param("consent", "true"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("id=\"errors\"")));
        assertThat(jdbc.queryForList("select email from contact", String.class))
                .containsExactly("emoji@largo.example.org");
    }

    @Test
    void registeringWithANameAndOrganisationAtTheirLimitInEmojiIsAccepted() throws Exception {
        long table = roundTables.create(fixtures.openCallId(), "ambiente", null).getId();
        roundTables.confirm(table, scheduler.propose(Duration.ofHours(2), List.of()), 120,
                "https://meet.example.org/ambiente", 10);
        mvc.perform(post("/round-tables/" + table + "/register").with(csrf()).param("name", emoji(150))
                .param("email", "emoji@largo.example.org").param("organization", emoji(200))
                .param("organizationType", "academia").param("consent", "true"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("id=\"registered\"")));
        assertThat(jdbc.queryForMap("select length(name) n, length(organization) o from round_table_registration"))
                .containsEntry("n", 150).containsEntry("o", 200);
        mvc.perform(post("/round-tables/" + table + "/register").with(csrf()).param("name", emoji(151))
                .param("email", "otra@largo.example.org").param("organizationType", "academia")
                .param("consent", "true"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("id=\"errors\"")));
        assertThat(jdbc.queryForObject("select count(*) from round_table_registration", Integer.class)).isEqualTo(1);
    }

    @Test
    void commentingWithANameAndBodyAtTheirLimitInEmojiIsAccepted() throws Exception {
        jdbc.update("""
                insert into commitment (action_plan, co_creation_instance, title_es, start_date, end_date,
                  description, ogp_values, status, axis, lead_area_group, version, comment_deadline)
                values ('ARBA-2021-2023', 1, 'Borrador', date '2026-01-01', date '2026-12-31',
                  'Descripción', 'Transparencia', 'CIRCULATING', 'ambiente', 'area-ambiente', 1, ?)
                """, Timestamp.from(Instant.now().plus(Duration.ofDays(1))));
        long draft = jdbc.queryForObject("select id from commitment", Long.class);
        mvc.perform(post("/drafts/" + draft + "/comments").with(csrf()).param("section", "objective")
                .param("name", emoji(200)).param("organization", emoji(300)).param("email", "emoji@largo.example.org")
                .param("consent", "true").param("body", emoji(4000)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForMap("select length(author_name) n, length(organization) o, length(body) b "
                + "from draft_comment")).containsEntry("n", 200).containsEntry("o", 300).containsEntry("b", 4000);
    }
}
