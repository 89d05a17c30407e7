package org.cocrea.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cocrea.followup.Evaluations;
import org.cocrea.roundtable.RoundTables;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * Official outputs in one language at a time (issue 10, item 5): the demo's real commitments ARBA0001-ARBA0006 on the
 * action plan page, its PDF, its open data and the dashboard, in Spanish and in English; a text that exists in one
 * language only shown with a visible marker; the ended commitments shown as ended with their evaluation.
 */
@CocreaIntegrationTest
class BilingualOutputTests {

    /** The demo's data file: the public source plus Spanish texts (own translations marked as such). */
    private static final String DEMO_DATA = "demo/ba-2021-2023-commitments.json";
    /** The public source as shared (English texts; Spanish titles for ARBA0001-ARBA0003 only). */
    private static final String SOURCE_DATA = "data/ba-2021-2023-commitments.json";

    private static final String TITLE_4_ES = "Lenguaje claro: una herramienta para garantizar una comunicación simple";
    private static final String TITLE_4_EN = "Plain Language: a tool to guarantee simple";
    private static final String MILESTONE_1_ES = "Capacitación y difusión";
    private static final String MILESTONE_1_EN = "Training and dissemination";
    private static final String AREA_5_ES = "Dirección General de Restauración Ecológica y Recomposición Ambiental";
    private static final String AREA_5_EN = "General Direction of Ecological Restoration and Environmental Recomposition";
    private static final String INSTITUTION_4_ES = "Secretaría Legal y Técnica";
    private static final String INSTITUTION_4_EN = "Legal and Technical Secretariat";
    private static final List<String> CODES = List.of("ARBA0001", "ARBA0002", "ARBA0003", "ARBA0004", "ARBA0005",
            "ARBA0006");

    @Autowired
    ActionPlan plan;
    @Autowired
    Evaluations evaluations;
    @Autowired
    RoundTables roundTables;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    MockMvc mvc;

    @BeforeEach
    void reset() {
        fixtures.reset();
    }

    private void importData(String location) throws Exception {
        try (InputStream in = new ClassPathResource(location).getInputStream()) {
            plan.importPublished(in, "ARBA-2021-2023");
        }
        // as the demo does (DemoCommitments): the areas of areas.csv lead them
        plan.assignLeadArea("ARBA0004", "area-legal-tecnica", "lenguaje-claro");
        plan.assignLeadArea("ARBA0005", "area-ambiente", "ambiente");
    }

    private String page(String path, String lang) throws Exception {
        return mvc.perform(get(path).param("lang", lang)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String html(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    @Test
    void spanishActionPlanShowsSpanishTitlesMilestonesAndInstitutions() throws Exception {
        importData(DEMO_DATA);
        String es = page("/action-plan", "es");
        assertThat(es).contains(html(TITLE_4_ES)).contains(html(MILESTONE_1_ES)).contains(html(INSTITUTION_4_ES))
                .contains(html(AREA_5_ES)).contains(html("(traducción propia)"));
        assertThat(es).doesNotContain(html(TITLE_4_EN)).doesNotContain(MILESTONE_1_EN)
                .doesNotContain(INSTITUTION_4_EN).doesNotContain(AREA_5_EN).doesNotContain("Summary (paraphrased")
                .as("every text exists in Spanish: no fallback").doesNotContain(html("(solo en inglés)"));

        String en = page("/action-plan", "en");
        assertThat(en).contains(html(TITLE_4_EN)).contains(MILESTONE_1_EN).contains(INSTITUTION_4_EN)
                .contains(AREA_5_EN);
        assertThat(en).doesNotContain(html(TITLE_4_ES)).doesNotContain(html(MILESTONE_1_ES))
                .doesNotContain(html(INSTITUTION_4_ES)).as("English pages name areas in English")
                .doesNotContain(html(AREA_5_ES)).doesNotContain("(Spanish only)")
                .as("English texts are the originals").doesNotContain("(our own translation)");
    }

    @Test
    void aTextInOneLanguageOnlyIsShownInThatLanguageWithAVisibleMarker() throws Exception {
        importData(SOURCE_DATA);
        String es = page("/action-plan", "es");
        assertThat(es).contains("<span lang=\"en\" class=\"fallback-text\">" + html(
                "Plain Language: a tool to guarantee simple, fast and effective communication between the State and "
                        + "citizens") + "</span><small class=\"fallback\"> " + html("(solo en inglés)") + "</small>");

        String sheet = """
                [{"id": "PRUEBA01", "title_es": "Solo en castellano", "description_es": "Descripción",
                  "commitment_start": "2024-01", "commitment_end": "2024-12", "ogp_values": [],
                  "action_lines_es": ["Hito en castellano"]}]""";
        plan.importPublished(new ByteArrayInputStream(sheet.getBytes(StandardCharsets.UTF_8)), "ARBA-2021-2023");
        String en = page("/action-plan", "en");
        assertThat(en).contains("<span lang=\"es\" class=\"fallback-text\">Solo en castellano</span>"
                + "<small class=\"fallback\"> (Spanish only)</small>")
                .contains("<span lang=\"es\" class=\"fallback-text\">Hito en castellano</span>");
    }

    @Test
    void spanishPdfIsInSpanish() throws Exception {
        importData(DEMO_DATA);
        byte[] pdf = mvc.perform(get("/action-plan.pdf").param("lang", "es")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains(TITLE_4_ES).contains(MILESTONE_1_ES).contains(INSTITUTION_4_ES)
                    .contains(AREA_5_ES).contains("Participación de niñas, niños y adolescentes");
            assertThat(text).doesNotContain(TITLE_4_EN).doesNotContain(MILESTONE_1_EN)
                    .doesNotContain(INSTITUTION_4_EN).doesNotContain(AREA_5_EN).doesNotContain("Summary (paraphrased");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void openDataCarriesBothLanguagesAndTheTranslations() throws Exception {
        importData(DEMO_DATA);
        List<Map<String, Object>> json = new ObjectMapper().readValue(page("/api/action-plan", "es"),
                new TypeReference<>() {
                });
        Map<String, Object> fourth = json.get(3);
        assertThat(fourth).containsEntry("code", "ARBA0004").containsEntry("title", fourth.get("titleEs"))
                .containsEntry("leadAreaEs", INSTITUTION_4_ES).containsEntry("leadAreaEn", INSTITUTION_4_EN);
        assertThat((String) fourth.get("titleEs")).startsWith(TITLE_4_ES);
        assertThat((String) fourth.get("titleEn")).startsWith(TITLE_4_EN);
        assertThat((List<Object>) fourth.get("translated")).contains("titleEs", "descriptionEs",
                "supportingInstitutionsEs");
        Map<?, ?> milestone = (Map<?, ?>) ((List<?>) json.get(0).get("milestones")).get(0);
        assertThat(milestone.get("titleEs")).isEqualTo(MILESTONE_1_ES);
        assertThat(milestone.get("titleEn")).isEqualTo(MILESTONE_1_EN);
        assertThat((List<Object>) milestone.get("translated")).containsExactly("titleEs");

        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(page("/api/action-plan.csv", "es"))).getRecords();
        assertThat(rows.get(0).get("milestones")).startsWith(MILESTONE_1_ES + " (");
        assertThat(rows.get(0).get("milestones_en")).startsWith(MILESTONE_1_EN + " (");
        assertThat(rows.get(0).get("translated")).isEqualTo("supporting_institutions|description|milestones");
        assertThat(rows.get(3).get("translated")).isEqualTo("title|supporting_institutions|description");
    }

    @Test
    void theEndedRealCommitmentsShowAsEndedWithTheirEvaluation() throws Exception {
        importData(DEMO_DATA);
        String es = page("/dashboard", "es");
        for (String code : CODES) {
            String article = article(es, code);
            assertThat(article).as(code).contains("data-status=\"ENDED\"").contains("Finalizado")
                    .contains(html("Evaluación del cumplimiento pendiente")).doesNotContain("Sin iniciar")
                    .doesNotContain("0 % completado")
                    .contains(html("Evaluación del diseño por el IRM")).contains(html("Verificable"));
        }
        assertThat(article(es, "ARBA0004")).contains(html(TITLE_4_ES)).doesNotContain(html(TITLE_4_EN))
                .contains(html(INSTITUTION_4_ES));
        assertThat(article(es, "ARBA0001")).contains(html(MILESTONE_1_ES)).doesNotContain(MILESTONE_1_EN)
                .contains(html("Sin informe de avance aceptado"));
        String en = page("/dashboard", "en");
        assertThat(article(en, "ARBA0005")).contains(AREA_5_EN).doesNotContain(html(AREA_5_ES)).contains("Ended");
        assertThat(article(en, "ARBA0001")).contains(MILESTONE_1_EN).doesNotContain(html(MILESTONE_1_ES));
        assertThat(page("/dashboard?status=ENDED", "es")).contains(html("Compromisos que coinciden: 6"));

        // the monitoring body evaluates one (as its Tasklist form does, through the service)
        long id = fixtures.jdbc().queryForObject("select id from commitment where code = 'ARBA0005'", Long.class);
        evaluations.record(id, "SUBSTANTIAL", "MARGINAL", true, true, "Relevamiento publicado.", "monitoreo");
        String page = page("/dashboard/ARBA0005", "es");
        assertThat(page).contains("data-status=\"ENDED\"")
                .contains(html("Evaluación del cumplimiento: Sustancial")).contains("Marginal")
                .doesNotContain(html("Evaluación del cumplimiento pendiente"));
        assertThat(page("/dashboard/ARBA0005", "en")).contains("Completion evaluation: Substantial");
    }

    @Test
    void roundTablesHaveATitleInEachLanguage() throws Exception {
        fixtures.openCall(Duration.ofDays(1));
        long id = roundTables.create(fixtures.openCallId(), "ambiente", null).getId();
        roundTables.confirm(id, roundTables.get(id).getStartsAt(), 120, "https://meet.example.org/mesa", 40);
        assertThat(roundTables.get(id).getTitles().spanish()).startsWith("Mesa de co-creación: ");
        assertThat(roundTables.get(id).getTitles().english()).startsWith("Co-creation round-table: ");
        String en = page("/round-tables/" + id, "en");
        assertThat(en).contains(html(roundTables.get(id).getTitles().english()))
                .doesNotContain(html("Mesa de co-creación"));
        assertThat(page("/round-tables/" + id, "es")).contains(html(roundTables.get(id).getTitles().spanish()));
    }

    private static String article(String page, String code) {
        int start = page.indexOf("<article id=\"" + code + "\"");
        assertThat(start).as(code).isNotNegative();
        return page.substring(start, page.indexOf("</article>", start));
    }
}
