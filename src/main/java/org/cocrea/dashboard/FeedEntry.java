package org.cocrea.dashboard;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One accepted report, as an entry of the Atom feed.
 *
 * @param reportId   report id
 * @param code       commitment code
 * @param titleEs    commitment's Spanish title
 * @param titleEn    commitment's English title, may be null
 * @param period     first day of the reported month
 * @param acceptedAt when it was accepted (offset of Buenos Aires)
 * @param milestones what it reported per milestone
 */
public record FeedEntry(long reportId, String code, String titleEs, String titleEn, LocalDate period,
        OffsetDateTime acceptedAt, List<ReportSummary.MilestoneUpdate> milestones) {

    /**
     * @param language {@code es} or {@code en}
     * @return the commitment's title in that language (Spanish when there is no English title)
     */
    public String title(String language) {
        return "en".equals(language) && titleEn != null && !titleEn.isBlank() ? titleEn : titleEs;
    }
}
