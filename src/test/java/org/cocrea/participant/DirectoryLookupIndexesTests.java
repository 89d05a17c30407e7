package org.cocrea.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.cocrea.support.CocreaIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The directory's case-insensitive lookups ({@code upper(column) = upper(?)}, as Spring Data writes
 * {@code ...IgnoreCase}) are served by an index on PostgreSQL (migration V76, {@link DirectoryLookupIndexes}). With
 * sequential scans switched off for the transaction, the planner still picks one when no index fits, so the plan tells.
 */
@CocreaIntegrationTest
class DirectoryLookupIndexesTests {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    @ParameterizedTest
    @ValueSource(strings = {"select id from contact where upper(email) = upper('Ana@Example.org')",
            "select id from organization where upper(name) = upper('Fundación Huerta') order by id limit 1"})
    void caseInsensitiveLookupUsesAnIndex(String query) {
        List<String> plan = tx.execute(s -> {
            jdbc.execute("set local enable_seqscan = off");
            return jdbc.queryForList("explain " + query, String.class);
        });
        assertThat(String.join("\n", plan)).as("plan of %s", query).doesNotContain("Seq Scan").contains("_upper");
    }
}
