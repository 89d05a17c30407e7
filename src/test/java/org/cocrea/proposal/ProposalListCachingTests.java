package org.cocrea.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.KeptRenderings;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * HTTP caching of the public proposal list and its open data on PostgreSQL (issue 12, benchmark 5): an anonymous
 * response has a strong ETag; {@code If-None-Match} gets a 304, and a second reader the bytes rendered for the first,
 * after the list's data version alone (1 statement, whatever the size of the list: a request given a validator or a
 * rendering before was valid for that version); a new
 * reasoned response, a routed proposal or a renamed round-table is a new ETag and shows at once; a 400 and a
 * logged-in user's page carry no validator. Data: {@link PublicProposalListTestData}.
 */
@CocreaIntegrationTest
class ProposalListCachingTests {

    private static final List<String> URLS = List.of("/proposals", "/proposals?q=presupuesto",
            "/proposals?axis=ambiente&page=1", "/api/proposals", "/api/proposals?status=RESPONDED",
            "/api/proposals.csv", "/proposals.csv");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestFixtures fixtures;

    @BeforeEach
    void scenario() {
        fixtures.reset();
        new PublicProposalListTestData(fixtures.jdbc()).write();
    }

    @AfterEach
    void cleanUp() {
        fixtures.reset();
    }

    @Test
    void aRepeatedReadGetsA304AndAnotherReaderTheSameBytesWithoutReadingTheList() throws Exception {
        for (String url : URLS) {
            String etag = KeptRenderings.secondReaderGetsTheSameBytes(mvc, url, 1).getHeader("ETag");

            MockHttpServletResponse again = mvc.perform(get(url).header("If-None-Match", etag)).andReturn()
                    .getResponse();
            assertThat(again.getStatus()).as(url).isEqualTo(304);
            assertThat(again.getContentAsByteArray()).as(url).isEmpty();
            assertThat(again.getHeaders("Vary")).as(url).containsOnlyOnce("Accept-Language, Cookie");
        }
    }

    @Test
    void whatHappensToAProposalIsSeenAtOnce() throws Exception {
        String list = etag("/proposals?q=censo");
        String api = etag("/api/proposals");
        // the area answers P4 (as Stage 1 does: routed, reviewed, reasoned response sent)
        fixtures.jdbc().update("update proposal set status = 'RESPONDED', area_group = 'area-ambiente', verdict = "
                + "'feasible', response_text = 'Respuesta nueva del área', response_sent_at = current_timestamp "
                + "where tracking_code = ?", PublicProposalListTestData.P4);
        MockHttpServletResponse page = mvc.perform(get("/proposals?q=censo").header("If-None-Match", list))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getHeader("ETag")).isNotEqualTo(list);
        assertThat(page.getContentAsString()).contains("Respondida");
        MockHttpServletResponse data = mvc.perform(get("/api/proposals")).andReturn().getResponse();
        assertThat(data.getHeader("ETag")).isNotEqualTo(api);
        assertThat(data.getContentAsString()).contains("Respuesta nueva del área");

        // a round-table renamed in place: the proposals prioritised for it link to it by its title
        String before = etag("/api/proposals");
        fixtures.jdbc().update("update round_table set title = 'Mesa renombrada'");
        assertThat(etag("/api/proposals")).isNotEqualTo(before);
    }

    @Test
    void refusedAndLoggedInResponsesCarryNoValidator() throws Exception {
        for (String url : List.of("/proposals?status=NOPE", "/api/proposals?status=NOPE", "/proposals?page=dos")) {
            // twice: a refused request is not kept, and an ETag it never had does not make it a 304
            mvc.perform(get(url)).andReturn();
            MockHttpServletResponse refused = mvc.perform(get(url).header("If-None-Match", etag("/proposals")))
                    .andReturn().getResponse();
            assertThat(refused.getStatus()).as(url).isEqualTo(400);
            assertThat(refused.getHeader("ETag")).as(url).isNull();
            assertThat(refused.getHeader("Cache-Control")).as(url).doesNotContain("public");
        }
        String etag = etag("/proposals");
        MockHttpServletResponse staff = mvc.perform(get("/proposals").header("If-None-Match", etag)
                .with(user("equipo"))).andReturn().getResponse();
        assertThat(staff.getStatus()).isEqualTo(200);
        assertThat(staff.getHeader("ETag")).isNull();
        assertThat(staff.getContentAsString()).contains("title=\"equipo\"");
    }

    private String etag(String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        assertThat(response.getHeader("ETag")).as(url).isNotNull();
        return response.getHeader("ETag");
    }
}
