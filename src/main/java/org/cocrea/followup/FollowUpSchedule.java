package org.cocrea.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.cocrea.CocreaApplication;
import org.springframework.stereotype.Component;

/**
 * The monthly schedule of follow-up reports, exposed to BPMN expressions as {@code followUpSchedule}: the monthly
 * timer of {@code commitment-follow-up.bpmn} reads {@code ${followUpSchedule.cron}}; process owners may replace that
 * expression by a literal cron. Cron is parsed by Camunda 7.24 in Spring syntax ({@code second minute hour
 * day-of-month month day-of-week}) in the JVM zone, which Cocrea pins to Buenos Aires.
 */
@Component("followUpSchedule")
public class FollowUpSchedule {

    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);
    private final FollowUpProperties properties;

    /** @param properties the configured day and hour */
    public FollowUpSchedule(FollowUpProperties properties) {
        this.properties = properties;
    }

    /**
     * @return the cron of the configured day and hour, e.g. {@code 0 0 8 1 * ?} (08:00 on the 1st) or
     *         {@code 0 0 8 L * ?} (08:00 on the last day of every month)
     */
    public String getCron() {
        return "0 0 " + properties.hour() + " " + properties.dayOfMonth() + " * ?";
    }

    /**
     * @param at an instant
     * @return the first day of its month in Buenos Aires: the period of a report requested then
     */
    public static LocalDate period(Instant at) {
        return at.atZone(ZONE).toLocalDate().withDayOfMonth(1);
    }
}
