package org.cocrea.dashboard;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A published commitment as the dashboard shows it.
 *
 * @param code               e.g. {@code ARBA0001}
 * @param actionPlan         e.g. {@code ARBA-2021-2023}
 * @param titleEs            Spanish title
 * @param titleEn            English title, may be null
 * @param axis               thematic axis id, may be null
 * @param leadAreaGroup      the lead area's candidate group, may be null
 * @param leadArea           the lead area's name in the request's language (the sheet's text, else the area's name,
 *                           else the group), may be null
 * @param startDate          planned start (Buenos Aires calendar date)
 * @param endDate            planned end
 * @param status             derived from the milestones: all completed, else any delayed, else any started
 * @param percentComplete    mean of the milestones' percentages, rounded, 0 to 100
 * @param milestoneCount     number of milestones
 * @param completedMilestones milestones completed
 * @param lastAcceptedPeriod month (its first day) of the last accepted report, or null
 * @param acceptedReports    number of accepted reports
 * @param milestones         milestones by position
 * @param recentReports      the latest accepted reports, newest first (at most {@link Dashboard#RECENT_REPORTS} in
 *                           the list; one page on the commitment's page)
 * @param latestEvidence     evidence of the last accepted report
 * @param evaluation         the monitoring body's evaluation, or null
 */
public record CommitmentProgress(String code, String actionPlan, String titleEs, String titleEn, String axis,
        String leadAreaGroup, String leadArea, LocalDate startDate, LocalDate endDate, ProgressStatus status,
        int percentComplete, int milestoneCount, int completedMilestones, LocalDate lastAcceptedPeriod,
        int acceptedReports, List<MilestoneProgress> milestones, List<ReportSummary> recentReports,
        List<EvidenceLink> latestEvidence, Evaluation evaluation) {

    /**
     * @param language {@code es} or {@code en}
     * @return the title in that language (Spanish when there is no English title)
     */
    @JsonIgnore
    public String title(String language) {
        return "en".equals(language) && titleEn != null && !titleEn.isBlank() ? titleEn : titleEs;
    }
}
