package org.cocrea.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.cocrea.CocreaApplication;
import org.cocrea.commitment.PublishedCommitmentRows;
import org.cocrea.kernel.BilingualText;

/**
 * A commitment row of {@link PublishedCommitmentRows#commitments} while {@link Dashboard} gathers its milestones, reports and
 * evidence.
 */
final class CommitmentRow {

    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);

    private final String code, actionPlan, titleEs, titleEn, axis, leadAreaGroup, leadArea, endReport;
    private final BilingualText titles, leadAreaNames;
    private final DesignAssessment design;
    private final LocalDate start, end, lastPeriod;
    private final ProgressStatus status;
    private final int milestoneCount, completed, percentSum, acceptedReports;
    private final Evaluation evaluation;
    final List<MilestoneState> milestones = new ArrayList<>();
    final List<ReportSummary> reports = new ArrayList<>();
    final List<EvidenceLink> evidence = new ArrayList<>();

    CommitmentRow(ResultSet rs, String language) throws SQLException {
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

    static OffsetDateTime offset(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.atZoneSameInstant(ZONE).toOffsetDateTime();
    }

    /**
     * The lead area's names: the commitment's own (the sheet's text, and its English name when known), else the
     * area's names (areas.csv). A sheet that names its area as the area itself does gets the area's English name.
     */
    static BilingualText leadAreaNames(String sheetEs, String sheetEn, String areaEs, String areaEn) {
        if (sheetEs == null || sheetEs.isBlank()) {
            return sheetEn == null || sheetEn.isBlank() ? new BilingualText(areaEs, areaEn)
                    : new BilingualText(null, sheetEn);
        }
        if (sheetEn == null && sheetEs.equals(areaEs)) {
            return new BilingualText(sheetEs, areaEn);
        }
        return new BilingualText(sheetEs, sheetEn);
    }
}
