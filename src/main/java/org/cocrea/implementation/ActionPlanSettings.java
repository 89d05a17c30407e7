package org.cocrea.implementation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.cocrea.CocreaApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The action plan being implemented ({@code cocrea.action-plan.*}).
 *
 * @param id               action plan id, e.g. {@code ARBA-2021-2023} (defaults to
 *                         {@code cocrea.consultation.default-action-plan})
 * @param endDate          the plan's last day (ISO date, Buenos Aires calendar), or null when not known: no closure is
 *                         scheduled then
 * @param closureAtStartup whether start-up makes sure the plan's closure process is waiting for the end date (true)
 * @param startDate        the plan's first day (ISO date, Buenos Aires calendar), or null when not known; the OGP
 *                         minimum-requirement flags count from this day or the installation date, whichever is later
 *                         ({@link MinimumRequirements})
 */
@ConfigurationProperties("cocrea.action-plan")
public record ActionPlanSettings(String id, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
        @DefaultValue("true") boolean closureAtStartup,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate) {

    /**
     * @return when the plan has ended: the start (00:00) of the day after {@link #endDate()} in
     *         America/Argentina/Buenos_Aires, or null without an end date
     */
    public ZonedDateTime endsAt() {
        return endDate == null ? null : endDate.plusDays(1).atStartOfDay(ZoneId.of(CocreaApplication.ZONE));
    }
}
