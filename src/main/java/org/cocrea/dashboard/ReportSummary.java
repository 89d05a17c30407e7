package org.cocrea.dashboard;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.cocrea.followup.MilestoneStatus;
import org.cocrea.kernel.BilingualText;

/**
 * One accepted monthly follow-up report, as the timeline shows it.
 *
 * @param id         report id (anchor {@code #report-<id>} on the commitment page)
 * @param period     first day of the reported month (Buenos Aires calendar)
 * @param acceptedAt when the open-government team accepted it (offset of Buenos Aires)
 * @param milestones what it reported per milestone (empty in the short timeline of the list page)
 * @param evidence   its evidence (empty in the short timeline of the list page)
 */
public record ReportSummary(long id, LocalDate period, OffsetDateTime acceptedAt, List<MilestoneUpdate> milestones,
        List<EvidenceLink> evidence) {

    /**
     * What one report said about one milestone.
     *
     * @param position        the milestone's position
     * @param title           the milestone's title in the reader's language (else in the other one)
     * @param titles          the milestone's title in both languages
     * @param status          reported state
     * @param percentComplete 0 to 100
     * @param workDone        may be null
     * @param nextSteps       may be null
     */
    public record MilestoneUpdate(int position, String title, BilingualText titles,
            MilestoneStatus status, int percentComplete,
            String workDone, String nextSteps) {
    }
}
