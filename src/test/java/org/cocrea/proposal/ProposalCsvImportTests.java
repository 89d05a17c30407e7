package org.cocrea.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.cocrea.workflow.ProposalReviewProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The staff CSV import of offline proposals: valid rows are stored as if submitted (with their original date and
 * {@code ref}), every refused row is reported with its physical line number in the file (multi-line quoted values
 * included), re-imports refuse already imported refs, a file without the required columns stores nothing, and the
 * staff page is for the open-government team only.
 */
@CocreaIntegrationTest
class ProposalCsvImportTests {

    static final String HEADER = "ref,submitted_at,axis,axis_name,title,description,submitter_type,organization,"
            + "contact_name,contact_email,consent";

    /** Lines: 1 header, 2-3 valid, 4 bad e-mail, 5 no consent, 6 bad date, 7 foreign axis, 8-10 multi-line valid, 11 bad e-mail. */
    static final String CSV = HEADER + "\n"
            + "P101,2021-03-21T08:54:00-03:00,acceso-informacion,Acceso,Tablero de pedidos,\"Publicar los pedidos, con plazos.\",sector-privado,Cámara Ejemplo,Martín Uno,uno@example.org,true\n"
            + "P102,2021-03-14T10:39:00-03:00,ambiente,Ambiente,Huertas en plazas,Huertas comunitarias en plazas,ciudadania,,Laura Dos,dos@example.org,sí\n"
            + "P103,2021-03-15T10:00:00-03:00,ambiente,Ambiente,Correo malo,Texto,ciudadania,,Pedro Tres,tres-at-example.org,true\n"
            + "P104,2021-03-16T10:00:00-03:00,ambiente,Ambiente,Sin consentimiento,Texto,ciudadania,,Rosa Cuatro,cuatro@example.org,false\n"
            + "P105,21/03/2021 10:00,ambiente,Ambiente,Fecha mala,Texto,ciudadania,,Juan Cinco,cinco@example.org,true\n"
            + "P106,2021-03-17T10:00:00-03:00,exploracion-espacial,Espacio,Eje ajeno,Texto,ciudadania,,Sol Seis,seis@example.org,true\n"
            + "P107,2021-03-18T10:00:00-03:00,diversidad,Diversidad,Guía de lenguaje inclusivo,\"Primera línea de la propuesta.\n"
            + "Segunda línea, con una coma.\n"
            + "Tercera línea con \"\"comillas\"\".\",osc-tematica,Red Diversa,Ana Siete,siete@example.org,true\n"
            + "P108,2021-03-19T10:00:00-03:00,ambiente,Ambiente,Otro correo malo,Texto,ciudadania,,Luis Ocho,ocho@,true\n";

    @Autowired
    ProposalCsvImport csvImport;
    @Autowired
    Proposals proposals;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    MockMvc mvc;

    @BeforeEach
    void openCall() {
        fixtures.reset();
        fixtures.openCall(Duration.ofDays(2));
    }

    @Test
    void refusedRowsAreReportedWithTheirLineNumbersAndValidRowsAreStored() {
        ImportReport report = importCsv(CSV);

        assertThat(report.fileError()).isNull();
        assertThat(report.rejected()).extracting(ImportReport.RejectedRow::line, ImportReport.RejectedRow::ref)
                .containsExactly(tuple(4L, "P103"), tuple(5L, "P104"), tuple(6L, "P105"), tuple(7L, "P106"),
                        tuple(11L, "P108"));
        Map<String, List<String>> fieldsByRef = report.rejected().stream().collect(Collectors.toMap(
                ImportReport.RejectedRow::ref, r -> r.problems().stream().map(FieldProblem::field).toList()));
        assertThat(fieldsByRef).containsEntry("P103", List.of("email")).containsEntry("P104", List.of("consent"))
                .containsEntry("P105", List.of("submitted_at")).containsEntry("P106", List.of("axis"))
                .containsEntry("P108", List.of("email"));

        assertThat(report.imported()).extracting(ImportReport.ImportedRow::line, ImportReport.ImportedRow::ref)
                .containsExactly(tuple(2L, "P101"), tuple(3L, "P102"), tuple(8L, "P107"));
        List<Proposal> stored = proposals.ofCall(fixtures.openCallId());
        assertThat(stored).extracting(Proposal::getExternalRef).containsExactlyInAnyOrder("P101", "P102", "P107");
        assertThat(stored).allMatch(p -> p.getChannel() == Channel.CSV);
        assertThat(rowCount()).isEqualTo(3);

        Proposal p101 = byRef(stored, "P101");
        assertThat(p101.getSubmittedAt()).isEqualTo(Instant.parse("2021-03-21T11:54:00Z"));
        assertThat(p101.getTrackingCode()).isEqualTo(report.imported().get(0).trackingCode());
        assertThat(p101.getDescription()).isEqualTo("Publicar los pedidos, con plazos.");
        assertThat(byRef(stored, "P102").getOrganization()).isNull();
        assertThat(byRef(stored, "P102").isConsent()).isTrue();
        assertThat(byRef(stored, "P107").getDescription()).isEqualTo(
                "Primera línea de la propuesta.\nSegunda línea, con una coma.\nTercera línea con \"comillas\".");

        // Every stored row started its review like a public submission.
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ProposalReviewProcess.KEY).count())
                .isEqualTo(3);
        assertThat(fixtures.jdbc().queryForObject(
                "select count(*) from mail_outbox where kind = 'proposal-received'", Long.class)).isEqualTo(3);
    }

    @Test
    void reImportRefusesAlreadyImportedRefsAsDuplicates() {
        importCsv(CSV);
        ImportReport again = importCsv(CSV);

        assertThat(again.imported()).isEmpty();
        assertThat(again.rejected()).extracting(ImportReport.RejectedRow::line, ImportReport.RejectedRow::ref)
                .containsExactly(tuple(2L, "P101"), tuple(3L, "P102"), tuple(4L, "P103"), tuple(5L, "P104"),
                        tuple(6L, "P105"), tuple(7L, "P106"), tuple(8L, "P107"), tuple(11L, "P108"));
        for (String ref : List.of("P101", "P102", "P107")) {
            assertThat(problemsOf(again, ref)).containsExactly(FieldProblem.of("ref", "validation.duplicate"));
        }
        assertThat(rowCount()).isEqualTo(3);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ProposalReviewProcess.KEY).count())
                .isEqualTo(3);
    }

    @Test
    void duplicateRefWithinOneFileIsStoredOnce() {
        String csv = HEADER + "\n"
                + "P201,,ambiente,Ambiente,Uno,Texto,ciudadania,,Uno,uno@example.org,true\n"
                + "P201,,ambiente,Ambiente,Uno otra vez,Texto,ciudadania,,Uno,uno@example.org,true\n";
        ImportReport report = importCsv(csv);
        assertThat(report.imported()).extracting(ImportReport.ImportedRow::line).containsExactly(2L);
        assertThat(report.rejected()).extracting(ImportReport.RejectedRow::line).containsExactly(3L);
        assertThat(rowCount()).isEqualTo(1);
    }

    @Test
    void windowsLineEndingsAndByteOrderMarkGiveTheSameResult() {
        String crlf = "\uFEFF" + CSV.replace("\n", "\r\n");
        ImportReport report = importCsv(crlf);
        assertThat(report.fileError()).isNull();
        assertThat(report.rejected()).extracting(ImportReport.RejectedRow::line).containsExactly(4L, 5L, 6L, 7L, 11L);
        assertThat(report.imported()).extracting(ImportReport.ImportedRow::line).containsExactly(2L, 3L, 8L);
        assertThat(byRef(proposals.ofCall(fixtures.openCallId()), "P107").getDescription())
                .contains("Primera línea de la propuesta.").contains("Tercera línea");
    }

    @Test
    void blankLinesDoNotShiftReportedLineNumbers() {
        String csv = HEADER + "\n"
                + "P301,,ambiente,Ambiente,Uno,Texto,ciudadania,,Uno,uno@example.org,true\n"
                + "\n"
                + "P302,,ambiente,Ambiente,Dos,Texto,ciudadania,,Dos,dos-at-example.org,true\n";
        ImportReport report = importCsv(csv);
        assertThat(report.rejected()).extracting(ImportReport.RejectedRow::line, ImportReport.RejectedRow::ref)
                .containsExactly(tuple(4L, "P302"));
    }

    @Test
    void rowWithTheWrongNumberOfColumnsIsRefusedAndTheRestImported() {
        String csv = HEADER + "\n"
                + "P401,,ambiente,Ambiente,Corta,Texto\n"
                + "P402,,ambiente,Ambiente,Completa,Texto,ciudadania,,Dos,dos@example.org,true\n";
        ImportReport report = importCsv(csv);
        assertThat(report.rejected()).extracting(ImportReport.RejectedRow::line, ImportReport.RejectedRow::ref)
                .containsExactly(tuple(2L, "P401"));
        assertThat(report.rejected().get(0).problems()).containsExactly(FieldProblem.of("row", "validation.columns"));
        assertThat(report.imported()).extracting(ImportReport.ImportedRow::ref).containsExactly("P402");
    }

    @Test
    void unterminatedQuoteGivesAFileErrorAndKeepsTheRowsBeforeIt() {
        String csv = HEADER + "\n"
                + "P501,,ambiente,Ambiente,Uno,Texto,ciudadania,,Uno,uno@example.org,true\n"
                + "P502,,ambiente,Ambiente,Dos,\"Texto sin cerrar,ciudadania,,Dos,dos@example.org,true\n";
        ImportReport report = importCsv(csv);
        assertThat(report.fileError()).isNotNull();
        assertThat(report.imported()).extracting(ImportReport.ImportedRow::ref).containsExactly("P501");
        assertThat(rowCount()).isEqualTo(1);
    }

    @Test
    void fileMissingAColumnGivesAFileErrorAndStoresNothing() {
        String csv = CSV.replace(",consent\n", "\n").replaceAll(",(true|false|sí)\n", "\n");
        ImportReport report = importCsv(csv);
        assertThat(report.fileError()).contains("consent");
        assertThat(report.imported()).isEmpty();
        assertThat(report.rejected()).isEmpty();
        assertThat(rowCount()).isZero();
    }

    @Test
    void emptyFileGivesAFileErrorAndStoresNothing() {
        ImportReport report = importCsv("");
        assertThat(report.fileError()).isNotNull();
        assertThat(rowCount()).isZero();
    }

    @Test
    void importWithNoOpenCallThrowsAndStoresNothing() {
        fixtures.reset();
        assertThatThrownBy(() -> importCsv(CSV)).isInstanceOf(NoOpenCallException.class);
        assertThat(rowCount()).isZero();
    }

    // ---- the staff page ---------------------------------------------------------------------------------------

    @Test
    void staffPageShowsTheReport() throws Exception {
        String html = mvc.perform(multipart("/staff/proposals/import").file(csvFile(CSV)).with(csrf())
                .with(user("staff-x").authorities(new SimpleGrantedAuthority("GROUP_og-team"))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"import-report\"").contains("Propuestas importadas: 3")
                .contains("Filas rechazadas: 5").contains("<td>11</td><td>P108</td>")
                .contains("<td>4</td><td>P103</td>").contains("No es una dirección de correo válida.")
                .contains("Fecha y hora inválida");
        assertThat(rowCount()).isEqualTo(3);
    }

    @Test
    void staffPageShowsAFileError() throws Exception {
        mvc.perform(multipart("/staff/proposals/import").file(csvFile("a,b\n1,2\n")).with(csrf())
                .with(user("staff-x").authorities(new SimpleGrantedAuthority("GROUP_og-team"))))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("No se pudo importar el archivo: missing columns")));
        assertThat(rowCount()).isZero();
    }

    @Test
    void staffPageWithNoOpenCallSaysSo() throws Exception {
        fixtures.reset();
        mvc.perform(multipart("/staff/proposals/import").file(csvFile(CSV)).with(csrf())
                .with(user("staff-x").authorities(new SimpleGrantedAuthority("GROUP_og-team"))))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("id=\"import-error\"")));
        assertThat(rowCount()).isZero();
    }

    @Test
    void anonymousImportIsRedirectedToLogin() throws Exception {
        mvc.perform(multipart("/staff/proposals/import").file(csvFile(CSV)).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("**/login"));
        assertThat(rowCount()).isZero();
    }

    @Test
    void areaUserCannotImport() throws Exception {
        mvc.perform(multipart("/staff/proposals/import").file(csvFile(CSV)).with(csrf())
                .with(user("area-x").authorities(new SimpleGrantedAuthority("GROUP_area-ambiente"))))
                .andExpect(status().isForbidden());
        assertThat(rowCount()).isZero();
    }

    @Test
    void importWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(multipart("/staff/proposals/import").file(csvFile(CSV))
                .with(user("staff-x").authorities(new SimpleGrantedAuthority("GROUP_og-team"))))
                .andExpect(status().isForbidden());
        assertThat(rowCount()).isZero();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private ImportReport importCsv(String csv) {
        return csvImport.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test.csv");
    }

    private static MockMultipartFile csvFile(String csv) {
        return new MockMultipartFile("file", "offline.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private long rowCount() {
        return fixtures.jdbc().queryForObject("select count(*) from proposal", Long.class);
    }

    private static Proposal byRef(List<Proposal> stored, String ref) {
        return stored.stream().filter(p -> ref.equals(p.getExternalRef())).findFirst().orElseThrow();
    }

    private static List<FieldProblem> problemsOf(ImportReport report, String ref) {
        return report.rejected().stream().filter(r -> ref.equals(r.ref())).findFirst().orElseThrow().problems();
    }
}
