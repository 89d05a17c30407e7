package org.cocrea.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Locale;

import org.cocrea.area.Areas;
import org.cocrea.consultation.CallForProposals;
import org.cocrea.consultation.Consultations;
import org.cocrea.kernel.ContentVersions;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The public list's simpler search on H2 (the first-run demo database), where migration V70 creates nothing: every
 * word must appear in the title or description, case and accents ignored and a final "s"/"es" dropped. Same data as
 * the PostgreSQL tests ({@link PublicProposalListTestData}).
 */
class ProposalCatalogueH2Tests {

    private static JdbcTemplate jdbc;
    private static ProposalCatalogue catalogue;

    @BeforeAll
    static void migrate() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:proposal-catalogue;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").table("cocrea_schema_history")
                .baselineOnMigrate(true).baselineVersion("0").javaMigrations(new ProposalSearchMigration(),
                        ContentVersions.migration()).load()
                .migrate();
        jdbc = new JdbcTemplate(h2);
        PublicProposalListTestData data = new PublicProposalListTestData(jdbc).write();
        Consultations consultations = mock(Consultations.class);
        CallForProposals c2021 = call(data.call2021, "Consulta pública 2021", List.of("datos-abiertos"));
        CallForProposals c2022 = call(data.call2022, "Consulta pública 2022", List.of("lenguaje-claro"));
        when(consultations.all()).thenReturn(List.of(c2021, c2022));
        Areas areas = mock(Areas.class);
        when(areas.all()).thenReturn(List.of());
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages");
        messages.setDefaultEncoding("UTF-8");
        catalogue = new ProposalCatalogue(new NamedParameterJdbcTemplate(h2), consultations, areas, messages,
                new StaticListableBeanFactory().getBeanProvider(ProposalOutcomes.class));
    }

    @AfterAll
    static void drop() {
        jdbc.execute("drop all objects");
    }

    private static CallForProposals call(long id, String title, List<String> axes) {
        CallForProposals call = mock(CallForProposals.class);
        when(call.getId()).thenReturn(id);
        when(call.getTitle()).thenReturn(title);
        when(call.getAxes()).thenReturn(axes);
        return call;
    }

    @Test
    void theMigrationLeavesH2Alone() {
        assertThat(jdbc.queryForObject("select count(*) from information_schema.routines"
                + " where lower(routine_name) like 'cocrea%'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from \"cocrea_schema_history\" where \"version\" = '70'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void theListsVersionRunsOnH2AndSeesAnEditInPlace() {
        ProposalListVersion version = new ProposalListVersion(new ContentVersions(jdbc));
        String before = version.current();
        assertThat(before).isEqualTo(version.current());
        jdbc.update("update proposal set response_text = 'Otra respuesta' where tracking_code = ?",
                PublicProposalListTestData.P1);
        String after = version.current();
        assertThat(after).isNotEqualTo(before);
        jdbc.update("update proposal set response_text = ? where tracking_code = ?",
                "Es viable: la Subsecretaría publicará el presupuesto en formato abierto.", PublicProposalListTestData.P1);
        assertThat(version.current()).as("the same rows: the same version").isEqualTo(before);
    }

    @Test
    void searchIgnoresCaseAndAccentsAndAFinalS() {
        assertThat(codes("MOVILIDAD")).containsExactly(PublicProposalListTestData.P2);
        assertThat(codes("participacion")).containsExactly(PublicProposalListTestData.P3);
        assertThat(codes("datos")).containsExactly(PublicProposalListTestData.P1);
        assertThat(codes("árboles")).containsExactly(PublicProposalListTestData.P4);
        assertThat(codes("formularios trámites")).containsExactly(PublicProposalListTestData.P5);
        assertThat(codes("formularios bicicletas")).isEmpty();
        assertThat(codes("100%_")).as("like wildcards are text").isEmpty();
        assertThat(codes("(:*&|!'\\ -")).as("odd characters: no error, no word").hasSize(25);
        assertThat(codes("SECRETO")).as("personal data is not searched").isEmpty();
    }

    @Test
    void filtersPagesAndOrderAreTheSameAsOnPostgresql() {
        var page = catalogue.list(new ProposalListQuery(null, "lenguaje-claro", null, null, null), 2, 20,
                Locale.forLanguageTag("es"));
        assertThat(page.total()).isEqualTo(21);
        assertThat(page.proposals()).extracting(PublicProposalRow::trackingCode)
                .containsExactly(PublicProposalListTestData.P5);
        assertThat(catalogue.list(new ProposalListQuery(null, null, null, ProposalStatus.RESPONDED, null), 1, 20,
                Locale.forLanguageTag("es")).proposals()).extracting(PublicProposalRow::trackingCode)
                .containsExactly(PublicProposalListTestData.P2, PublicProposalListTestData.P1);
    }

    private static List<String> codes(String q) {
        return catalogue.list(new ProposalListQuery(null, null, null, null, q), 1, 50, Locale.forLanguageTag("es"))
                .proposals().stream().map(PublicProposalRow::trackingCode).toList();
    }
}
