package org.cocrea.proposal;

import java.sql.Timestamp;
import java.time.OffsetDateTime;

import org.cocrea.kernel.HttpCaching;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The version of what the public list of proposals shows ({@code /proposals}, {@code /api/proposals} and its CSV),
 * for their HTTP validators and kept renderings ({@link HttpCaching}): one statement, in autocommit, of the number of
 * proposals and digests ({@link HttpCaching#digest}) of the proposals, the calls for proposals (their titles and
 * axes are the filters), the areas, the round-tables (a prioritised proposal links to its axis' round-table, with its
 * title and status) and the commitments drafted from a round-table (the list links the published ones). Any
 * submission, routing, review, reasoned response, prioritisation, carry-over, moderation of a text, new call,
 * round-table change or publication changes it; an edit straight in the database too (the digests see every row
 * version on PostgreSQL, every shown column on H2).
 */
@Component
class ProposalListVersion {

    /**
     * @param postgres whether the database is PostgreSQL (else H2)
     * @return the statement
     */
    static String sql(boolean postgres) {
        return """
                select p.n, p.content, c.content as calls, a.content as areas, r.content as round_tables,
                       m.content as commitments
                  from (select count(*) as n, %s as content from proposal) p,
                       (select %s as content from call_for_proposals) c,
                       (select %s as content from area) a,
                       (select %s as content from round_table) r,
                       (select %s as content from commitment where round_table_id is not null) m
                """.formatted(
                HttpCaching.digest(postgres, "id, tracking_code, call_id, title, description, axis, submitter_type, "
                        + "submitted_at, status, area_group, verdict, response_text, response_sent_at, prioritised, "
                        + "carried_over_from", "id"),
                HttpCaching.digest(postgres, "id, title, axes, status", "id"),
                HttpCaching.digest(postgres, "id, name_es, name_en, candidate_group", "id"),
                HttpCaching.digest(postgres, "id, call_id, axis, title, title_en, status", "id"),
                HttpCaching.digest(postgres, "id, code, round_table_id, status, title_es, title_en, "
                        + "title_translated", "id"));
    }

    private final JdbcTemplate jdbc;
    private final String sql;

    ProposalListVersion(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.sql = sql(HttpCaching.isPostgres(jdbc));
    }

    /** @return the version: changes whenever what the list shows may have changed (one statement) */
    String current() {
        StringBuilder out = new StringBuilder();
        jdbc.query(sql, rs -> {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                Object value = rs.getObject(i);
                out.append('|').append(value instanceof Timestamp t ? t.toInstant()
                        : value instanceof OffsetDateTime t ? t.toInstant() : value);
            }
        });
        return out.toString();
    }
}
