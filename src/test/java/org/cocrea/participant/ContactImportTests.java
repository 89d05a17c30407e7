package org.cocrea.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;

import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.SqlStatements;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The contact import as a background job on PostgreSQL: the upload answers at once and stores nothing, the job stores
 * the rows in chunks and the import's page reports them by line, an import stopped after a chunk resumes there once
 * its lease expires with every row stored once, a chunk broken by the database is redone row by row, bad files are
 * refused whole at upload, and only staff reach the pages.
 */
@CocreaIntegrationTest
class ContactImportTests {

    private static final String HEADER = String.join(",", ContactCsvImport.COLUMNS);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    ContactImportJob job;
    @Autowired
    ContactCsvImport imports;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void reset() {
        fixtures.reset();
    }

    @AfterEach
    void cleanUp() {
        job.afterChunk = id -> { };
        fixtures.reset();
    }

    @Test
    void uploadAnswersAtOnceAndTheJobStoresTheRowsAndReportsTheRefusedOnesByLine() throws Exception {
        String csv = HEADER + "\n"
                + "ana@example.org,Ana,Fundación Datos,osc-tematica,ambiente,,es,,\n"
                + "not-an-email,Nadie,,,,,es,,\n"
                + "\n"
                + "luis@example.org,Luis,,,ambiente,,en,ayer,Convocatorias\n"
                + "eva@example.org,Eva,,,,,es,,\n";

        String page = mvc.perform(multipart("/staff/contacts/import").file(csvFile(csv)).with(csrf()).with(staff()))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrlPattern("/staff/contacts/imports/*"))
                .andReturn().getResponse().getRedirectedUrl();

        assertThat(count("contact")).as("nothing stored before the job runs").isZero();
        mvc.perform(get(page).with(staff()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Estado: en espera")))
                .andExpect(content().string(containsString("http-equiv=\"refresh\"")))
                .andExpect(content().string(containsString("Filas procesadas: 0 de 4")));

        assertThat(job.runOnce()).isTrue();
        assertThat(job.runOnce()).as("nothing left").isFalse();

        assertThat(count("contact")).isEqualTo(2);
        mvc.perform(get(page).with(staff()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Estado: terminada")))
                .andExpect(content().string(not(containsString("http-equiv=\"refresh\""))))
                .andExpect(content().string(containsString("Filas procesadas: 4 de 4")))
                .andExpect(content().string(containsString("Contactos guardados: 2")))
                .andExpect(content().string(containsString("Filas rechazadas: 2")))
                .andExpect(content().string(containsString("<td>3</td><td>not-an-email</td><td>email: email</td>")))
                .andExpect(content().string(containsString(
                        "<td>5</td><td>luis@example.org</td><td>consent_at: dateTime</td>")));
        mvc.perform(get(page + "/refusals.csv").with(staff()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string("line,email,problems\r\n3,not-an-email,email: email\r\n"
                        + "5,luis@example.org,consent_at: dateTime\r\n"));
        mvc.perform(get("/staff/contacts/import").with(staff()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"" + page + "\"")))
                .andExpect(content().string(containsString("contactos.csv")));
    }

    @Test
    void anImportStoppedAfterAChunkResumesThereOnceItsLeaseExpiresAndStoresEveryRowOnce() {
        int rows = 2 * ContactImportJob.CHUNK + 500;
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        int bad = 0;
        for (int i = 0; i < rows; i++) {
            boolean refused = i % 400 == 7;
            bad += refused ? 1 : 0;
            csv.append(refused ? "broken-" + i : "p" + i + "@example.org").append(",Persona ").append(i)
                    .append(",Org ").append(i % 7).append(",osc-tematica,ambiente;ninez,,es,,\n");
        }
        long id = imports.submit(csv.toString().getBytes(StandardCharsets.UTF_8), "grande.csv", "equipo").id();
        job.afterChunk = importId -> {
            throw new IllegalStateException("node stopped after its first chunk");
        };

        assertThatThrownBy(job::runOnce).hasMessageContaining("node stopped");

        int firstChunkBad = (ContactImportJob.CHUNK - 7 + 399) / 400; // lines of i = 7, 407, 807, ...
        assertThat(count("contact")).isEqualTo(ContactImportJob.CHUNK - firstChunkBad);
        assertThat(jdbc.queryForObject("select status || ' ' || next_line || ' ' || rows_done from contact_import "
                + "where id = ?", String.class, id)).isEqualTo("RUNNING " + (ContactImportJob.CHUNK + 2) + " "
                        + ContactImportJob.CHUNK);
        job.afterChunk = importId -> { };
        assertThat(job.runOnce()).as("its lease still holds: another node leaves it alone").isFalse();

        jdbc.update("update contact_import set lease_until = ? where id = ?",
                Timestamp.from(Instant.now().minusSeconds(60)), id);
        assertThat(job.runOnce()).isTrue();

        ContactCsvImport.Status done = imports.status(id).orElseThrow();
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.rowsDone()).isEqualTo(rows);
        assertThat(done.imported()).isEqualTo(rows - bad);
        assertThat(done.refused()).isEqualTo(bad);
        assertThat(count("contact")).isEqualTo(rows - bad);
        assertThat(jdbc.queryForObject("select count(distinct line) from contact_import_refusal where import_id = ?",
                Long.class, id)).isEqualTo(bad);
        assertThat(count("contact_axis")).as("two axes per person, none twice").isEqualTo(2L * (rows - bad));
        assertThat(count("organization")).isEqualTo(7);
        assertThat(jdbc.queryForObject("select count(*) from contact c join organization o on o.id = c.organization_id "
                + "where o.name = 'Org ' || cast(mod(cast(substring(c.name from 9) as integer), 7) as varchar(2))",
                Long.class)).as("each person in their organisation").isEqualTo(rows - bad);
    }

    @Test
    void aReimportOfKnownAddressesUpdatesThemInAFixedNumberOfStatementsPerChunk() {
        int rows = ContactImportJob.CHUNK;
        StringBuilder first = new StringBuilder(HEADER).append('\n');
        StringBuilder again = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            // "ORG 3" on line 10 is the organisation "Org 3" of line 5 (names are compared in any capitals)
            first.append("k").append(i).append("@example.org,Persona ").append(i).append(i == 8 ? ",ORG " : ",Org ")
                    .append(i % 5)
                    .append(",osc-tematica,ambiente,,es,2024-05-01T10:00:00-03:00,Convocatorias\n");
            // no name, organisation or consent: those are kept; another axis, a topic and the language change
            again.append(i % 2 == 0 ? "K" : "k").append(i).append("@example.org,,,,ninez,reutilizacion-datos,en,,\n");
            if (i == 0) {
                // k1 twice in the first chunk: this row's name and consent replace the stored ones, and the later
                // row (no name, no consent) keeps them
                again.append("k1@example.org,Otra Persona,,,datos-abiertos,,en,2024-06-01T09:00:00Z,"
                        + "Nuevas convocatorias\n");
            }
        }
        imports.submit(first.toString().getBytes(StandardCharsets.UTF_8), "a.csv", "equipo");
        assertThat(job.runOnce()).isTrue();
        long id = imports.submit(again.toString().getBytes(StandardCharsets.UTF_8), "b.csv", "equipo").id();

        SqlStatements.reset();
        assertThat(job.runOnce()).isTrue();
        long statements = SqlStatements.count();

        ContactCsvImport.Status done = imports.status(id).orElseThrow();
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.imported()).isEqualTo(rows + 1);
        assertThat(count("contact")).isEqualTo(rows);
        assertThat(count("organization")).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from contact c join organization o on o.id = c.organization_id "
                + "where o.name = 'Org ' || cast(mod(cast(substring(c.email from 2 for position('@' in c.email) - 2) as "
                + "integer), 5) as varchar(2)) and c.language = 'en' and c.name = 'Persona ' || substring(c.email from 2 "
                + "for position('@' in c.email) - 2) and c.consent_at = timestamp with time zone "
                + "'2024-05-01T13:00:00Z' and c.consent_scope = 'Convocatorias'", Long.class))
                .as("organisation, name and consent kept, language changed").isEqualTo(rows - 1L);
        assertThat(jdbc.queryForMap("select name, consent_scope, consent_at from contact where email = 'k1@example.org'"))
                .containsEntry("name", "Otra Persona").containsEntry("consent_scope", "Nuevas convocatorias")
                .containsEntry("consent_at", Timestamp.from(Instant.parse("2024-06-01T09:00:00Z")));
        assertThat(count("contact_axis")).as("ambiente and ninez each, datos-abiertos once more").isEqualTo(2L * rows
                + 1);
        assertThat(count("contact_topic")).isEqualTo(rows);
        assertThat(jdbc.queryForList("select axis from contact_axis a join contact c on c.id = a.contact_id where "
                + "c.email = 'k1@example.org' order by axis", String.class))
                .containsExactly("ambiente", "datos-abiertos", "ninez");

        // claim (2), read the file, per chunk: contacts inserted, known ones updated, axes, topics, progress; finish
        // (the row-by-row path took at least four per row: insert-if-absent, lock, load, update)
        assertThat(statements).as("statements for %d known addresses in two chunks", rows).isLessThanOrEqualTo(16);
    }

    @Test
    void aChunkTheDatabaseBreaksIsRedoneRowByRowAndOnlyTheFailingRowIsRefused() throws Exception {
        // a database error the checks cannot foresee, on one address only
        jdbc.execute("create or replace function test_refuse_contact() returns trigger language plpgsql as $$ begin "
                + "if new.email = 'boom@example.org' then raise exception 'test: refused by the database'; end if; "
                + "return new; end $$");
        jdbc.execute("create trigger test_refuse_contact before insert on contact for each row "
                + "execute function test_refuse_contact()");
        try {
            long id = imports.submit((HEADER + "\nana@example.org,Ana,,,,,es,,\nboom@example.org,Boom,,,,,es,,\n"
                    + "luis@example.org,Luis,,,,,es,,\n").getBytes(StandardCharsets.UTF_8), "b.csv", "equipo").id();

            assertThat(job.runOnce()).isTrue();

            ContactCsvImport.Status done = imports.status(id).orElseThrow();
            assertThat(done.status()).isEqualTo("DONE");
            assertThat(done.imported()).isEqualTo(2);
            assertThat(imports.refusals(id, 10)).containsExactly(new ContactCsvImport.Rejected(3, "boom@example.org",
                    java.util.List.of("row: processingFailed")));
            assertThat(jdbc.queryForList("select email from contact order by email", String.class))
                    .containsExactly("ana@example.org", "luis@example.org");
        } finally {
            jdbc.execute("drop trigger test_refuse_contact on contact");
            jdbc.execute("drop function test_refuse_contact()");
        }
    }

    @Test
    void badFilesAreRefusedWholeAtUploadWithTheReason() throws Exception {
        refused(csvFile("email,name\nana@example.org,Ana\n"), "missing columns: organization");
        refused(new MockMultipartFile("file", "x.csv", "text/csv", new byte[] {'e', 'm', (byte) 0xff, (byte) 0xfe,
                '\n'}), "not UTF-8");
        refused(new MockMultipartFile("file", "x.csv", "text/csv", new byte[0]), "Elegí un archivo CSV.");
        StringBuilder many = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i <= ContactCsvImport.MAX_ROWS; i++) {
            many.append("a").append(i).append("@x.org,,,,,,es,,\n");
        }
        refused(csvFile(many.toString()), "more than 200000 rows: split the file");

        assertThat(count("contact_import")).as("nothing queued").isZero();
    }

    @Test
    void importPagesNeedAStaffLogin() throws Exception {
        long id = imports.submit((HEADER + "\nana@example.org,,,,,,es,,\n").getBytes(StandardCharsets.UTF_8),
                "a.csv", "equipo").id();
        for (String path : new String[] {"/staff/contacts/imports/" + id,
                "/staff/contacts/imports/" + id + "/refusals.csv"}) {
            mvc.perform(get(path)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
            mvc.perform(get(path).with(user("vecina").authorities(new SimpleGrantedAuthority("GROUP_proposers"))))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/staff/contacts/imports/987654321").with(staff())).andExpect(status().isNotFound());
        mvc.perform(get("/staff/contacts/imports/" + id).with(staff())).andExpect(status().isOk());
    }

    private void refused(MockMultipartFile file, String reason) throws Exception {
        mvc.perform(multipart("/staff/contacts/import").file(file).with(csrf()).with(staff()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"import-error\"")))
                .andExpect(content().string(containsString(reason)));
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static MockMultipartFile csvFile(String csv) {
        return new MockMultipartFile("file", "contactos.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private static RequestPostProcessor staff() {
        return user("x").authorities(new SimpleGrantedAuthority("GROUP_og-team"));
    }
}
