package org.cocrea.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On H2 (the first-run demo database) the application's migrations plus {@link H2TextColumns} give columns that
 * hold their declared length in characters, as on PostgreSQL: 150 emoji fit the contact's {@code varchar(150)} name.
 * Migrating again widens nothing more.
 */
class H2TextColumnsTests {

    @Test
    void aVarcharHoldsItsLengthInEmojiOnH2AndMigratingAgainChangesNothing() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:h2-text-columns;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE");
        h2.setUser("sa");
        Flyway flyway = Flyway.configure().dataSource(h2).locations("classpath:db/migration")
                .table("cocrea_schema_history").baselineOnMigrate(true).baselineVersion("0")
                .callbacks(new H2TextColumns()).load();
        flyway.migrate();
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        String widths = "select character_maximum_length from information_schema.columns "
                + "where table_name = 'CONTACT' and column_name = 'NAME'";
        assertThat(jdbc.queryForObject(widths, Long.class)).isEqualTo(300);

        jdbc.update("insert into contact (email, name, language, source, subscribed, token, created_at) "
                + "values ('a@b.example.org', ?, 'es', 'form', true, 't', current_timestamp)", "😀".repeat(150));
        assertThat(jdbc.queryForObject("select name from contact", String.class)).isEqualTo("😀".repeat(150));

        flyway.migrate();
        assertThat(jdbc.queryForObject(widths, Long.class)).isEqualTo(300);
        jdbc.execute("drop all objects");
    }
}
