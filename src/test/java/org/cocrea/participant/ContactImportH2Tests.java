package org.cocrea.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The contact import on H2 (the first-run demo database), where {@link ContactRegistry#registerAll} stores nothing
 * and every row takes the row-by-row path: a first import adds the people (one address twice: merged, an
 * organisation in two capitalisations: one), a re-import updates them, and a bad row is refused by line.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:cocrea-import-h2;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=",
        "camunda.bpm.job-execution.enabled=false", "cocrea.scheduling.enabled=false",
        "camunda.bpm.generate-unique-process-engine-name=true", "spring.mail.host=" })
@ActiveProfiles("demo")
class ContactImportH2Tests {

    private static final String HEADER = String.join(",", ContactCsvImport.COLUMNS);

    @Autowired
    ContactCsvImport imports;
    @Autowired
    ContactImportJob job;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anImportAndAReimportOnH2StoreAndUpdateThePeopleRowByRow() {
        long first = imports.submit((HEADER + "\n"
                + "h2-ana@example.org,Ana,Fundación H2,osc-tematica,ambiente,,es,2024-05-01T10:00:00-03:00,Convocatorias\n"
                + "h2-luis@example.org,Luis,FUNDACIÓN H2,osc-tematica,,,es,,\n"
                + "not-an-email,Nadie,,,,,es,,\n"
                + "H2-ANA@example.org,,,,ninez,,en,,\n").getBytes(StandardCharsets.UTF_8), "h2.csv", "equipo").id();
        while (job.runOnce()) {
            // until no import waits
        }
        assertThat(imports.status(first).orElseThrow().imported()).isEqualTo(3);
        assertThat(imports.refusals(first, 10)).extracting(ContactCsvImport.Rejected::line).containsExactly(4L);

        long again = imports.submit((HEADER + "\nh2-luis@example.org,Luis Alberto,,,datos-abiertos,,en,,\n")
                .getBytes(StandardCharsets.UTF_8), "h2-again.csv", "equipo").id();
        while (job.runOnce()) {
            // until no import waits
        }
        assertThat(imports.status(again).orElseThrow().status()).isEqualTo("DONE");
        assertThat(jdbc.queryForList("select c.email || ' ' || c.name || ' ' || c.language || ' ' || o.name || ' ' "
                + "|| coalesce(c.consent_scope, '-') from contact c join organization o on o.id = c.organization_id "
                + "where c.email like 'h2-%' order by c.email", String.class)).containsExactly(
                        "h2-ana@example.org Ana en Fundación H2 Convocatorias",
                        "h2-luis@example.org Luis Alberto en Fundación H2 -");
        assertThat(jdbc.queryForList("select a.axis from contact_axis a join contact c on c.id = a.contact_id where "
                + "c.email like 'h2-%' order by c.email, a.axis", String.class))
                .isEqualTo(List.of("ambiente", "ninez", "datos-abiertos"));
    }
}
