package org.cocrea.dashboard;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.cocrea.kernel.BilingualText;

/**
 * A published commitment as the dashboard shows it.
 *
 * @param code               e.g. {@code ARBA0001}
 * @param actionPlan         e.g. {@code ARBA-2021-2023}
 * @param titleEs            Spanish title
 * @param titleEn            English title, may be null
 * @param titles             both titles, with the side that is an own translation
 * @param axis               thematic axis id, may be null
 * @param leadAreaGroup      the lead area's candidate group, may be null
 * @param leadArea           the lead area's name in the request's language (the sheet's text, else the area's name,
 *                           else the group), may be null
 * @param leadAreaNames      the lead area's names in both languages (empty when unknown)
 * @param startDate          planned start (Buenos Aires calendar date)
 * @param endDate            planned end
 * @param status             {@link ProgressStatus#ENDED} once its end date passed (Buenos Aires) without every
 *                           milestone completed; otherwise derived from the milestones: all completed, else any
 *                           delayed, else any started
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
 * @param designAssessment   the IRM's assessment of its design at the start of the plan (imported commitments), or
 *                           null
 * @param endOfCommitmentReport address of OGP's end-of-commitment report, or null
 */
public record CommitmentProgress(String code, String actionPlan, String titleEs, String titleEn,
        BilingualText titles, String axis, String leadAreaGroup, String leadArea,
        BilingualText leadAreaNames, LocalDate startDate, LocalDate endDate, ProgressStatus status,
        int percentComplete, int milestoneCount, int completedMilestones, LocalDate lastAcceptedPeriod,
        int acceptedReports, List<MilestoneState> milestones, List<ReportSummary> recentReports,
        List<EvidenceLink> latestEvidence, Evaluation evaluation, DesignAssessment designAssessment,
        String endOfCommitmentReport) {

    /**
     * @param language {@code es} or {@code en}
     * @return the title in that language, else in the other one (see {@link #titles()} for the fallback marker)
     */
    @JsonIgnore
    public String title(String language) {
        return titles.in(language).text();
    }

    /** @return whether its end date passed without every milestone completed */
    @JsonIgnore
    public boolean isEnded() {
        return status == ProgressStatus.ENDED;
    }
}
