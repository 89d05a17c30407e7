package org.cocrea.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cocrea.kernel.RenderedResponses;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.SqlStatements;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public dashboard on PostgreSQL, with follow-up data written straight into the tables: what is public (only
 * published commitments and accepted reports), the filters, both languages, 400 for bad parameters, the JSON, CSV
 * and Atom feed read back and compared with the database, and a fixed number of SQL statements per request with
 * 500 commitments and 24 months of reports.
 */
@CocreaIntegrationTest
class DashboardTests {

    private static final List<String> PUBLIC_URLS = List.of("/dashboard", "/dashboard?lang=en", "/dashboard/T0001",
            "/dashboard/T0003", "/dashboard/T0004", "/api/dashboard", "/api/dashboard.csv", "/dashboard/feed");

    @Autowired
    TestFixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    RenderedResponses renderedResponses;

    JdbcTemplate jdbc;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void scenario() {
        fixtures.reset();
        jdbc = fixtures.jdbc();
        new DashboardTestData(jdbc).smallScenario();
    }

    @Test
    void onlyPublishedCommitmentsAndAcceptedReportsArePublic() throws Exception {
        for (String url : PUBLIC_URLS) {
            String body = body(url, 200);
            assertThat(body).as(url).doesNotContain("SECRETO").doesNotContain("leak.example.org")
                    .doesNotContain("BORRADOR-OCULTO").doesNotContain("javascript:alert");
        }
        String page = body("/dashboard", 200);
        assertThat(page).contains("<meta name=\"viewport\"").contains("T0002").contains("T0003").contains("T0004")
                .contains("60 % completado").contains("En curso").contains("Demorado").contains("Completado")
                .contains("Sin iniciar").contains("Se publicó el portal de obras")
                .contains("href=\"https://datos.example.org/obras\"").contains("Portal de obras")
                .contains("Agencia de Protección Ambiental")
                .contains("Subsecretaría de Gobierno Abierto y Rendición de Cuentas")
                .contains("Evaluación del órgano de monitoreo independiente").contains("Significativo")
                .contains("<label for=\"filter-axis\">").contains("<label for=\"filter-status\">")
                .contains("<label for=\"filter-lead-area\">");
        // T0004's milestone points at a SUBMITTED report: the dashboard still shows it as not started, with no update.
        assertThat(article(page, "T0004")).contains("data-status=\"NOT_STARTED\"").contains("0 % completado")
                .contains("Todavía no hay informes de avance aceptados.");
        assertThat(article(page, "T0001")).contains("data-status=\"IN_PROGRESS\"").contains("febrero 2023")
                .doesNotContain("marzo 2023");
        // The evidence file of another engineer's download route, and the unsafe address shown as text only.
        long file = jdbc.queryForObject("select id from evidence where kind = 'FILE'", Long.class);
        String t3 = body("/dashboard/T0003", 200);
        assertThat(t3).contains("href=\"/dashboard/evidence/" + file + "\"").contains("acta-enero.pdf")
                .contains("Enlace peligroso").contains("(dirección no publicada)");
    }

    @Test
    void commitmentPageShowsTheTimelineOfAcceptedReports() throws Exception {
        String page = body("/dashboard/T0001", 200);
        long january = reportId("T0001", "2023-01-01");
        long february = reportId("T0001", "2023-02-01");
        assertThat(page).contains("id=\"report-" + january + "\"").contains("id=\"report-" + february + "\"")
                .contains("Informe de enero 2023").contains("Informe de febrero 2023").doesNotContain("marzo 2023")
                .contains("Se diseñó el portal").contains("Cargar los contratos");
        assertThat(page.indexOf("report-" + february)).as("newest first").isLessThan(page.indexOf("report-" + january));
        body("/dashboard/NOPE", 404);
        body("/dashboard/T0099", 404);
        assertThat(jdbc.queryForObject("select count(*) from commitment where status = 'DRAFT'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void filtersByAxisStatusAndLeadAreaInPageAndOpenData() throws Exception {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("axis=ambiente", List.of("T0002", "T0003"));
        expected.put("status=DELAYED", List.of("T0003"));
        expected.put("status=completed", List.of("T0002"));
        expected.put("status=in-progress", List.of("T0001"));
        expected.put("leadArea=area-gobierno-abierto", List.of("T0001", "T0004"));
        expected.put("axis=datos-abiertos&status=NOT_STARTED", List.of("T0004"));
        expected.put("axis=ninez", List.of());
        expected.put("axis=&status=&leadArea=", List.of("T0001", "T0002", "T0003", "T0004"));
        for (var e : expected.entrySet()) {
            JsonNode data = json.readTree(body("/api/dashboard?" + e.getKey(), 200));
            List<String> codes = new ArrayList<>();
            data.path("commitments").forEach(c -> codes.add(c.path("code").asText()));
            assertThat(codes).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(data.path("total").asInt()).isEqualTo(e.getValue().size());

            String page = body("/dashboard?" + e.getKey(), 200);
            for (String code : List.of("T0001", "T0002", "T0003", "T0004")) {
                assertThat(page.contains("<article id=\"" + code + "\""))
                        .as(e.getKey() + " " + code).isEqualTo(e.getValue().contains(code));
            }

            List<CSVRecord> rows = csv(body("/api/dashboard.csv?" + e.getKey(), 200));
            assertThat(rows.stream().map(r -> r.get("commitment_code")).distinct().toList()).isEqualTo(e.getValue());
        }
        String filtered = body("/dashboard?axis=ambiente&status=DELAYED", 200);
        assertThat(filtered).contains("<option value=\"ambiente\" selected=\"selected\">")
                .contains("<option value=\"DELAYED\" selected=\"selected\">")
                .contains("href=\"/api/dashboard?axis=ambiente&amp;status=DELAYED\"");
    }

    @Test
    void spanishByDefaultEnglishOnRequest() throws Exception {
        String es = body("/dashboard", 200);
        assertThat(es).contains("<html lang=\"es\">").contains("Seguimiento del plan de acción")
                .contains("Datos abiertos de obras públicas").contains("Completo");
        String en = body("/dashboard?lang=en", 200);
        assertThat(en).contains("<html lang=\"en\">").contains("Action plan tracking")
                .contains("Open data on public works").contains("60% complete").contains("In progress")
                .contains("Delayed").contains("Did it open government?").contains("Major")
                .contains("Undersecretariat for Open Government and Accountability")
                // no English title: the Spanish one
                .contains("Calidad del aire abierta").doesNotContain("En curso");
        assertThat(body("/dashboard/T0001?lang=en", 200)).contains("Report for February 2023");
    }

    @Test
    void badParametersAre400NamingTheParameter() throws Exception {
        Map<String, String> api = Map.of("/api/dashboard?status=FOO", "status", "/api/dashboard?axis=Ambiente!",
                "axis", "/api/dashboard.csv?leadArea=%3Cscript%3E", "leadArea", "/api/dashboard?status=a&status=b",
                "status");
        for (var e : api.entrySet()) {
            JsonNode error = json.readTree(body(e.getKey(), 400)).path("errors").get(0);
            assertThat(error.path("parameter").asText()).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(error.path("reason").asText()).isNotBlank();
        }
        assertThat(json.readTree(body("/api/dashboard?status=FOO&lang=en", 400)).path("errors").get(0)
                .path("reason").asText()).contains("not a known status");
        Map<String, String> pages = Map.of("/dashboard?page=0", "page", "/dashboard?page=abc", "page",
                "/dashboard?page=99999999999", "page", "/dashboard?status=ninguno", "status",
                "/dashboard/T0001?page=-1", "page", "/dashboard/" + "A".repeat(21), "code");
        for (var e : pages.entrySet()) {
            String body = body(e.getKey(), 400);
            assertThat(body).as(e.getKey()).contains("Parámetro no válido").contains("«" + e.getValue() + "»");
        }
        assertThat(body("/dashboard?page=0&lang=en", 400)).contains("“page”").contains("whole number");
        assertThat(body("/dashboard?page=9", 200)).contains("Compromisos que coinciden: 4").doesNotContain("<article");
    }

    @Test
    void jsonAndCsvMatchTheDatabase() throws Exception {
        JsonNode data = json.readTree(body("/api/dashboard", 200));
        Map<String, Map<Integer, Object[]>> expected = milestoneStatesFromDatabase();
        List<String> published = jdbc.queryForList(
                "select code from commitment where status = 'PUBLISHED' order by code", String.class);
        assertThat(data.path("total").asInt()).isEqualTo(published.size());
        List<String> codes = new ArrayList<>();
        for (JsonNode c : data.path("commitments")) {
            String code = c.path("code").asText();
            codes.add(code);
            assertThat(c.path("titleEs").asText()).isEqualTo(jdbc.queryForObject(
                    "select title_es from commitment where code = ?", String.class, code));
            Map<Integer, Object[]> milestones = expected.getOrDefault(code, Map.of());
            assertThat(c.path("milestones").size()).isEqualTo(milestones.size());
            int sum = 0;
            for (JsonNode m : c.path("milestones")) {
                Object[] state = milestones.get(m.path("position").asInt());
                assertThat(m.path("status").asText()).as(code + " " + m.path("position")).isEqualTo(state[0]);
                assertThat(m.path("percentComplete").asInt()).isEqualTo(state[1]);
                sum += (Integer) state[1];
            }
            assertThat(c.path("percentComplete").asInt()).isEqualTo(Math.round((float) sum / milestones.size()));
            LocalDate last = jdbc.queryForObject("select max(period) from follow_up_report r join commitment c on "
                    + "c.id = r.commitment_id where c.code = ? and r.status = 'ACCEPTED'", LocalDate.class, code);
            assertThat(c.path("lastAcceptedPeriod").isNull() ? null : c.path("lastAcceptedPeriod").asText())
                    .isEqualTo(last == null ? null : last.toString());
            assertThat(c.path("acceptedReports").asInt()).isEqualTo(jdbc.queryForObject("select count(*) from "
                    + "follow_up_report r join commitment c on c.id = r.commitment_id where c.code = ? and "
                    + "r.status = 'ACCEPTED'", Integer.class, code));
        }
        assertThat(codes).isEqualTo(published);
        JsonNode t2 = data.path("commitments").get(1);
        assertThat(t2.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(t2.path("evaluation").path("completionLevel").asText()).isEqualTo("COMPLETE");
        assertThat(t2.path("evaluation").path("openedGovernment").asText()).isEqualTo("MAJOR");
        assertThat(t2.path("recentReports").get(0).path("acceptedAt").asText()).endsWith("-03:00");
        assertThat(data.path("commitments").get(0).path("latestEvidence").get(0).path("href").asText())
                .isEqualTo("https://datos.example.org/obras");

        List<CSVRecord> rows = csv(body("/api/dashboard.csv", 200));
        assertThat(rows).hasSize(expected.values().stream().mapToInt(Map::size).sum());
        for (CSVRecord row : rows) {
            Object[] state = expected.get(row.get("commitment_code"))
                    .get(Integer.parseInt(row.get("milestone_position")));
            assertThat(row.get("milestone_status")).isEqualTo(state[0]);
            assertThat(Integer.parseInt(row.get("milestone_percent_complete"))).isEqualTo(state[1]);
            assertThat(row.get("milestone_title")).isEqualTo(state[2]);
        }
        assertThat(rows.get(0).get("commitment_status")).isEqualTo("IN_PROGRESS");
        assertThat(rows.get(0).get("commitment_percent_complete")).isEqualTo("60");
    }

    @Test
    void atomFeedListsAcceptedReportsNewestFirst() throws Exception {
        SyndFeed feed = new SyndFeedInput().build(new StringReader(body("/dashboard/feed", 200)));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).isEqualTo("Avances del plan de acción de gobierno abierto");
        List<Map<String, Object>> accepted = jdbc.queryForList("""
                select r.id, c.code from follow_up_report r join commitment c on c.id = r.commitment_id
                where r.status = 'ACCEPTED' and c.status = 'PUBLISHED' order by r.accepted_at desc, r.id desc
                """);
        assertThat(feed.getEntries()).hasSize(accepted.size());
        for (int i = 0; i < accepted.size(); i++) {
            SyndEntry entry = feed.getEntries().get(i);
            String code = (String) accepted.get(i).get("code");
            assertThat(entry.getTitle()).startsWith(code + " — ");
            assertThat(entry.getLink()).startsWith("http").endsWith("/dashboard/" + code + "#report-"
                    + accepted.get(i).get("id"));
            assertThat(entry.getUpdatedDate()).isNotNull();
        }
        assertThat(feed.getEntries()).extracting(e -> e.getDescription().getValue())
                .anyMatch(d -> d.contains("Hito 1 (Publicar el portal de obras): Completado, 100 %"));
        SyndFeed en = new SyndFeedInput().build(new StringReader(body("/dashboard/feed?lang=en", 200)));
        assertThat(en.getTitle()).isEqualTo("Open government action plan progress");
        assertThat(en.getEntries().get(0).getTitle()).contains("progress for");
    }

    @Test
    void statementsPerRequestStayConstantWith500CommitmentsAnd24MonthsOfReports() throws Exception {
        List<String> urls = List.of("/dashboard", "/dashboard?axis=ambiente", "/dashboard?status=IN_PROGRESS&lang=en",
                "/api/dashboard", "/api/dashboard.csv?leadArea=area-gobierno-abierto", "/dashboard/T0001",
                "/dashboard/feed");
        Map<String, Long> small = statements(urls);
        // one more than Dashboard's own statements for an anonymous request: the data version of its ETag (DashboardVersion)
        assertThat(small.values()).allMatch(n -> n >= 2 && n <= 6);
        new DashboardTestData(jdbc).bulk("B", 500, 24);
        assertThat(jdbc.queryForObject("select count(*) from follow_up_report", Integer.class))
                .isGreaterThanOrEqualTo(500 * 24);
        Map<String, Long> large = statements(urls);
        assertThat(large).isEqualTo(small);
        // further pages of the list and of a long timeline cost the same
        Map<String, Long> pages = statements(List.of("/dashboard?page=2", "/dashboard?page=26",
                "/dashboard/B00001?page=2"));
        assertThat(pages.get("/dashboard?page=2")).isEqualTo(small.get("/dashboard"));
        assertThat(pages.get("/dashboard?page=26")).isEqualTo(small.get("/dashboard"));
        assertThat(pages.get("/dashboard/B00001?page=2")).isEqualTo(small.get("/dashboard/T0001"));

        JsonNode data = json.readTree(body("/api/dashboard", 200));
        assertThat(data.path("total").asInt()).isEqualTo(504);
        assertThat(data.path("commitments")).hasSize(504);
        // every fifth commitment's last month is only SUBMITTED: its last public update is the month before
        int submittedLast = jdbc.queryForObject("select count(*) from follow_up_report where status = 'SUBMITTED' "
                + "and period = date '2022-12-01'", Integer.class);
        List<JsonNode> behind = new ArrayList<>();
        data.path("commitments").forEach(c -> {
            if (c.path("code").asText().startsWith("B") && c.path("acceptedReports").asInt() == 23) {
                behind.add(c);
            }
        });
        assertThat(behind).hasSize(submittedLast).isNotEmpty()
                .allMatch(c -> c.path("lastAcceptedPeriod").asText().equals("2022-11-01"));
        assertThat(body("/dashboard", 200)).contains("Página 1 de 26");
        String timeline = body("/dashboard/B00001", 200);
        assertThat(timeline.split("class=\"card report\"", -1)).hasSize(13);
        assertThat(timeline).contains("Página 1 de 2");
        String second = body("/dashboard/B00001?page=2", 200);
        assertThat(second.split("class=\"card report\"", -1)).hasSize(13);
        assertThat(second).contains("Informe de enero 2021");
    }

    private Map<String, Long> statements(List<String> urls) throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String url : urls) {
            body(url, 200);
            // the statements of a rendering, not of a reader served what the first one rendered
            renderedResponses.clear();
            SqlStatements.reset();
            body(url, 200);
            out.put(url, SqlStatements.count());
        }
        return out;
    }

    /** @return per commitment code, per milestone position: {status, percent, title} from the latest accepted report covering it */
    private Map<String, Map<Integer, Object[]>> milestoneStatesFromDatabase() {
        Map<String, Map<Integer, Object[]>> out = new LinkedHashMap<>();
        jdbc.query("""
                select c.code, m.position, m.title,
                  (select p.status from milestone_progress p join follow_up_report r on r.id = p.report_id
                    where p.milestone_id = m.id and r.status = 'ACCEPTED' order by r.period desc limit 1) as status,
                  (select p.percent_complete from milestone_progress p join follow_up_report r on r.id = p.report_id
                    where p.milestone_id = m.id and r.status = 'ACCEPTED' order by r.period desc limit 1) as percent
                from milestone m join commitment c on c.id = m.commitment_id
                where c.status = 'PUBLISHED' order by c.code, m.position
                """, rs -> {
                    String status = rs.getString("status");
                    int percent = rs.getInt("percent");
                    out.computeIfAbsent(rs.getString("code"), k -> new LinkedHashMap<>()).put(rs.getInt("position"),
                            new Object[] {status == null ? "NOT_STARTED" : status, percent, rs.getString("title")});
                });
        return out;
    }

    private long reportId(String code, String period) {
        return jdbc.queryForObject("select r.id from follow_up_report r join commitment c on c.id = r.commitment_id "
                + "where c.code = ? and r.period = ?", Long.class, code, LocalDate.parse(period));
    }

    private String body(String url, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(status);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static String article(String page, String code) {
        int start = page.indexOf("<article id=\"" + code + "\"");
        assertThat(start).as(code).isNotNegative();
        return page.substring(start, page.indexOf("</article>", start));
    }

    private static List<CSVRecord> csv(String text) throws Exception {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
                .getRecords();
    }
}
