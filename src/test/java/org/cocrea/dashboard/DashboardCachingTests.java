package org.cocrea.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import jakarta.servlet.http.Cookie;

import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.KeptRenderings;
import org.cocrea.support.SqlStatements;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * HTTP validation caching of the dashboard on PostgreSQL: an anonymous response has a strong ETag,
 * {@code Cache-Control: public, no-cache} and {@code Vary: Accept-Language, Cookie}; repeating it with
 * {@code If-None-Match} gets a 304 with no body after one statement (the data version); the ETag changes when a
 * report is accepted or a commitment published, and per language (browser or cookie); a logged-in user's response,
 * a {@code ?lang=} response and a 400 carry no validator and no public caching. A second anonymous reader gets the
 * bytes rendered for the first after one statement ({@link org.cocrea.kernel.RenderedResponses}).
 */
@CocreaIntegrationTest
class DashboardCachingTests {

    private static final List<String> URLS = List.of("/dashboard", "/dashboard?axis=ambiente", "/dashboard/T0001",
            "/dashboard/T0001?page=2", "/api/dashboard", "/api/dashboard?status=COMPLETED", "/api/dashboard.csv",
            "/dashboard/feed");

    @Autowired
    TestFixtures fixtures;
    @Autowired
    MockMvc mvc;

    JdbcTemplate jdbc;

    @BeforeEach
    void scenario() {
        fixtures.reset();
        jdbc = fixtures.jdbc();
        new DashboardTestData(jdbc).smallScenario();
    }

    @Test
    void repeatedRequestsGet304WithoutReadingThePage() throws Exception {
        for (String url : URLS) {
            MockHttpServletResponse first = mvc.perform(get(url)).andReturn().getResponse();
            assertThat(first.getStatus()).as(url).isEqualTo(200);
            String etag = first.getHeader("ETag");
            assertThat(etag).as(url).matches("\"[0-9a-f]{32}\"");
            assertThat(first.getHeader("Cache-Control")).as(url).isEqualTo("public, no-cache");
            assertThat(first.getHeaders("Vary")).as(url).contains("Accept-Language, Cookie");

            SqlStatements.reset();
            MockHttpServletResponse again = mvc.perform(get(url).header("If-None-Match", etag)).andReturn()
                    .getResponse();
            assertThat(again.getStatus()).as(url).isEqualTo(304);
            assertThat(again.getContentAsByteArray()).as(url).isEmpty();
            assertThat(again.getHeader("ETag")).as(url).isEqualTo(etag);
            assertThat(SqlStatements.count()).as(url + ": only the data version is read").isEqualTo(1);

            assertThat(mvc.perform(get(url).header("If-None-Match", "\"other\"")).andReturn().getResponse()
                    .getStatus()).as(url).isEqualTo(200);
        }
        // different pages of the same data have different validators
        assertThat(etag("/dashboard")).isNotEqualTo(etag("/dashboard?axis=ambiente"))
                .isNotEqualTo(etag("/api/dashboard"));
    }

    @Test
    void aSecondReaderGetsTheRenderedBytesAfterOneStatement() throws Exception {
        for (String url : URLS) {
            KeptRenderings.secondReaderGetsTheSameBytes(mvc, url, 1);
        }
        // another language is another rendering
        assertThat(mvc.perform(get("/dashboard").header("Accept-Language", "en")).andReturn().getResponse()
                .getContentAsString()).contains("lang=\"en\"");
        // a logged-in user's page is rendered for them (their name, staff links), never taken from the cache
        SqlStatements.reset();
        String staff = mvc.perform(get("/dashboard").with(user("equipo"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(SqlStatements.count()).isGreaterThan(1);
        assertThat(staff).contains("title=\"equipo\"");
        assertThat(mvc.perform(get("/dashboard")).andReturn().getResponse().getContentAsString())
                .doesNotContain("title=\"equipo\"");
    }

    @Test
    void acceptingAReportChangesTheETag() throws Exception {
        List<String> before = URLS.stream().map(this::etagUnchecked).toList();
        // T0001's March report (SUBMITTED) is accepted, as the follow-up review does it
        long report = jdbc.queryForObject("select r.id from follow_up_report r join commitment c on c.id = "
                + "r.commitment_id where c.code = 'T0001' and r.status = 'SUBMITTED'", Long.class);
        jdbc.update("update follow_up_report set status = 'ACCEPTED', accepted_at = current_timestamp where id = ?",
                report);
        jdbc.update("update milestone set last_report_id = ?, status = 'COMPLETED', percent_complete = 100 where "
                + "commitment_id = (select id from commitment where code = 'T0001')", report);
        for (int i = 0; i < URLS.size(); i++) {
            MockHttpServletResponse response = mvc.perform(get(URLS.get(i)).header("If-None-Match", before.get(i)))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(URLS.get(i)).isEqualTo(200);
            assertThat(response.getHeader("ETag")).as(URLS.get(i)).isNotEqualTo(before.get(i));
        }
        assertThat(mvc.perform(get("/dashboard/T0001")).andReturn().getResponse().getContentAsString())
                .contains("SECRETO-SUBMITTED");
    }

    @Test
    void publishingACommitmentChangesTheETag() throws Exception {
        String list = etag("/dashboard");
        String api = etag("/api/dashboard");
        jdbc.update("update commitment set status = 'PUBLISHED', code = 'T0009', published_at = current_timestamp "
                + "where title_es = 'BORRADOR-OCULTO'");
        MockHttpServletResponse response = mvc.perform(get("/dashboard").header("If-None-Match", list)).andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("T0009");
        assertThat(response.getHeader("ETag")).isNotEqualTo(list);
        assertThat(mvc.perform(get("/api/dashboard").header("If-None-Match", api)).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
    }

    @Test
    void eachLanguageHasItsOwnETag() throws Exception {
        for (String url : URLS) {
            String es = etag(url);
            MockHttpServletResponse en = mvc.perform(get(url).header("Accept-Language", "en")).andReturn()
                    .getResponse();
            assertThat(en.getHeader("ETag")).as(url).isNotNull().isNotEqualTo(es);
            String byCookie = mvc.perform(get(url).cookie(new Cookie("cocrea-lang", "en"))).andReturn().getResponse()
                    .getHeader("ETag");
            assertThat(byCookie).as(url).isEqualTo(en.getHeader("ETag"));
            // the Spanish copy is not current for an English reader
            assertThat(mvc.perform(get(url).cookie(new Cookie("cocrea-lang", "en")).header("If-None-Match", es))
                    .andReturn().getResponse().getStatus()).as(url).isEqualTo(200);
        }
        assertThat(mvc.perform(get("/dashboard").cookie(new Cookie("cocrea-lang", "en"))).andReturn().getResponse()
                .getContentAsString()).contains("lang=\"en\"");
    }

    @Test
    void aLanguageCookieOfAThirdLanguageIsReadAsSpanishOrEnglishAndCannotChangeWhatTheNextReaderGets()
            throws Exception {
        for (String url : List.of("/dashboard", "/dashboard/T0001", "/dashboard?axis=ambiente")) {
            // the first reader of this version brings a cookie no page exists in
            MockHttpServletResponse russian = mvc.perform(get(url).cookie(new Cookie("cocrea-lang", "ru")))
                    .andReturn().getResponse();
            assertThat(russian.getStatus()).as(url).isEqualTo(200);
            assertThat(russian.getHeader("Content-Language")).as(url).isEqualTo("es");
            assertThat(russian.getContentAsString()).as(url).contains("lang=\"es\"").doesNotContain("lang=\"ru\"");
            MockHttpServletResponse plain = mvc.perform(get(url)).andReturn().getResponse();
            assertThat(plain.getHeader("Content-Language")).as(url).isEqualTo("es");
            assertThat(plain.getContentAsString()).as(url).isEqualTo(russian.getContentAsString());

            MockHttpServletResponse british = mvc.perform(get(url).cookie(new Cookie("cocrea-lang", "en-GB")))
                    .andReturn().getResponse();
            assertThat(british.getHeader("Content-Language")).as(url).isEqualTo("en");
            assertThat(mvc.perform(get(url).header("Accept-Language", "en")).andReturn().getResponse()
                    .getContentAsString()).as(url).isEqualTo(british.getContentAsString());
        }
        // ?lang= renders the page it is on in that language, and one of a third language stores a supported one
        assertThat(mvc.perform(get("/dashboard?lang=en")).andReturn().getResponse().getContentAsString())
                .contains("lang=\"en\"");
        assertThat(mvc.perform(get("/dashboard?lang=de")).andReturn().getResponse().getCookie("cocrea-lang")
                .getValue()).isEqualTo("es");
        assertThat(mvc.perform(get("/dashboard?lang=en-GB")).andReturn().getResponse().getCookie("cocrea-lang")
                .getValue()).isEqualTo("en");
        // a cookie that is no locale is ignored
        MockHttpServletResponse garbage = mvc.perform(get("/dashboard").cookie(new Cookie("cocrea-lang", "<x>")))
                .andReturn().getResponse();
        assertThat(garbage.getStatus()).isEqualTo(200);
        assertThat(garbage.getHeader("Content-Language")).isEqualTo("es");
    }

    @Test
    void aQueryOfNullIsNotThePlainPage() throws Exception {
        assertThat(etag("/dashboard/T0001?null")).isNotEqualTo(etag("/dashboard/T0001"));
        assertThat(mvc.perform(get("/dashboard/T0001")).andReturn().getResponse().getContentAsString())
                .doesNotContain("?null&amp;lang=");
    }

    @Test
    void loggedInLanguageSwitchAndRefusedResponsesAreNotCached() throws Exception {
        String etag = etag("/dashboard");
        MockHttpServletResponse staff = mvc.perform(get("/dashboard").header("If-None-Match", etag)
                .with(user("equipo"))).andReturn().getResponse();
        assertThat(staff.getStatus()).isEqualTo(200);
        assertThat(staff.getHeader("ETag")).isNull();
        assertThat(staff.getHeader("Last-Modified")).isNull();
        assertThat(staff.getHeader("Cache-Control")).doesNotContain("public").contains("no-store");

        MockHttpServletResponse switching = mvc.perform(get("/dashboard?lang=en")).andReturn().getResponse();
        assertThat(switching.getStatus()).isEqualTo(200);
        assertThat(switching.getHeader("ETag")).isNull();
        assertThat(switching.getHeader("Cache-Control")).doesNotContain("public");

        for (String url : List.of("/dashboard?status=NOPE", "/api/dashboard?status=NOPE", "/dashboard/T0001?page=x")) {
            MockHttpServletResponse refused = mvc.perform(get(url)).andReturn().getResponse();
            assertThat(refused.getStatus()).as(url).isEqualTo(400);
            assertThat(refused.getHeader("ETag")).as(url).isNull();
            assertThat(refused.getHeader("Cache-Control")).as(url).doesNotContain("public");
        }
    }

    private String etag(String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        assertThat(response.getHeader("ETag")).as(url).isNotNull();
        return response.getHeader("ETag");
    }

    private String etagUnchecked(String url) {
        try {
            return etag(url);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
