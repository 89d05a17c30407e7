package org.cocrea.followup;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the monthly follow-up ({@code cocrea.follow-up.*}).
 *
 * @param dayOfMonth day of the month the report is requested, {@code 1}-{@code 28} or {@code L} for the last day of
 *                   every month (29-31 would skip the months that lack them); default {@code 1}
 * @param hour       hour of the day (0-23, Buenos Aires time) the report is requested; default 8
 * @param dueDays    calendar days the lead area has to submit a report (also after staff ask for more); default 10
 * @param evidence   where and how evidence files are stored
 */
@ConfigurationProperties("cocrea.follow-up")
public record FollowUpProperties(@DefaultValue("1") String dayOfMonth, @DefaultValue("8") int hour,
        @DefaultValue("10") int dueDays, @DefaultValue Evidence evidence) {

    /**
     * @param folder   folder that holds the evidence files (created if missing); default {@code ./data/evidence}
     * @param maxSize  largest accepted file; default 10MB
     */
    public record Evidence(@DefaultValue("data/evidence") Path folder, @DefaultValue("10MB") DataSize maxSize) {
    }

    /**
     * @throws IllegalArgumentException when a value is out of range, so a wrong setting stops the start-up
     */
    public FollowUpProperties {
        if (!"L".equals(dayOfMonth)) {
            int day;
            try {
                day = Integer.parseInt(dayOfMonth);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("cocrea.follow-up.day-of-month must be 1-28 or L, not " + dayOfMonth);
            }
            if (day < 1 || day > 28) {
                throw new IllegalArgumentException("cocrea.follow-up.day-of-month must be 1-28 or L, not " + dayOfMonth);
            }
        }
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("cocrea.follow-up.hour must be 0-23, not " + hour);
        }
        if (dueDays < 1 || dueDays > 60) {
            throw new IllegalArgumentException("cocrea.follow-up.due-days must be 1-60, not " + dueDays);
        }
    }
}
