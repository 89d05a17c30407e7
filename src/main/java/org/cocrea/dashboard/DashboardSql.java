package org.cocrea.dashboard;

/**
 * The dashboard's SQL, one statement per kind of row (commitments, milestones, reports, evidence, feed, filter values),
 * for {@link Dashboard}. It reads the commitment tables and the follow-up tables together in single statements so that
 * a page runs a fixed number of statements whatever the number of commitments; the commitments' state names
 * ({@code 'PUBLISHED'}) and the milestones' ({@code 'COMPLETED'}, ...) are those of {@code commitment/Commitment.Status}
 * and {@code followup/MilestoneStatus}.
 */
final class DashboardSql {

    private DashboardSql() {
    }

    /** One row per published commitment with its milestones' aggregate state; {@code %s}: extra conditions. */
    static final String COMMITMENTS = """
            select x.*, count(*) over () as matching from (
              select c.id, c.code, c.action_plan, c.title_es, c.title_en, c.title_translated, c.axis,
                     c.lead_area_group, c.lead_area, c.lead_area_en,
                     a.name_es as area_name_es, a.name_en as area_name_en, c.start_date, c.end_date,
                     c.irm_verifiable, c.irm_relevant, c.irm_notes, c.irm_notes_en, c.irm_notes_translated,
                     c.end_of_commitment_report,
                     coalesce(ms.total, 0) as milestone_count, coalesce(ms.completed, 0) as completed_count,
                     coalesce(ms.percent_sum, 0) as percent_sum,
                     case when c.end_date < :today and (ms.total is null or ms.completed < ms.total) then 'ENDED'
                          when ms.total is null or ms.started = 0 then 'NOT_STARTED'
                          when ms.completed = ms.total then 'COMPLETED'
                          when ms.delayed_count > 0 then 'DELAYED'
                          else 'IN_PROGRESS' end as progress_status,
                     (select max(r.period) from follow_up_report r
                       where r.commitment_id = c.id and r.status = 'ACCEPTED') as last_period,
                     (select count(*) from follow_up_report r
                       where r.commitment_id = c.id and r.status = 'ACCEPTED') as accepted_reports,
                     e.completion_level, e.opened_government, e.verifiable, e.relevant, e.notes as evaluation_notes,
                     e.evaluated_at
              from commitment c
              left join area a on a.candidate_group = c.lead_area_group
              left join (
                select m.commitment_id, count(*) as total,
                       sum(case when lr.id is not null and m.status = 'COMPLETED' then 1 else 0 end) as completed,
                       sum(case when lr.id is not null and m.status = 'DELAYED' then 1 else 0 end) as delayed_count,
                       sum(case when lr.id is not null and m.status <> 'NOT_STARTED' then 1 else 0 end) as started,
                       sum(case when lr.id is not null then m.percent_complete else 0 end) as percent_sum
                from milestone m
                left join follow_up_report lr on lr.id = m.last_report_id and lr.status = 'ACCEPTED'
                group by m.commitment_id) ms on ms.commitment_id = c.id
              left join monitoring_evaluation e on e.commitment_id = c.id
              where c.status = 'PUBLISHED' and c.code is not null %s
            ) x %s
            order by x.code
            limit :limit offset :offset
            """;

    static final String MILESTONES = """
            select m.commitment_id, m.position, m.title, m.title_en, m.title_translated, m.start_date, m.end_date, m.responsible_area,
                   case when lr.id is null then 'NOT_STARTED' else m.status end as status,
                   case when lr.id is null then 0 else m.percent_complete end as percent_complete,
                   p.work_done, p.next_steps, lr.period, lr.accepted_at
            from milestone m
            left join follow_up_report lr on lr.id = m.last_report_id and lr.status = 'ACCEPTED'
            left join milestone_progress p on p.report_id = lr.id and p.milestone_id = m.id
            where m.commitment_id in (:ids)
            order by m.commitment_id, m.position
            """;

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

    static final String UPDATES = """
            select p.report_id, m.position, m.title, m.title_en, m.title_translated, p.status, p.percent_complete, p.work_done, p.next_steps
            from milestone_progress p join milestone m on m.id = p.milestone_id
            where p.report_id in (:ids)
            order by p.report_id, m.position
            """;

    static final String EVIDENCE = """
            select e.id, e.report_id, e.kind, e.url, e.file_name, e.description, m.position
            from evidence e left join milestone m on m.id = e.milestone_id
            where e.report_id in (:ids)
            order by e.report_id, e.id
            """;

    static final String FEED = """
            select r.id, r.period, r.accepted_at, c.code, c.title_es, c.title_en
            from follow_up_report r join commitment c on c.id = r.commitment_id
            where r.status = 'ACCEPTED' and c.status = 'PUBLISHED' and c.code is not null
            order by r.accepted_at desc, r.id desc
            limit :limit
            """;

    static final String OPTIONS = """
            select distinct c.axis, c.lead_area_group, c.lead_area, a.name_es, a.name_en
            from commitment c left join area a on a.candidate_group = c.lead_area_group
            where c.status = 'PUBLISHED' and c.code is not null
            """;
}
