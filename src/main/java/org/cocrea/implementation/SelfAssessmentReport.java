package org.cocrea.implementation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The figures of an end-of-plan self-assessment, frozen when a draft is produced (stored as JSON in
 * {@code self_assessment.content}) so that the published report does not change when follow-up data changes later.
 *
 * @param actionPlan  action plan id
 * @param endDate     the plan's last day, or null when not configured
 * @param generatedAt when the figures were read
 * @param commitments one entry per published commitment of the plan, by code
 */
public record SelfAssessmentReport(String actionPlan, LocalDate endDate, Instant generatedAt,
        List<CommitmentOutcome> commitments) {

    /**
     * What one commitment achieved.
     *
     * @param code                the OGP identifier, e.g. {@code ARBA0001}
     * @param titleEs             title in Spanish
     * @param titleEn             title in English, may be null
     * @param leadArea            lead area, may be null
     * @param startDate           first day
     * @param endDate             last day
     * @param completionPercent   completion, 0-100: the mean of its milestones' percentages as of the last accepted
     *                            follow-up report (0 without milestones)
     * @param milestonesCompleted milestones with status COMPLETED
     * @param milestones          every milestone with its status and percentage
     * @param acceptedReports     follow-up reports accepted (published)
     * @param lastAcceptedPeriod  the month of the last accepted report (its first day), or null
     * @param evidence            the evidence attached to accepted reports
     * @param evaluation          the independent monitoring body's evaluation, or null when there is none yet
     */
    public record CommitmentOutcome(String code, String titleEs, String titleEn, String leadArea, LocalDate startDate,
            LocalDate endDate, int completionPercent, int milestonesCompleted, List<MilestoneOutcome> milestones,
            int acceptedReports, LocalDate lastAcceptedPeriod, List<EvidenceItem> evidence, Evaluation evaluation) {

        /**
         * @param language {@code en} or anything else for Spanish
         * @return the title in that language (Spanish when there is no English title)
         */
        public String title(String language) {
            return "en".equals(language) && titleEn != null && !titleEn.isBlank() ? titleEn : titleEs;
        }
    }

    /**
     * @param position order within the commitment
     * @param title    title
     * @param status   NOT_STARTED, IN_PROGRESS, COMPLETED or DELAYED
     * @param percent  0-100
     */
    public record MilestoneOutcome(int position, String title, String status, int percent) {
    }

    /**
     * @param description what it shows, may be null
     * @param url         the link (LINK evidence), or null
     * @param fileName    the file's name (FILE evidence), or null
     * @param period      the month of the report it came with
     */
    public record EvidenceItem(String description, String url, String fileName, LocalDate period) {
    }

    /**
     * The independent monitoring body's evaluation (IRM scale).
     *
     * @param completionLevel  NOT_STARTED, LIMITED, SUBSTANTIAL or COMPLETE
     * @param openedGovernment WORSENED, DID_NOT_CHANGE, MARGINAL, MAJOR or OUTSTANDING
     * @param verifiable       whether the commitment was verifiable
     * @param relevant         whether it was relevant to OGP values
     * @param notes            free text, may be null
     * @param evaluatedAt      when
     */
    public record Evaluation(String completionLevel, String openedGovernment, boolean verifiable, boolean relevant,
            String notes, Instant evaluatedAt) {
    }

    /** @return the mean completion of all commitments, 0-100 (0 without commitments) */
    public int averageCompletion() {
        return commitments.isEmpty() ? 0
                : (int) Math.round(commitments.stream().mapToInt(CommitmentOutcome::completionPercent).average()
                        .orElse(0));
    }

    /** @return how many commitments the monitoring body evaluated */
    public long evaluated() {
        return commitments.stream().filter(c -> c.evaluation() != null).count();
    }
}
