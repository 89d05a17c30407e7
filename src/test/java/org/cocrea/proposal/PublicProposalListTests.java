package org.cocrea.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public list of every proposal ({@code /proposals}), its open data ({@code /api/proposals},
 * {@code /proposals.csv}) and the link from a proposal's page to what became of it, on PostgreSQL with the Spanish
 * full-text search of migration V70. Data: {@link PublicProposalListTestData}.
 */
@CocreaIntegrationTest
class PublicProposalListTests {

    /** What must never reach a public output: the proposers' and reviewers' data and unsent texts. */
    private static final List<String> PERSONAL = List.of("SECRETO", "ORG-SECRETA", "example.org", "secreto-revisor",
            "BORRADOR-OCULTO");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    ObjectMapper json;

    PublicProposalListTestData data;

    @BeforeEach
    void scenario() {
        fixtures.reset();
        data = new PublicProposalListTestData(fixtures.jdbc()).write();
    }

    @AfterEach
    void cleanUp() {
        fixtures.reset();
    }

    @Test
    void theListShowsEveryProposalWithWhatHappenedToItAndNoPersonalData() throws Exception {
        Document page = page("/proposals");
        assertThat(page.select(".count").text()).isEqualTo("Propuestas que coinciden: 25");
        assertThat(codes(page)).hasSize(20).startsWith("CC-LSTB0020");
        assertThat(page.select("header nav a[href='/proposals']")).hasSize(1);

        Document last = page("/proposals?page=2");
        assertThat(codes(last)).as("newest call first, then newest first").containsExactly(
                PublicProposalListTestData.P5, PublicProposalListTestData.P4, PublicProposalListTestData.P3,
                PublicProposalListTestData.P2, PublicProposalListTestData.P1);
        assertThat(codes(page)).isEqualTo(PublicProposalListTestData.bulkCodes());
        Element p1 = last.getElementById(PublicProposalListTestData.P1);
        assertThat(p1.select("h2 a").attr("href")).isEqualTo("/proposals/" + PublicProposalListTestData.P1);
        assertThat(p1.select(".axis").text()).isEqualTo("Datos abiertos y reutilización");
        assertThat(p1.text()).contains("Organización de la sociedad civil temática").contains("Consulta pública 2021")
                .contains("Subsecretaría de Gobierno Abierto y Rendición de Cuentas").contains("Respondida")
                .contains("Es viable: la Subsecretaría publicará");
        assertThat(p1.select(".outcome a.round-table").attr("href")).isEqualTo("/round-tables/" + data.roundTable);
        assertThat(p1.select(".outcome a.commitment").eachAttr("href")).containsExactly("/dashboard/PX0001");
        assertThat(p1.select(".outcome").text()).contains("Mesa de datos abiertos").contains("Realizada")
                .contains("Presupuesto abierto mes a mes");
        assertThat(last.getElementById(PublicProposalListTestData.P2).select(".outcome").text())
                .isEqualTo("No fue llevada a una mesa de co-creación.");
        assertThat(last.getElementById(PublicProposalListTestData.P3).select(".area").text())
                .isEqualTo("Dirección General de Convivencia en la Diversidad");
        assertThat(last.getElementById(PublicProposalListTestData.P3).select(".response")).isEmpty();
        // Still in review: nothing is decided, so the list must not say it was left out.
        assertThat(last.getElementById(PublicProposalListTestData.P3).select(".outcome").text())
                .isEqualTo("Todavía no se decidió si irá a una mesa de co-creación: la revisión sigue en curso.");

        Document p5 = page("/proposals?status=REVIEWED");
        assertThat(codes(p5)).containsExactly(PublicProposalListTestData.P5);
        assertThat(p5.getElementById(PublicProposalListTestData.P5).select(".response, .verdict"))
                .as("a response is public once sent").isEmpty();
        for (Document d : List.of(page, last, p5)) {
            assertNoPersonalData(d.html());
        }
    }

    @Test
    void eachFilterNarrowsTheList() throws Exception {
        assertThat(codes(page("/proposals?call=" + data.call2021))).containsExactly(PublicProposalListTestData.P3,
                PublicProposalListTestData.P2, PublicProposalListTestData.P1);
        assertThat(codes(page("/proposals?axis=ambiente"))).containsExactly(PublicProposalListTestData.P4,
                PublicProposalListTestData.P2);
        assertThat(codes(page("/proposals?area=area-ambiente"))).containsExactly(PublicProposalListTestData.P2);
        assertThat(codes(page("/proposals?status=responded"))).containsExactly(PublicProposalListTestData.P2,
                PublicProposalListTestData.P1);
        assertThat(codes(page("/proposals?call=" + data.call2022 + "&axis=ambiente&status=RECEIVED")))
                .containsExactly(PublicProposalListTestData.P4);
        Document none = page("/proposals?call=" + data.call2022 + "&area=area-ambiente");
        assertThat(codes(none)).isEmpty();
        assertThat(none.select(".notice").text()).contains("Ninguna propuesta coincide");
        // the form shows the filters applied
        Document filtered = page("/proposals?axis=ambiente&status=RESPONDED&q=movilidad");
        assertThat(filtered.select("#filter-axis option[selected]").attr("value")).isEqualTo("ambiente");
        assertThat(filtered.select("#filter-status option[selected]").attr("value")).isEqualTo("RESPONDED");
        assertThat(filtered.select("#filter-q").val()).isEqualTo("movilidad");
        assertThat(page("/proposals?call=" + data.call2022).select("#filter-call option[selected]").text())
                .isEqualTo("Consulta pública 2022");
    }

    @Test
    void theSearchIsSpanishFullTextIgnoringCaseAndAccentsWithStemming() throws Exception {
        assertThat(codes(page("/proposals?q=movilidad"))).containsExactly(PublicProposalListTestData.P2);
        assertThat(codes(page("/proposals?q=MOVILIDAD"))).containsExactly(PublicProposalListTestData.P2);
        assertThat(codes(page("/proposals?q=participacion"))).as("accents ignored")
                .containsExactly(PublicProposalListTestData.P3);
        assertThat(codes(page("/proposals?q=datos"))).as("stemming: datos finds dato abierto")
                .containsExactly(PublicProposalListTestData.P1);
        assertThat(codes(page("/proposals?q=arbol"))).as("árboles in the title, stemmed and unaccented")
                .containsExactly(PublicProposalListTestData.P4);
        assertThat(codes(page("/proposals?q=ciclovia"))).as("the description is searched too")
                .containsExactly(PublicProposalListTestData.P2);
        assertThat(codes(page("/proposals?q=formularios%20tramites"))).as("every word")
                .containsExactly(PublicProposalListTestData.P5);
        assertThat(codes(page("/proposals?q=formularios%20bicicletas"))).isEmpty();
        assertThat(codes(page("/proposals?q=movilidad&call=" + data.call2022))).as("with the filters").isEmpty();
        assertThat(codes(page("/proposals?q=SECRETO-NOMBRE"))).as("personal data is not searched").isEmpty();
        assertThat(codes(page("/proposals?q=el%20de%20la"))).as("only stop words: nothing, no error").isEmpty();
        assertThat(codes(page("/proposals?q=%22dato%20abierto%22"))).as("a phrase")
                .containsExactly(PublicProposalListTestData.P1);
        assertThat(codes(page("/proposals?q=%28%3A%2A%26%7C%21%27%5C%20-movilidad%20or"))).as("odd syntax: no error")
                .doesNotContain(PublicProposalListTestData.P2);
        assertThat(codes(page("/proposals?q=%20%20&axis=ambiente"))).as("a blank search is no search")
                .containsExactly(PublicProposalListTestData.P4, PublicProposalListTestData.P2);
    }

    @Test
    void theSearchUsesTheGinIndex() {
        String plan = fixtures.jdbc().execute((ConnectionCallback<String>) c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("set local enable_seqscan = off");
                StringBuilder out = new StringBuilder();
                try (var rs = st.executeQuery("explain select tracking_code from proposal p where"
                        + " cocrea_proposal_document(p.title, p.description)"
                        + " @@ websearch_to_tsquery('spanish', cocrea_unaccent('participación'))")) {
                    while (rs.next()) {
                        out.append(rs.getString(1)).append('\n');
                    }
                }
                c.rollback();
                return out.toString();
            } finally {
                c.setAutoCommit(auto);
            }
        });
        assertThat(plan).contains("proposal_search");
        assertThat(fixtures.jdbc().queryForObject("select cocrea_unaccent('Participación Ñandú')", String.class))
                .isEqualTo("Participacion Nandu");
    }

    @Test
    void pageLinksKeepTheFilters() throws Exception {
        Document first = page("/proposals?axis=lenguaje-claro&q=relleno");
        assertThat(first.select(".count").text()).isEqualTo("Propuestas que coinciden: 20");
        first = page("/proposals?axis=lenguaje-claro");
        assertThat(first.select(".count").text()).isEqualTo("Propuestas que coinciden: 21");
        assertThat(codes(first)).hasSize(20);
        String next = first.select("nav.pager a[rel=next]").attr("href");
        assertThat(next).isEqualTo("/proposals?axis=lenguaje-claro&page=2");
        assertThat(first.select("nav.pager a[rel=prev]")).isEmpty();
        Document second = page(next);
        assertThat(codes(second)).containsExactly(PublicProposalListTestData.P5);
        assertThat(second.select("nav.pager a[rel=prev]").attr("href")).isEqualTo("/proposals?axis=lenguaje-claro");
        assertThat(second.select("nav.pager a[rel=next]")).isEmpty();
        assertThat(second.select("nav.pager").text()).contains("Página 2 de 2");
        assertThat(second.select(".open-data a").eachAttr("href")).containsExactly(
                "/api/proposals?axis=lenguaje-claro", "/proposals.csv?axis=lenguaje-claro");
        Document search = page("/proposals?q=p%C3%A1ginas%20or%20censo&status=RECEIVED");
        assertThat(search.select(".count").text()).isEqualTo("Propuestas que coinciden: 21");
        assertThat(search.select("nav.pager a[rel=next]").attr("href"))
                .isEqualTo("/proposals?status=RECEIVED&q=p%C3%A1ginas%20or%20censo&page=2");
        assertThat(codes(page(search.select("nav.pager a[rel=next]").attr("href")))).hasSize(1);
        // after the last page: redirected to the last one, filters kept (page 1 when nothing matches)
        assertThat(redirect("/proposals?page=9")).isEqualTo("/proposals?page=2");
        assertThat(redirect("/proposals?axis=lenguaje-claro&page=4")).isEqualTo("/proposals?axis=lenguaje-claro&page=2");
        assertThat(redirect("/proposals?q=ninguna-coincidencia&page=2")).isEqualTo("/proposals?q=ninguna-coincidencia");
        assertThat(page("/proposals?page=2").select("nav.pager").text()).contains("Página 2 de 2");
    }

    @Test
    void everyBadFilterIsReportedAtOnce() throws Exception {
        MvcResult result = mvc.perform(uri("/proposals?call=abc&axis=no-such-axis&status=ARCHIVED&page=0")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        Document d = Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        for (String field : List.of("call", "axis", "status", "page")) {
            assertThat(d.getElementById(field + "-error")).as(field).isNotNull();
        }
        assertThat(d.getElementById("filter-axis").attr("aria-invalid")).isEqualTo("true");
        assertThat(d.getElementById("filter-area").hasAttr("aria-invalid")).isFalse();
        JsonNode errors = json.readTree(mvc.perform(uri("/api/proposals?call=abc&axis=no-such-axis&status=ARCHIVED"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).get("errors");
        List<String> fields = new ArrayList<>();
        errors.forEach(e -> {
            fields.add(e.get("field").asText());
            assertThat(e.get("reason").asText()).isNotBlank();
        });
        assertThat(fields).containsExactly("call", "axis", "status");
    }

    @Test
    void aSearchWithoutLettersOrDigitsIsNoSearchAndThePageSaysSo() throws Exception {
        Document d = page("/proposals?q=%21%21%21&axis=ambiente");
        assertThat(d.getElementById("search-without-words").text()).isEqualTo("La búsqueda «!!!» no tiene letras ni"
                + " números, así que no se buscó nada: se muestran todas las propuestas de los filtros elegidos.");
        assertThat(codes(d)).containsExactly(PublicProposalListTestData.P4, PublicProposalListTestData.P2);
        assertThat(d.select(".open-data a").eachAttr("href")).containsExactly("/api/proposals?axis=ambiente",
                "/proposals.csv?axis=ambiente");
        assertThat(page("/proposals?q=movilidad").getElementById("search-without-words")).isNull();
        JsonNode api = json.readTree(mvc.perform(uri("/api/proposals?q=%21%21%21")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(api.get("filters").has("q")).isFalse();
    }

    @Test
    void theLanguageLinkKeepsTheFiltersAndTheFilterOptionsAgreeWithTheirNouns() throws Exception {
        Document d = page("/proposals?axis=ambiente&q=%C3%A1rbol&page=1&lang=es");
        assertThat(d.select("header a[hreflang=en]").attr("href")).isEqualTo("?axis=ambiente&q=%C3%A1rbol&page=1&lang=en");
        assertThat(d.select("#filter-call option[value='']").text()).isEqualTo("Todas");
        assertThat(d.select("#filter-area option[value='']").text()).isEqualTo("Todas");
        assertThat(d.select("#filter-axis option[value='']").text()).isEqualTo("Todos");
        assertThat(d.select("#filter-status option[value='']").text()).isEqualTo("Todos");
        Document en = page("/proposals?status=RECEIVED&lang=en");
        assertThat(en.select("header a[hreflang=es]").attr("href")).isEqualTo("?status=RECEIVED&lang=es");
        assertThat(en.select("#filter-call option[value='']").text()).isEqualTo("All");
    }

    @Test
    void theJsonAndTheCsvHoldTheSameListAsThePages() throws Exception {
        for (String filter : List.of("", "call=" + data.call2022, "axis=ambiente", "status=RESPONDED", "q=datos",
                "area=area-gobierno-abierto&q=presupuesto")) {
            List<String> onPages = new ArrayList<>();
            Document listPage = page("/proposals?" + filter);
            onPages.addAll(codes(listPage));
            while (!listPage.select("nav.pager a[rel=next]").isEmpty()) {
                listPage = page(listPage.select("nav.pager a[rel=next]").attr("href"));
                onPages.addAll(codes(listPage));
            }
            MvcResult jsonResult = mvc.perform(uri("/api/proposals?" + filter)).andReturn();
            assertThat(jsonResult.getResponse().getStatus()).isEqualTo(200);
            String body = jsonResult.getResponse().getContentAsString(StandardCharsets.UTF_8);
            JsonNode root = json.readTree(body);
            List<String> inJson = new ArrayList<>();
            root.get("proposals").forEach(n -> inJson.add(n.get("trackingCode").asText()));
            assertThat(inJson).as("JSON, " + filter).isEqualTo(onPages);
            assertThat(root.get("total").asInt()).isEqualTo(onPages.size());
            assertNoPersonalData(body);

            for (String path : List.of("/proposals.csv?", "/api/proposals.csv?")) {
                MvcResult csvResult = mvc.perform(uri(path + filter)).andReturn();
                assertThat(csvResult.getResponse().getContentType()).startsWith("text/csv");
                String csv = csvResult.getResponse().getContentAsString(StandardCharsets.UTF_8);
                List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(new StringReader(csv)).getRecords();
                assertThat(rows.stream().map(r -> r.get("tracking_code")).toList()).as("CSV, " + filter)
                        .isEqualTo(onPages);
                assertNoPersonalData(csv);
            }
        }
        JsonNode p1 = json.readTree(mvc.perform(uri("/api/proposals?q=presupuesto")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).get("proposals").get(0);
        assertThat(p1.get("url").asText()).isEqualTo("/proposals/" + PublicProposalListTestData.P1);
        assertThat(p1.get("areaGroup").asText()).isEqualTo("area-gobierno-abierto");
        assertThat(p1.get("response").get("verdict").asText()).isEqualTo("feasible");
        assertThat(p1.get("roundTable").get("id").asLong()).isEqualTo(data.roundTable);
        assertThat(p1.get("commitments").get(0).get("url").asText()).isEqualTo("/dashboard/PX0001");
        assertThat(p1.get("submittedAt").asText()).isEqualTo("2021-03-01T13:30:00Z");
        assertThat(fieldNames(p1)).doesNotContain("email", "contactName", "organization", "reasoning",
                "contactPerson", "reviewedBy");
        CSVRecord row = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(mvc.perform(uri("/proposals.csv?q=presupuesto")).andReturn().getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))).getRecords().get(0);
        assertThat(row.toMap()).containsEntry("commitment_codes", "PX0001")
                .containsEntry("round_table_status", "HELD").containsEntry("submitted_at", "2021-03-01T10:30-03:00");
        assertThat(mvc.perform(uri("/v3/api-docs")).andReturn().getResponse().getContentAsString())
                .contains("\"/api/proposals\"");
    }

    @Test
    void theCsvNeverHandsASpreadsheetAFormula() throws Exception {
        fixtures.jdbc().update("update proposal set title = ?, description = ? where id = (select min(id) from proposal)",
                "=HYPERLINK(\"http://evil.example\",\"clic\")", "+cmd|' /C calc'!A0");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(mvc.perform(uri("/proposals.csv")).andReturn().getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))).getRecords();
        CSVRecord row = rows.stream().filter(r -> r.get("title").contains("HYPERLINK")).findFirst().orElseThrow();
        assertThat(row.get("title")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"clic\")");
        assertThat(row.get("description")).startsWith("'+cmd");
        // The JSON is data, not a spreadsheet: the text stays as written.
        assertThat(mvc.perform(uri("/api/proposals")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("\"=HYPERLINK(");
    }

    @Test
    void aProposalCarriedOverToALaterInstanceLinksToItsCopyAndBack() throws Exception {
        data.carryOver();
        Document page = page("/proposals?q=huertas");
        assertThat(codes(page)).containsExactly(PublicProposalListTestData.COPY, PublicProposalListTestData.ORIGINAL);
        Element original = page.getElementById(PublicProposalListTestData.ORIGINAL);
        assertThat(original.select(".outcome a.carried-over-to").attr("href"))
                .isEqualTo("/proposals/" + PublicProposalListTestData.COPY);
        assertThat(original.select(".outcome").text()).contains("pasó a la siguiente instancia")
                .doesNotContain("No fue llevada");
        assertThat(page.getElementById(PublicProposalListTestData.COPY).select(".outcome a.carried-over-from")
                .attr("href")).isEqualTo("/proposals/" + PublicProposalListTestData.ORIGINAL);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(mvc.perform(uri("/proposals.csv?q=huertas")).andReturn().getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))).getRecords();
        assertThat(rows.get(0).get("carried_over_from")).isEqualTo(PublicProposalListTestData.ORIGINAL);
        assertThat(rows.get(1).get("carried_over_to")).isEqualTo(PublicProposalListTestData.COPY);
        assertThat(json.readTree(mvc.perform(uri("/api/proposals?q=huertas")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).get("proposals").get(1).get("carriedOverTo").asText())
                .isEqualTo(PublicProposalListTestData.COPY);
    }

    @Test
    void aPrioritisedProposalWhoseAxisHasNoRoundTableYetSaysSoOnceAnswered() throws Exception {
        data.prioritisedWithoutRoundTable();
        String awaiting = "Fue priorizada para las mesas de co-creación; la mesa de su eje todavía no está programada.";
        Document list = page("/proposals?q=bibliotecas");
        assertThat(codes(list)).containsExactly(PublicProposalListTestData.AWAITING);
        assertThat(list.getElementById(PublicProposalListTestData.AWAITING).select(".outcome").text())
                .isEqualTo(awaiting);
        assertThat(page("/proposals/" + PublicProposalListTestData.AWAITING).select("#outcome").text())
                .contains(awaiting).doesNotContain("No fue llevada");
        assertThat(page("/proposals/" + PublicProposalListTestData.AWAITING + "?lang=en").select("#outcome").text())
                .contains("It was prioritised for the co-creation round-tables; the round-table for its axis is"
                        + " not scheduled yet.");
        JsonNode row = json.readTree(mvc.perform(uri("/api/proposals?q=bibliotecas")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).get("proposals").get(0);
        assertThat(row.get("prioritised").asBoolean()).isTrue();
        assertThat(row.get("roundTable").isNull()).isTrue();
        JsonNode single = json.readTree(mvc.perform(uri("/api/proposals/" + PublicProposalListTestData.AWAITING))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(single.get("outcome").get("prioritised").asBoolean()).isTrue();
        CSVRecord csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(mvc.perform(uri("/proposals.csv?q=bibliotecas")).andReturn().getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))).getRecords().get(0);
        assertThat(csv.get("prioritised")).isEqualTo("true");
        // not prioritised and answered: still "not taken"
        assertThat(page("/proposals/" + PublicProposalListTestData.P2).select("#outcome").text())
                .contains("No fue llevada a una mesa de co-creación.");
    }

    @Test
    void badFiltersGet400NamingTheFieldNever500() throws Exception {
        Map<String, String> bad = Map.of("call=abc", "call", "call=987654321", "call", "axis=no-such-axis", "axis",
                "axis=%3Cscript%3E", "axis", "area=area-nada", "area", "status=ARCHIVED", "status",
                "q=" + "x".repeat(201), "q", "q=a%00b", "q", "page=0", "page", "page=dos", "page");
        for (var e : bad.entrySet()) {
            MvcResult pageResult = mvc.perform(uri("/proposals?" + e.getKey())).andReturn();
            assertThat(pageResult.getResponse().getStatus()).as(e.getKey()).isEqualTo(400);
            Document d = Jsoup.parse(pageResult.getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(d.getElementById(e.getValue() + "-error")).as(e.getKey()).isNotNull();
            assertThat(d.select("article.proposal")).isEmpty();
            assertThat(d.select("form.filters")).hasSize(1);

            for (String api : e.getValue().equals("page") ? List.<String>of()
                    : List.of("/api/proposals?", "/proposals.csv?")) {
                MvcResult apiResult = mvc.perform(uri(api + e.getKey())).andReturn();
                assertThat(apiResult.getResponse().getStatus()).as(api + e.getKey()).isEqualTo(400);
                JsonNode error = json.readTree(apiResult.getResponse().getContentAsString(StandardCharsets.UTF_8))
                        .get("errors").get(0);
                assertThat(error.get("field").asText()).isEqualTo(e.getValue());
                assertThat(error.get("reason").asText()).isNotBlank();
            }
        }
        Document english = Jsoup.parse(mvc.perform(uri("/proposals?status=ARCHIVED&lang=en")).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(english.getElementById("status-error").text()).isEqualTo("Not one of the listed statuses.");
        assertThat(english.getElementById("filter-status").attr("aria-describedby")).isEqualTo("status-error");
    }

    @Test
    void aProposalsPageLinksToTheCommitmentsItLedToAndToTheList() throws Exception {
        Document p1 = page("/proposals/" + PublicProposalListTestData.P1);
        assertThat(p1.select("#outcome a.commitment").eachAttr("href")).containsExactly("/dashboard/PX0001");
        assertThat(p1.select("#outcome-round-table").attr("href")).isEqualTo("/round-tables/" + data.roundTable);
        assertThat(p1.select("#all-proposals").attr("href")).isEqualTo("/proposals");
        assertNoPersonalData(p1.select("main").html());
        Document p2 = page("/proposals/" + PublicProposalListTestData.P2);
        assertThat(p2.select("#outcome").text()).contains("No fue llevada a una mesa de co-creación.");
        assertThat(p2.select("#outcome a.commitment")).isEmpty();

        JsonNode api = json.readTree(mvc.perform(uri("/api/proposals/" + PublicProposalListTestData.P1)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(api.get("outcome").get("commitments").get(0).get("code").asText()).isEqualTo("PX0001");

        Document english = page("/proposals/" + PublicProposalListTestData.P1 + "?lang=en");
        assertThat(english.select("#outcome a.commitment").text()).isEqualTo("PX0001 — Open budget month by month");
        assertThat(english.select("#outcome-round-table").text()).isEqualTo("Open data round-table");
    }

    private String redirect(String path) throws Exception {
        MvcResult result = mvc.perform(uri(path)).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(302);
        return result.getResponse().getRedirectedUrl();
    }

    private Document page(String path) throws Exception {
        MockHttpServletRequestBuilder request = uri(path);
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** The path as written, already encoded (a String template would be encoded again: {@code %} as {@code %25}). */
    private static MockHttpServletRequestBuilder uri(String path) {
        return get(URI.create(path));
    }

    private static List<String> codes(Document page) {
        return page.select("article.proposal").eachAttr("id");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static void assertNoPersonalData(String text) {
        for (String secret : PERSONAL) {
            assertThat(text).as("no " + secret).doesNotContain(secret);
        }
    }
}
