package org.cocrea.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cocrea.CocreaApplication;
import org.cocrea.kernel.BilingualText;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the public state of the action plan for the dashboard, its open data and its feed.
 *
 * <p>Only {@code PUBLISHED} commitments and {@code ACCEPTED} follow-up reports are read. A milestone's state is read
 * from its own row ({@code milestone.status}, {@code percent_complete}: the state as of its last accepted report, which
 * the follow-up feature keeps, so the list reads one row per milestone instead of the months of progress rows), and
 * only while {@code milestone.last_report_id} names an accepted report; otherwise it shows as not started. So a
 * submitted report or one sent back for changes never shows, even through a wrongly updated milestone. A commitment
 * whose end date is before today (Buenos Aires calendar) and whose milestones are not all completed is
 * {@link ProgressStatus#ENDED}: its implementation is over, and the page shows its evaluation instead. Each method runs a fixed number of SQL statements
 * whatever the number of commitments and reports (one per kind of row: commitments, milestones, reports, evidence,
 * filter values), and the timelines are limited or paged.
 */
@Service
public class Dashboard {

    /** Commitments per page of the HTML list. */
    public static final int PAGE_SIZE = 20;
    /** Reports per page of a commitment's timeline (a year of monthly reports). */
    public static final int TIMELINE_PAGE_SIZE = 12;
    /** Accepted reports shown per commitment in the list (the rest is on the commitment's page). */
    public static final int RECENT_REPORTS = 3;
    /** Entries of the Atom feed. */
    public static final int FEED_SIZE = 50;
    /** Most commitments the open data returns in one response. */
    public static final int MAX_OPEN_DATA = 10_000;

    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);

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

    private static final String RECENT = """
            select t.id, t.commitment_id, t.period, t.accepted_at from (
              select r.id, r.commitment_id, r.period, r.accepted_at,
                     row_number() over (partition by r.commitment_id order by r.period desc) as n
              from follow_up_report r
              where r.status = 'ACCEPTED' and r.commitment_id in (:ids)) t
            where t.n <= :recent
            order by t.commitment_id, t.period desc
            """;

    private static final String TIMELINE = """
            select r.id, r.period, r.accepted_at from follow_up_report r
            where r.commitment_id = :id and r.status = 'ACCEPTED'
            order by r.period desc
            limit :limit offset :offset
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

    private final NamedParameterJdbcTemplate jdbc;
    private final java.time.Clock clock;

    Dashboard(NamedParameterJdbcTemplate jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return today in Buenos Aires: a commitment whose end date is before it has ended */
    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /**
     * One page of the published commitments matching the filters, each with its milestones, its
     * {@value #RECENT_REPORTS} latest accepted reports and the evidence of the last one. Four statements at most (five
     * for a page past the last one, to count the matching commitments).
     *
     * @param query    filters
     * @param page     1-based page; a page past the last is empty
     * @param pageSize commitments per page, 1 to {@value #MAX_OPEN_DATA}
     * @param language {@code es} or {@code en} (names of lead areas)
     * @return the page, commitments by code
     */
    @Transactional(readOnly = true)
    public DashboardPage list(DashboardQuery query, int page, int pageSize, String language) {
        int size = Math.max(1, Math.min(pageSize, MAX_OPEN_DATA));
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("limit", size).addValue("offset", (long) (Math.max(page, 1) - 1) * size)
                .addValue("today", today());
        StringBuilder inner = new StringBuilder();
        if (query.axis() != null) {
            inner.append(" and c.axis = :axis");
            params.addValue("axis", query.axis());
        }
        if (query.leadArea() != null) {
            inner.append(" and c.lead_area_group = :leadArea");
            params.addValue("leadArea", query.leadArea());
        }
        String outer = "";
        if (query.status() != null) {
            outer = "where x.progress_status = :status";
            params.addValue("status", query.status().name());
        }
        int[] total = {0};
        Map<Long, Builder> rows = new LinkedHashMap<>();
        String sql = COMMITMENTS.formatted(inner, outer);
        jdbc.query(sql, params, rs -> {
            total[0] = rs.getInt("matching");
            rows.put(rs.getLong("id"), new Builder(rs, language));
        });
        if (rows.isEmpty() && page > 1) {
            // past the last page: the count comes from the first row of the first page
            jdbc.query(sql, params.addValue("limit", 1).addValue("offset", 0), rs -> {
                total[0] = rs.getInt("matching");
            });
        }
        if (!rows.isEmpty()) {
            loadMilestones(rows, language);
            Map<Long, Long> lastReport = new LinkedHashMap<>();
            jdbc.query(RECENT, new MapSqlParameterSource("ids", rows.keySet()).addValue("recent", RECENT_REPORTS),
                    rs -> {
                        long commitment = rs.getLong("commitment_id");
                        long report = rs.getLong("id");
                        lastReport.putIfAbsent(commitment, report);
                        rows.get(commitment).reports.add(new ReportSummary(report, rs.getObject("period",
                                LocalDate.class), offset(rs, "accepted_at"), List.of(), List.of()));
                    });
            if (!lastReport.isEmpty()) {
                Map<Long, List<EvidenceLink>> evidence = evidence(lastReport.values());
                lastReport.forEach((commitment, report) -> rows.get(commitment).evidence
                        .addAll(evidence.getOrDefault(report, List.of())));
            }
        }
        return new DashboardPage(query, Math.max(page, 1), size, total[0],
                rows.values().stream().map(Builder::build).toList());
    }

    /**
     * A published commitment with one page of its timeline of accepted reports (each with what it said per milestone
     * and its evidence). Five statements at most.
     *
     * @param code     commitment code
     * @param page     1-based page of the timeline, newest first
     * @param language {@code es} or {@code en}
     * @return the commitment, or empty when no published commitment has that code
     */
    @Transactional(readOnly = true)
    public Optional<CommitmentTimeline> commitment(String code, int page, String language) {
        Map<Long, Builder> rows = new LinkedHashMap<>();
        jdbc.query(COMMITMENTS.formatted(" and c.code = :code", ""), new MapSqlParameterSource("code", code)
                .addValue("limit", 1).addValue("offset", 0).addValue("today", today()), rs -> {
                    rows.put(rs.getLong("id"), new Builder(rs, language));
                });
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        loadMilestones(rows, language);
        long id = rows.keySet().iterator().next();
        int p = Math.max(page, 1);
        Map<Long, ReportSummary> reports = new LinkedHashMap<>();
        jdbc.query(TIMELINE, new MapSqlParameterSource("id", id).addValue("limit", TIMELINE_PAGE_SIZE)
                .addValue("offset", (long) (p - 1) * TIMELINE_PAGE_SIZE), rs -> {
                    long report = rs.getLong("id");
                    reports.put(report, new ReportSummary(report, rs.getObject("period", LocalDate.class),
                            offset(rs, "accepted_at"), new ArrayList<>(), new ArrayList<>()));
                });
        if (!reports.isEmpty()) {
            updates(reports.keySet(), language).forEach((report, list) -> reports.get(report).milestones().addAll(list));
            evidence(reports.keySet()).forEach((report, list) -> reports.get(report).evidence().addAll(list));
        }
        return Optional.of(new CommitmentTimeline(rows.get(id).build(), List.copyOf(reports.values()), p,
                TIMELINE_PAGE_SIZE));
    }

    /**
     * The latest accepted reports of published commitments, newest acceptance first, with what each said per
     * milestone. Two statements.
     *
     * @param limit how many, 1 to {@value #FEED_SIZE}
     * @return the entries
     */
    @Transactional(readOnly = true)
    public List<FeedEntry> feed(int limit) {
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        jdbc.query(FEED, new MapSqlParameterSource("limit", Math.max(1, Math.min(limit, FEED_SIZE))), rs -> {
            rows.put(rs.getLong("id"), new Object[] {rs.getString("code"), rs.getString("title_es"),
                    rs.getString("title_en"), rs.getObject("period", LocalDate.class), offset(rs, "accepted_at")});
        });
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ReportSummary.MilestoneUpdate>> updates = updates(rows.keySet(), BilingualText.ES);
        List<FeedEntry> out = new ArrayList<>();
        rows.forEach((id, r) -> out.add(new FeedEntry(id, (String) r[0], (String) r[1], (String) r[2],
                (LocalDate) r[3], (OffsetDateTime) r[4], updates.getOrDefault(id, List.of()))));
        return out;
    }

    /**
     * The values the filters offer. One statement.
     *
     * @param language {@code es} or {@code en} (names of lead areas)
     * @return the axes and lead areas of the published commitments
     */
    @Transactional(readOnly = true)
    public FilterOptions options(String language) {
        java.util.TreeSet<String> axes = new java.util.TreeSet<>();
        Map<String, String> areas = new java.util.TreeMap<>();
        jdbc.query(OPTIONS, rs -> {
            if (rs.getString("axis") != null) {
                axes.add(rs.getString("axis"));
            }
            String group = rs.getString("lead_area_group");
            if (group != null) {
                // the area's own name first: the sheets of one area may word it differently
                String official = "en".equals(language) ? rs.getString("name_en") : rs.getString("name_es");
                String name = official != null ? official
                        : areaName(rs.getString("lead_area"), null, null, group, language);
                areas.merge(group, name, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        });
        return new FilterOptions(List.copyOf(axes), areas.entrySet().stream()
                .map(e -> new FilterOptions.LeadArea(e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparing(FilterOptions.LeadArea::name)).toList());
    }

    private void loadMilestones(Map<Long, Builder> rows, String language) {
        jdbc.query(MILESTONES, new MapSqlParameterSource("ids", rows.keySet()), rs -> {
            BilingualText titles = milestoneTitles(rs);
            rows.get(rs.getLong("commitment_id")).milestones.add(new MilestoneProgress(rs.getInt("position"),
                    titles.in(language).text(), titles, rs.getObject("start_date", LocalDate.class),
                    rs.getObject("end_date", LocalDate.class), rs.getString("responsible_area"),
                    ProgressStatus.ofStored(rs.getString("status")), rs.getInt("percent_complete"),
                    rs.getObject("period", LocalDate.class), offset(rs, "accepted_at"), rs.getString("work_done"),
                    rs.getString("next_steps")));
        });
    }

    /** The milestone's titles of a row of {@link #MILESTONES} or {@link #UPDATES}. */
    private static BilingualText milestoneTitles(ResultSet rs) throws SQLException {
        return new BilingualText(rs.getString("title"), rs.getString("title_en"), rs.getString("title_translated"));
    }

    private Map<Long, List<ReportSummary.MilestoneUpdate>> updates(Collection<Long> reportIds, String language) {
        Map<Long, List<ReportSummary.MilestoneUpdate>> out = new LinkedHashMap<>();
        jdbc.query(UPDATES, new MapSqlParameterSource("ids", reportIds), rs -> {
            BilingualText titles = milestoneTitles(rs);
            out.computeIfAbsent(rs.getLong("report_id"), k -> new ArrayList<>()).add(
                    new ReportSummary.MilestoneUpdate(rs.getInt("position"), titles.in(language).text(), titles,
                            ProgressStatus.ofStored(rs.getString("status")), rs.getInt("percent_complete"),
                            rs.getString("work_done"), rs.getString("next_steps")));
        });
        return out;
    }

    private Map<Long, List<EvidenceLink>> evidence(Collection<Long> reportIds) {
        Map<Long, List<EvidenceLink>> out = new LinkedHashMap<>();
        jdbc.query(EVIDENCE, new MapSqlParameterSource("ids", reportIds), rs -> {
            int position = rs.getInt("position");
            out.computeIfAbsent(rs.getLong("report_id"), k -> new ArrayList<>()).add(EvidenceLink.of(rs.getLong("id"),
                    rs.getString("kind"), rs.getString("url"), rs.getString("file_name"),
                    rs.getString("description"), rs.wasNull() ? null : position));
        });
        return out;
    }

    private static OffsetDateTime offset(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.atZoneSameInstant(ZONE).toOffsetDateTime();
    }

    private static String areaName(String sheet, String nameEs, String nameEn, String group, String language) {
        BilingualText names = leadAreaNames(sheet, null, nameEs, nameEn);
        return names.isEmpty() ? group : names.in(language).text();
    }

    /**
     * The lead area's names: the commitment's own (the sheet's text, and its English name when known), else the
     * area's names (areas.csv). A sheet that names its area as the area itself does gets the area's English name.
     */
    private static BilingualText leadAreaNames(String sheetEs, String sheetEn, String areaEs, String areaEn) {
        if (sheetEs == null || sheetEs.isBlank()) {
            return sheetEn == null || sheetEn.isBlank() ? new BilingualText(areaEs, areaEn)
                    : new BilingualText(null, sheetEn);
        }
        if (sheetEn == null && sheetEs.equals(areaEs)) {
            return new BilingualText(sheetEs, areaEn);
        }
        return new BilingualText(sheetEs, sheetEn);
    }

    /** A commitment row while its milestones, reports and evidence are gathered. */
    private static final class Builder {
        private final String code, actionPlan, titleEs, titleEn, axis, leadAreaGroup, leadArea, endReport;
        private final BilingualText titles, leadAreaNames;
        private final DesignAssessment design;
        private final LocalDate start, end, lastPeriod;
        private final ProgressStatus status;
        private final int milestoneCount, completed, percentSum, acceptedReports;
        private final Evaluation evaluation;
        private final List<MilestoneProgress> milestones = new ArrayList<>();
        private final List<ReportSummary> reports = new ArrayList<>();
        private final List<EvidenceLink> evidence = new ArrayList<>();

        Builder(ResultSet rs, String language) throws SQLException {
            code = rs.getString("code");
            actionPlan = rs.getString("action_plan");
            titleEs = rs.getString("title_es");
            titleEn = rs.getString("title_en");
            titles = new BilingualText(titleEs, titleEn, rs.getString("title_translated"));
            axis = rs.getString("axis");
            leadAreaGroup = rs.getString("lead_area_group");
            leadAreaNames = leadAreaNames(rs.getString("lead_area"), rs.getString("lead_area_en"),
                    rs.getString("area_name_es"), rs.getString("area_name_en"));
            leadArea = leadAreaNames.isEmpty() ? leadAreaGroup : leadAreaNames.in(language).text();
            Boolean verifiable = (Boolean) rs.getObject("irm_verifiable");
            Boolean relevant = (Boolean) rs.getObject("irm_relevant");
            BilingualText notes = new BilingualText(rs.getString("irm_notes"), rs.getString("irm_notes_en"),
                    rs.getString("irm_notes_translated"));
            design = verifiable == null && relevant == null && notes.isEmpty() ? null
                    : new DesignAssessment(verifiable, relevant, notes);
            endReport = rs.getString("end_of_commitment_report");
            start = rs.getObject("start_date", LocalDate.class);
            end = rs.getObject("end_date", LocalDate.class);
            lastPeriod = rs.getObject("last_period", LocalDate.class);
            status = ProgressStatus.ofStored(rs.getString("progress_status"));
            milestoneCount = rs.getInt("milestone_count");
            completed = rs.getInt("completed_count");
            percentSum = rs.getInt("percent_sum");
            acceptedReports = rs.getInt("accepted_reports");
            String level = rs.getString("completion_level");
            evaluation = level == null ? null : new Evaluation(level, rs.getString("opened_government"),
                    rs.getBoolean("verifiable"), rs.getBoolean("relevant"), rs.getString("evaluation_notes"),
                    offset(rs, "evaluated_at"));
        }

        CommitmentProgress build() {
            int percent = milestoneCount == 0 ? 0 : Math.round((float) percentSum / milestoneCount);
            return new CommitmentProgress(code, actionPlan, titleEs, titleEn, titles, axis, leadAreaGroup, leadArea,
                    leadAreaNames, start, end, status, percent, milestoneCount, completed, lastPeriod,
                    acceptedReports, List.copyOf(milestones), List.copyOf(reports), List.copyOf(evidence), evaluation,
                    design, endReport);
        }
    }
}
