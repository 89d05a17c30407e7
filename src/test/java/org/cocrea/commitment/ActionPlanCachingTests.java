package org.cocrea.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.KeptRenderings;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * HTTP validation caching of the published action plan (HTML, PDF, JSON, CSV) on PostgreSQL: 304 on a repeated
 * anonymous request, a new ETag after a commitment is published, its lead area reassigned or an endorsement recorded,
 * one ETag per language, and no validator for a logged-in user.
 */
@CocreaIntegrationTest
class ActionPlanCachingTests {

    private static final List<String> URLS = List.of("/action-plan", "/action-plan.pdf", "/api/action-plan",
            "/api/action-plan.csv");

    @Autowired
    ActionPlan plan;
    @Autowired
    Endorsements endorsements;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    MockMvc mvc;

    @BeforeEach
    void importTheRealCommitments() throws Exception {
        fixtures.reset();
        try (InputStream in = new ClassPathResource("data/ba-2021-2023-commitments.json").getInputStream()) {
            assertThat(plan.importPublished(in, "ARBA-2021-2023")).isEqualTo(6);
        }
    }

    /** The two areas of the reassignment test live in the shared {@code area} table: other contexts read it. */
    @AfterEach
    void removeTheTestAreas() {
        fixtures.jdbc().update("delete from area where id in ('cache-uno', 'cache-dos')");
    }

    @Test
    void repeatedRequestsGet304AndEachLanguageItsOwnETag() throws Exception {
        for (String url : URLS) {
            MockHttpServletResponse first = mvc.perform(get(url)).andReturn().getResponse();
            assertThat(first.getStatus()).as(url).isEqualTo(200);
            String etag = first.getHeader("ETag");
            assertThat(etag).as(url).matches("\"[0-9a-f]{32}\"");
            assertThat(first.getHeader("Cache-Control")).as(url).isEqualTo("public, no-cache");
            assertThat(first.getHeaders("Vary")).as(url).contains("Accept-Language, Cookie");
            MockHttpServletResponse again = mvc.perform(get(url).header("If-None-Match", etag)).andReturn()
                    .getResponse();
            assertThat(again.getStatus()).as(url).isEqualTo(304);
            assertThat(again.getContentAsByteArray()).as(url).isEmpty();
            String en = mvc.perform(get(url).header("Accept-Language", "en")).andReturn().getResponse()
                    .getHeader("ETag");
            assertThat(en).as(url).isNotNull().isNotEqualTo(etag);

            MockHttpServletResponse staff = mvc.perform(get(url).header("If-None-Match", etag).with(user("equipo")))
                    .andReturn().getResponse();
            assertThat(staff.getStatus()).as(url).isEqualTo(200);
            assertThat(staff.getHeader("ETag")).as(url).isNull();
            assertThat(staff.getHeader("Cache-Control")).as(url).doesNotContain("public");
        }
    }

    @Test
    void aSecondReaderGetsTheRenderedBytesAfterOneStatement() throws Exception {
        for (String url : URLS) {
            KeptRenderings.secondReaderGetsTheSameBytes(mvc, url, 1);
        }
    }

    @Test
    void publishingReassigningAndEndorsingChangeTheETag() throws Exception {
        List<String> before = etags();
        fixtures.jdbc().update("""
                insert into commitment (code, action_plan, co_creation_instance, title_es, title_en, start_date,
                  end_date, description, ogp_values, status, published_at)
                values ('ARBA0099', 'ARBA-2021-2023', 1, 'Nuevo', 'New', date '2022-01-01', date '2023-12-31',
                  'Descripción', 'Transparencia', 'PUBLISHED', current_timestamp)
                """);
        List<String> published = changed(before);
        assertThat(mvc.perform(get("/action-plan")).andReturn().getResponse().getContentAsString())
                .contains("ARBA0099");

        String group = "area-cache-uno";
        String other = "area-cache-dos";
        fixtures.jdbc().update("insert into area (id, name_es, name_en, candidate_group, axes) values "
                + "('cache-uno', 'Área Uno', 'Area One', ?, 'ambiente'), "
                + "('cache-dos', 'Área Dos', 'Area Two', ?, 'ambiente')", group, other);
        published = changed(published);
        assertThat(plan.assignLeadArea("ARBA0001", group, "ambiente")).isTrue();
        List<String> assigned = changed(published);
        assertThat(mvc.perform(get("/action-plan")).andReturn().getResponse().getContentAsString())
                .contains("Área Uno");
        assertThat(plan.assignLeadArea("ARBA0001", other, "ambiente")).isTrue();
        List<String> reassigned = changed(assigned);

        endorsements.record("ARBA-2021-2023", "Fundación Ejemplo", null, "Sociedad civil",
                LocalDate.of(2021, 3, 1), "equipo");
        changed(reassigned);
        // the page rendered for the earlier version is not what readers get now
        assertThat(mvc.perform(get("/action-plan")).andReturn().getResponse().getContentAsString())
                .contains("Fundación Ejemplo");
    }

    private List<String> etags() throws Exception {
        List<String> out = new ArrayList<>();
        for (String url : URLS) {
            out.add(mvc.perform(get(url)).andReturn().getResponse().getHeader("ETag"));
        }
        return out;
    }

    /** @return the new ETags, after checking that each old one now gets a 200 */
    private List<String> changed(List<String> old) throws Exception {
        for (int i = 0; i < URLS.size(); i++) {
            MockHttpServletResponse response = mvc.perform(get(URLS.get(i)).header("If-None-Match", old.get(i)))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(URLS.get(i)).isEqualTo(200);
            assertThat(response.getHeader("ETag")).as(URLS.get(i)).isNotEqualTo(old.get(i));
        }
        return etags();
    }
}
