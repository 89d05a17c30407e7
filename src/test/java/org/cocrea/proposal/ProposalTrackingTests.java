package org.cocrea.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public tracking page: the review's steps with their dates (from the proposal's records and the engine's
 * history), a helpful not-found page for unknown or mistyped codes, and the JSON status in the request's language.
 */
@CocreaIntegrationTest
class ProposalTrackingTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
    }

    @Test
    void theTrackingPageShowsTheStepsTheProposalWentThroughWithDates() throws Exception {
        TestFixtures.FeasibilityReview review = fixtures.feasibilityReview("seguimiento-ambiente");
        String code = review.proposal().getTrackingCode();

        Document before = page("/proposals/" + code);
        assertThat(before.select("#steps li").eachAttr("data-step")).containsExactly("RECEIVED", "AREA_ASSIGNED",
                "FEASIBILITY_REVIEWED", "MEETING_HELD", "RESPONSE_SENT");
        assertThat(step(before, "RECEIVED").hasClass("done")).isTrue();
        assertThat(step(before, "RECEIVED").select(".step-date").text()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        assertThat(step(before, "AREA_ASSIGNED").hasClass("done")).as("from the engine's history").isTrue();
        assertThat(step(before, "AREA_ASSIGNED").select(".step-date").text()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        assertThat(step(before, "FEASIBILITY_REVIEWED").attr("aria-current")).isEqualTo("step");
        assertThat(step(before, "FEASIBILITY_REVIEWED").text()).contains("en curso");
        assertThat(step(before, "MEETING_HELD").text()).contains("pendiente");

        identityService.setAuthentication("seguimiento-ambiente", List.of("area-ambiente"));
        taskService.complete(review.task().getId(), Variables.createVariables().putValue("verdict", "feasible")
                .putValue("reasoning", "Es viable con el presupuesto del área.").putValue("willingToCoCreate", true)
                .putValue("contactPerson", "Mariana Núñez"));
        identityService.clearAuthentication();

        Document after = page("/proposals/" + code);
        assertThat(step(after, "FEASIBILITY_REVIEWED").hasClass("done")).isTrue();
        assertThat(step(after, "FEASIBILITY_REVIEWED").hasAttr("aria-current")).isFalse();
        assertThat(step(after, "MEETING_HELD").attr("aria-current")).isEqualTo("step");
        assertThat(after.select("#steps").text()).doesNotContain("Mariana").doesNotContain("julia@example.org");

        mvc.perform(get("/api/proposals/" + code)).andExpect(jsonPath("$.steps[2].step").value("FEASIBILITY_REVIEWED"))
                .andExpect(jsonPath("$.steps[2].at").isNotEmpty()).andExpect(jsonPath("$.steps[3].current").value(true));
    }

    @Test
    void theJsonStatusLabelFollowsTheRequestsLanguage() throws Exception {
        String code = fixtures.feasibilityReview("idioma-ambiente").proposal().getTrackingCode();
        mvc.perform(get("/api/proposals/" + code).header("Accept-Language", "en-GB,en;q=0.9"))
                .andExpect(jsonPath("$.statusLabel").value("Under review by the responsible area"))
                .andExpect(jsonPath("$.steps[0].label").value("Proposal received"));
        mvc.perform(get("/api/proposals/" + code).param("lang", "en"))
                .andExpect(jsonPath("$.statusLabel").value("Under review by the responsible area"));
        // The site's language cookie (set by the pages' language link) does not override what the request asks for.
        mvc.perform(get("/api/proposals/" + code).cookie(new Cookie("cocrea-lang", "es"))
                .header("Accept-Language", "en-US,en;q=0.9"))
                .andExpect(jsonPath("$.statusLabel").value("Under review by the responsible area"))
                .andExpect(header().string("Content-Language", "en"));
        mvc.perform(get("/api/proposals/" + code).cookie(new Cookie("cocrea-lang", "en"))
                .header("Accept-Language", "es-AR,es;q=0.9"))
                .andExpect(jsonPath("$.statusLabel").value("En revisión por el área responsable"))
                .andExpect(header().string("Content-Language", "es"));
        mvc.perform(get("/api/proposals/" + code).header("Accept-Language", "es-AR"))
                .andExpect(jsonPath("$.statusLabel").value("En revisión por el área responsable"))
                .andExpect(jsonPath("$.steps[0].label").value("Propuesta recibida"));
    }

    @Test
    void anUnknownOrMistypedCodeGetsAHelpfulPage() throws Exception {
        fixtures.reset();
        for (String url : List.of("/proposals/CC-ZZZZZZZZ", "/proposals/lookup?code=%3Cb%3Ex%3C/b%3E",
                "/proposals/lookup?code=")) {
            String html = mvc.perform(get(url)).andExpect(status().isNotFound()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            Document page = Jsoup.parse(html);
            assertThat(page.select("h1").text()).isEqualTo("No encontramos esa propuesta");
            assertThat(html).doesNotContain("Algo salió mal").doesNotContain("<b>x</b>");
            assertThat(page.select(".hints li").text()).contains("CC-").contains("la O, la I, la L");
            assertThat(page.select("form[action=/proposals/lookup] input[name=code]")).hasSize(1);
        }
        assertThat(page("/proposals/CC-ZZZZZZZZ").select("#not-found").text()).contains("CC-ZZZZZZZZ");
        assertThat(page("/proposals/CC-ZZZZZZZZ?lang=en").select("h1").text())
                .isEqualTo("We could not find that proposal");

        // Typed as people type it: lower case, spaces, no prefix or no dash.
        mvc.perform(get("/proposals/lookup").param("code", " 7kq2 m9xd ")).andExpect(redirectedUrl("/proposals/CC-7KQ2M9XD"));
        mvc.perform(get("/proposals/lookup").param("code", "cc7kq2m9xd")).andExpect(redirectedUrl("/proposals/CC-7KQ2M9XD"));
        mvc.perform(get("/proposals/lookup").param("code", "cc-7kq2m9xd")).andExpect(redirectedUrl("/proposals/CC-7KQ2M9XD"));
    }

    private Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static Element step(Document page, String step) {
        Element e = page.selectFirst("#steps li[data-step=" + step + "]");
        assertThat(e).as(step).isNotNull();
        return e;
    }
}
