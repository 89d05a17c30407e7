package org.cocrea.roundtable;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Round-table scheduling rules ({@code cocrea.round-tables.*}), all in Buenos Aires local time.
 *
 * @param advanceNotice   minimum time between today and the meeting: 14 days by default, the OGP expectation that
 *                        the co-creation timeline is published in advance (Participation and Co-creation Standard)
 * @param earliestStart   earliest start time of day
 * @param latestEnd       latest end time of day
 * @param defaultDuration length of a round-table
 * @param defaultCapacity seats before the waiting list
 */
@ConfigurationProperties("cocrea.round-tables")
public record SchedulingProperties(@DefaultValue("P14D") Duration advanceNotice,
        @DefaultValue("10:00") LocalTime earliestStart, @DefaultValue("19:00") LocalTime latestEnd,
        @DefaultValue("PT2H") Duration defaultDuration, @DefaultValue("40") int defaultCapacity) {
}
