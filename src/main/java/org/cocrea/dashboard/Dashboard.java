package org.cocrea.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.cocrea.CocreaApplication;
import org.cocrea.commitment.PublishedCommitmentRows;
import org.cocrea.followup.MilestoneStatus;
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
 * {@link ProgressStatus#ENDED}: its implementation is over, and the page shows its evaluation instead. Each method
 * runs a fixed number of SQL statements whatever the number of commitments and reports (one per kind of row:
 * commitments, milestones, reports, evidence, filter values), and the timelines are limited or paged. The statements
 * that read the commitment tables are the commitment feature's ({@link PublishedCommitmentRows}); the dashboard's own
 * ({@link DashboardSql}) read a commitment's accepted reports.
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

    private final NamedParameterJdbcTemplate jdbc;
    private final PublishedCommitmentRows published;
    private final Clock clock;

    Dashboard(NamedParameterJdbcTemplate jdbc, PublishedCommitmentRows published, Clock clock) {
        this.jdbc = jdbc;
        this.published = published;
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
        PublishedCommitmentRows.Filter filter = new PublishedCommitmentRows.Filter(query.axis(), query.leadArea(),
                query.status() == null ? null : query.status().name(), null);
        LocalDate today = today();
        int[] total = {0};
        Map<Long, CommitmentRow> rows = new LinkedHashMap<>();
        published.commitments(filter, today, size, (long) (Math.max(page, 1) - 1) * size, rs -> {
            total[0] = rs.getInt("matching");
            rows.put(rs.getLong("id"), new CommitmentRow(rs, language));
        });
        if (rows.isEmpty() && page > 1) {
            // past the last page: the count comes from the first row of the first page
            published.commitments(filter, today, 1, 0, rs -> {
                total[0] = rs.getInt("matching");
            });
        }
        if (!rows.isEmpty()) {
            loadMilestones(rows, language);
            Map<Long, Long> lastReport = new LinkedHashMap<>();
            jdbc.query(DashboardSql.RECENT, new MapSqlParameterSource("ids", rows.keySet())
                    .addValue("recent", RECENT_REPORTS),
                    rs -> {
                        long commitment = rs.getLong("commitment_id");
                        long report = rs.getLong("id");
                        lastReport.putIfAbsent(commitment, report);
                        rows.get(commitment).reports.add(new ReportSummary(report, rs.getObject("period",
                                LocalDate.class), CommitmentRow.offset(rs, "accepted_at"), List.of(), List.of()));
                    });
            if (!lastReport.isEmpty()) {
                Map<Long, List<EvidenceLink>> evidence = evidence(lastReport.values());
                lastReport.forEach((commitment, report) -> rows.get(commitment).evidence
                        .addAll(evidence.getOrDefault(report, List.of())));
            }
        }
        return new DashboardPage(query, Math.max(page, 1), size, total[0],
                rows.values().stream().map(CommitmentRow::build).toList());
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
        Map<Long, CommitmentRow> rows = new LinkedHashMap<>();
        published.commitments(new PublishedCommitmentRows.Filter(null, null, null, code), today(), 1, 0, rs -> {
            rows.put(rs.getLong("id"), new CommitmentRow(rs, language));
        });
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        loadMilestones(rows, language);
        long id = rows.keySet().iterator().next();
        int p = Math.max(page, 1);
        Map<Long, ReportSummary> reports = new LinkedHashMap<>();
        jdbc.query(DashboardSql.TIMELINE, new MapSqlParameterSource("id", id).addValue("limit", TIMELINE_PAGE_SIZE)
                .addValue("offset", (long) (p - 1) * TIMELINE_PAGE_SIZE), rs -> {
                    long report = rs.getLong("id");
                    reports.put(report, new ReportSummary(report, rs.getObject("period", LocalDate.class),
                            CommitmentRow.offset(rs, "accepted_at"), new ArrayList<>(), new ArrayList<>()));
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
        published.feed(Math.max(1, Math.min(limit, FEED_SIZE)), rs -> {
            rows.put(rs.getLong("id"), new Object[] {rs.getString("code"), rs.getString("title_es"),
                    rs.getString("title_en"), rs.getObject("period", LocalDate.class), CommitmentRow.offset(rs, "accepted_at")});
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
        TreeSet<String> axes = new TreeSet<>();
        Map<String, String> areas = new TreeMap<>();
        published.filterValues(rs -> {
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
                .sorted(Comparator.comparing(FilterOptions.LeadArea::name)).toList());
    }

    private void loadMilestones(Map<Long, CommitmentRow> rows, String language) {
        published.milestones(rows.keySet(), rs -> {
            BilingualText titles = milestoneTitles(rs);
            rows.get(rs.getLong("commitment_id")).milestones.add(new MilestoneState(rs.getInt("position"),
                    titles.in(language).text(), titles, rs.getObject("start_date", LocalDate.class),
                    rs.getObject("end_date", LocalDate.class), rs.getString("responsible_area"),
                    milestoneStatus(rs.getString("status")), rs.getInt("percent_complete"),
                    rs.getObject("period", LocalDate.class), CommitmentRow.offset(rs, "accepted_at"), rs.getString("work_done"),
                    rs.getString("next_steps")));
        });
    }

    /**
     * @param stored a value of {@code milestone.status} or {@code milestone_progress.status}, may be null
     * @return the state, {@link MilestoneStatus#NOT_STARTED} for null or a value this version does not know
     */
    private static MilestoneStatus milestoneStatus(String stored) {
        if (stored == null) {
            return MilestoneStatus.NOT_STARTED;
        }
        try {
            return MilestoneStatus.valueOf(stored);
        } catch (IllegalArgumentException e) {
            return MilestoneStatus.NOT_STARTED;
        }
    }

    /** The milestone's titles of a row of {@link PublishedCommitmentRows#milestones} or {@link PublishedCommitmentRows#milestoneUpdates}. */
    private static BilingualText milestoneTitles(ResultSet rs) throws SQLException {
        return new BilingualText(rs.getString("title"), rs.getString("title_en"), rs.getString("title_translated"));
    }

    private Map<Long, List<ReportSummary.MilestoneUpdate>> updates(Collection<Long> reportIds, String language) {
        Map<Long, List<ReportSummary.MilestoneUpdate>> out = new LinkedHashMap<>();
        published.milestoneUpdates(reportIds, rs -> {
            BilingualText titles = milestoneTitles(rs);
            out.computeIfAbsent(rs.getLong("report_id"), k -> new ArrayList<>()).add(
                    new ReportSummary.MilestoneUpdate(rs.getInt("position"), titles.in(language).text(), titles,
                            milestoneStatus(rs.getString("status")), rs.getInt("percent_complete"),
                            rs.getString("work_done"), rs.getString("next_steps")));
        });
        return out;
    }

    private Map<Long, List<EvidenceLink>> evidence(Collection<Long> reportIds) {
        Map<Long, List<EvidenceLink>> out = new LinkedHashMap<>();
        published.evidence(reportIds, rs -> {
            int position = rs.getInt("position");
            out.computeIfAbsent(rs.getLong("report_id"), k -> new ArrayList<>()).add(EvidenceLink.of(rs.getLong("id"),
                    rs.getString("kind"), rs.getString("url"), rs.getString("file_name"),
                    rs.getString("description"), rs.wasNull() ? null : position));
        });
        return out;
    }

    private static String areaName(String sheet, String nameEs, String nameEn, String group, String language) {
        BilingualText names = CommitmentRow.leadAreaNames(sheet, null, nameEs, nameEn);
        return names.isEmpty() ? group : names.in(language).text();
    }
}
