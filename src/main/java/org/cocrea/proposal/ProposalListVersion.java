package org.cocrea.proposal;

import org.cocrea.kernel.ContentVersions;
import org.cocrea.kernel.HttpCaching;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * The version of what the public list of proposals shows ({@code /proposals}, {@code /api/proposals} and its CSV),
 * for their HTTP validators and kept renderings ({@link HttpCaching}). On PostgreSQL the {@code proposals} counter
 * ({@link ContentVersions}), one primary-key lookup, raised by any committed change of a proposal, a call for
 * proposals, an area, a round-table (a prioritised proposal links to its axis' round-table, with its title and
 * status) or a commitment (the list links the published ones drafted from a round-table). On H2 (the first-run demo)
 * one statement of the number of proposals and digests ({@link HttpCaching#digest}) of every column those show.
 * Either way any submission, routing, review, reasoned response, prioritisation, carry-over, moderation of a text,
 * new call, round-table change or publication changes it, and so does an edit straight in the database.
 */
@Component
class ProposalListVersion {

    /** @return the H2 statement */
    static String sql() {
        return """
                select p.n, p.content, c.content as calls, a.content as areas, r.content as round_tables,
                       m.content as commitments
                  from (select count(*) as n, %s as content from proposal) p,
                       (select %s as content from call_for_proposals) c,
                       (select %s as content from area) a,
                       (select %s as content from round_table) r,
                       (select %s as content from commitment where round_table_id is not null) m
                """.formatted(
                HttpCaching.digest("id, tracking_code, call_id, title, description, axis, submitter_type, "
                        + "submitted_at, status, area_group, verdict, response_text, response_sent_at, prioritised, "
                        + "carried_over_from", "id"),
                HttpCaching.digest("id, title, axes, status", "id"),
                HttpCaching.digest("id, name_es, name_en, candidate_group", "id"),
                HttpCaching.digest("id, call_id, axis, title, title_en, status", "id"),
                HttpCaching.digest("id, code, round_table_id, status, title_es, title_en, "
                        + "title_translated", "id"));
    }

    private final ContentVersions versions;
    private final String sql;

    ProposalListVersion(ContentVersions versions) {
        this.versions = versions;
        this.sql = sql();
    }

    /** @return the version: changes whenever what the list shows may have changed (one statement) */
    String current() {
        return versions.current(ContentVersions.PROPOSALS, sql, new MapSqlParameterSource());
    }
}
