package org.cocrea.dashboard;

/**
 * The dashboard's own SQL, on the follow-up tables only (a commitment's accepted reports), for {@link Dashboard}; the
 * statements that read the commitment tables are {@link org.cocrea.commitment.PublishedCommitmentRows}'.
 */
final class DashboardSql {

    private DashboardSql() {
    }

    static final String RECENT = """
            select t.id, t.commitment_id, t.period, t.accepted_at from (
              select r.id, r.commitment_id, r.period, r.accepted_at,
                     row_number() over (partition by r.commitment_id order by r.period desc) as n
              from follow_up_report r
              where r.status = 'ACCEPTED' and r.commitment_id in (:ids)) t
            where t.n <= :recent
            order by t.commitment_id, t.period desc
            """;
    static final String TIMELINE = """
            select r.id, r.period, r.accepted_at from follow_up_report r
            where r.commitment_id = :id and r.status = 'ACCEPTED'
            order by r.period desc
            limit :limit offset :offset
            """;
}
