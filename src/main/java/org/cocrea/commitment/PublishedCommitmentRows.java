package org.cocrea.commitment;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The published commitments as rows, for the public dashboard's read model: each method is one SQL statement that
 * joins the {@code commitment}, {@code milestone} and {@code area} tables with the follow-up tables the dashboard
 * shows ({@code follow_up_report}, {@code milestone_progress}, {@code evidence}, {@code monitoring_evaluation}), so
 * that a dashboard page runs a fixed number of statements whatever the number of commitments. The SQL on the
 * commitment tables lives here, with their owner; the caller reads the columns named in each method's Javadoc. Only
 * {@code PUBLISHED} commitments ({@link PublishedCommitments#STATUS}) and {@code ACCEPTED} reports are read. Call
 * inside a read-only transaction.
 */
@Component
public class PublishedCommitmentRows {

    /**
     * The filters of {@link #commitments}; each null means no filter.
     *
     * @param axis           thematic axis ({@code commitment.axis})
     * @param leadAreaGroup  the lead area's candidate group ({@code commitment.lead_area_group})
     * @param progressStatus derived state ({@code NOT_STARTED}, {@code IN_PROGRESS}, {@code COMPLETED},
     *                       {@code DELAYED} or {@code ENDED})
     * @param code           commitment code
     */
    public record Filter(String axis, String leadAreaGroup, String progressStatus, String code) {
    }

    /** One row per published commitment with its milestones' aggregate state; {@code %s}: extra conditions. */
    private static final String COMMITMENTS = """
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
    private static final String MILESTONES = """
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
    private static final String UPDATES = """
            select p.report_id, m.position, m.title, m.title_en, m.title_translated, p.status, p.percent_complete, p.work_done, p.next_steps
            from milestone_progress p join milestone m on m.id = p.milestone_id
            where p.report_id in (:ids)
            order by p.report_id, m.position
            """;
    private static final String EVIDENCE = """
            select e.id, e.report_id, e.kind, e.url, e.file_name, e.description, m.position
            from evidence e left join milestone m on m.id = e.milestone_id
            where e.report_id in (:ids)
            order by e.report_id, e.id
            """;
    private static final String FEED = """
            select r.id, r.period, r.accepted_at, c.code, c.title_es, c.title_en
            from follow_up_report r join commitment c on c.id = r.commitment_id
            where r.status = 'ACCEPTED' and c.status = 'PUBLISHED' and c.code is not null
            order by r.accepted_at desc, r.id desc
            limit :limit
            """;
    private static final String OPTIONS = """
            select distinct c.axis, c.lead_area_group, c.lead_area, a.name_es, a.name_en
            from commitment c left join area a on a.candidate_group = c.lead_area_group
            where c.status = 'PUBLISHED' and c.code is not null
            """;

    private static final String MILESTONE_STATES = """
            select position, title, status, percent_complete from milestone where commitment_id = :id
            order by position""";

    private final NamedParameterJdbcTemplate jdbc;

    /**
     * Public so that a benchmark can build it without Spring ({@code bench/.../DashboardBench}).
     *
     * @param jdbc the application's database
     */
    public PublishedCommitmentRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One row per published commitment matching the filter, by code: {@code id, code, action_plan, title_es,
     * title_en, title_translated, axis, lead_area_group, lead_area, lead_area_en, area_name_es, area_name_en,
     * start_date, end_date, irm_*, end_of_commitment_report, milestone_count, completed_count, percent_sum,
     * progress_status, last_period, accepted_reports}, the monitoring evaluation's columns and {@code matching} (how
     * many match in all). A commitment whose end date is before {@code today} with milestones not all completed is
     * {@code ENDED}.
     *
     * @param filter the filters
     * @param today  today in Buenos Aires
     * @param limit  rows at most
     * @param offset rows skipped
     * @param rows   called once per row
     */
    public void commitments(Filter filter, LocalDate today, int limit, long offset, RowCallbackHandler rows) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("limit", limit).addValue("offset", offset).addValue("today", today);
        StringBuilder inner = new StringBuilder();
        if (filter.axis() != null) {
            inner.append(" and c.axis = :axis");
            params.addValue("axis", filter.axis());
        }
        if (filter.leadAreaGroup() != null) {
            inner.append(" and c.lead_area_group = :leadArea");
            params.addValue("leadArea", filter.leadAreaGroup());
        }
        if (filter.code() != null) {
            inner.append(" and c.code = :code");
            params.addValue("code", filter.code());
        }
        String outer = "";
        if (filter.progressStatus() != null) {
            outer = "where x.progress_status = :status";
            params.addValue("status", filter.progressStatus());
        }
        jdbc.query(COMMITMENTS.formatted(inner, outer), params, rows);
    }

    /**
     * The milestones of commitments, by commitment and position: {@code commitment_id, position, title, title_en,
     * title_translated, start_date, end_date, responsible_area}, and as of the last accepted report {@code status}
     * ({@code NOT_STARTED} when none), {@code percent_complete}, {@code work_done, next_steps, period, accepted_at}.
     *
     * @param commitmentIds commitment ids, at least one
     * @param rows          called once per row
     */
    public void milestones(Collection<Long> commitmentIds, RowCallbackHandler rows) {
        jdbc.query(MILESTONES, new MapSqlParameterSource("ids", commitmentIds), rows);
    }

    /**
     * What reports said per milestone, by report and position: {@code report_id, position, title, title_en,
     * title_translated, status, percent_complete, work_done, next_steps}.
     *
     * @param reportIds report ids, at least one
     * @param rows      called once per row
     */
    public void milestoneUpdates(Collection<Long> reportIds, RowCallbackHandler rows) {
        jdbc.query(UPDATES, new MapSqlParameterSource("ids", reportIds), rows);
    }

    /**
     * The evidence of reports, by report and id: {@code id, report_id, kind, url, file_name, description} and the
     * milestone's {@code position} (null for the report as a whole).
     *
     * @param reportIds report ids, at least one
     * @param rows      called once per row
     */
    public void evidence(Collection<Long> reportIds, RowCallbackHandler rows) {
        jdbc.query(EVIDENCE, new MapSqlParameterSource("ids", reportIds), rows);
    }

    /**
     * The latest accepted reports of published commitments, newest acceptance first: {@code id, period,
     * accepted_at, code, title_es, title_en}.
     *
     * @param limit rows at most
     * @param rows  called once per row
     */
    public void feed(int limit, RowCallbackHandler rows) {
        jdbc.query(FEED, new MapSqlParameterSource("limit", limit), rows);
    }

    /**
     * The distinct axes and lead areas of the published commitments: {@code axis, lead_area_group, lead_area,
     * name_es, name_en}.
     *
     * @param rows called once per row
     */
    public void filterValues(RowCallbackHandler rows) {
        jdbc.query(OPTIONS, rows);
    }

    /**
     * The milestones of one commitment with their state as the follow-up feature keeps it, by position: columns
     * {@code position, title, status} (a {@code followup/MilestoneStatus} name) and {@code percent_complete}.
     *
     * @param commitmentId commitment id
     * @param mapper       maps one row
     * @param <T>          what a row becomes
     * @return one per milestone
     */
    public <T> List<T> milestoneStates(long commitmentId, RowMapper<T> mapper) {
        return jdbc.query(MILESTONE_STATES, new MapSqlParameterSource("id", commitmentId), mapper);
    }
}
