package org.cocrea.dashboard;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.cocrea.followup.MilestoneStatus;
import org.cocrea.kernel.BilingualText;

/**
 * A milestone and its state as of its last accepted follow-up report, as the dashboard shows it (what one report said
 * is the follow-up feature's {@code followup/MilestoneProgress}).
 *
 * @param position        1-based position in the commitment
 * @param title           title in the reader's language, else in the other one (a sheet written in Cocrea has
 *                        Spanish only)
 * @param titles          title in both languages, with the side that is an own translation
 * @param startDate       planned start (Buenos Aires calendar date)
 * @param endDate         planned end (Buenos Aires calendar date)
 * @param responsibleArea responsible area as written on the sheet, may be null
 * @param status          state; {@link MilestoneStatus#NOT_STARTED} while no accepted report covers it
 * @param percentComplete 0 to 100
 * @param lastPeriod      first day of the month of the last accepted report that covered it, or null
 * @param acceptedAt      when that report was accepted (offset of Buenos Aires), or null
 * @param workDone        what that report says was done, may be null
 * @param nextSteps       what that report says comes next, may be null
 */
public record MilestoneState(int position, String title, BilingualText titles, LocalDate startDate, LocalDate endDate,
        String responsibleArea, MilestoneStatus status, int percentComplete, LocalDate lastPeriod,
        OffsetDateTime acceptedAt, String workDone, String nextSteps) {
}
