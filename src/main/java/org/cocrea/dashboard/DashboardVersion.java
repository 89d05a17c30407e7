package org.cocrea.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.cocrea.CocreaApplication;
import org.cocrea.commitment.PublishedCommitments;
import org.cocrea.kernel.ContentVersions;
import org.cocrea.kernel.HttpCaching;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * The version of what the dashboard shows, for its HTTP validators and kept renderings ({@link HttpCaching}): today's
 * Buenos Aires date (a commitment past its end date shows as ended) and, on PostgreSQL, the {@code dashboard}
 * counter ({@link ContentVersions}: any committed change of a commitment, milestone, follow-up report, evidence,
 * evaluation or area raises it), one primary-key lookup. On H2 (the first-run demo) one statement of counts, latest
 * change times and digests ({@link HttpCaching#digest}) over the published commitments (the columns the dashboard
 * shows but the long texts, whose edits bump {@code version}), their milestones, the accepted follow-up reports, the
 * evidence, the evaluations and the areas; not seen there: an accepted report or evidence rewritten in place straight
 * in the database (the application does not do that).
 */
@Component
class DashboardVersion {

    /** @return the H2 statement: counts, change times and digests of what the dashboard reads */
    static String sql() {
        return """
                select c.n as commitments, c.published, c.content, m.n as milestones, m.content as milestone_content,
                       r.n as accepted, r.latest, r.last_id as last_report,
                       e.n as evidence, e.last_id as last_evidence, v.n as evaluations, v.latest as evaluated,
                       a.content as areas
                  from (select count(*) as n, max(published_at) as published, %s as content
                          from commitment where status = :published) c,
                       (select count(*) as n, %s as content from milestone mi
                          join commitment mc on mc.id = mi.commitment_id and mc.status = :published) m,
                       (select count(*) as n, max(accepted_at) as latest, max(id) as last_id
                          from follow_up_report where status = 'ACCEPTED') r,
                       (select count(*) as n, max(id) as last_id from evidence) e,
                       (select count(*) as n, max(evaluated_at) as latest from monitoring_evaluation) v,
                       (select %s as content from area) a
                """.formatted(
                HttpCaching.digest("id, code, version, axis, lead_area_group, lead_area, lead_area_en, "
                        + "title_es, title_en, title_translated, start_date, end_date", "id"),
                HttpCaching.digest("mi.id, mi.title, mi.title_en, mi.title_translated, mi.start_date, "
                        + "mi.end_date, mi.responsible_area, mi.status, mi.percent_complete, mi.last_report_id",
                        "mi.id"),
                HttpCaching.digest("id, name_es, name_en, candidate_group", "id"));
    }

    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);

    private final ContentVersions versions;
    private final Clock clock;
    private final String sql;

    DashboardVersion(ContentVersions versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
        this.sql = sql();
    }

    /**
     * @return the version: changes whenever what the dashboard shows may have changed (one statement, in
     *         autocommit: no transaction around it, which would cost PostgreSQL round trips of its own on every
     *         request, the cached ones included)
     */
    String current() {
        return LocalDate.now(clock.withZone(ZONE)) + "|" + versions.current(ContentVersions.DASHBOARD, sql,
                new MapSqlParameterSource("published", PublishedCommitments.STATUS));
    }
}
