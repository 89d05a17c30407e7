package org.cocrea.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.cocrea.CocreaApplication;
import org.springframework.stereotype.Component;

/**
 * Adds and subtracts working days in Buenos Aires: Monday to Friday, except the configured holidays
 * ({@link CalendarProperties}). The time of day is kept; dates are computed in America/Argentina/Buenos_Aires.
 *
 * <p>Exposed to BPMN expressions as {@code workingDays}, e.g. the feasibility review's due date
 * {@code ${workingDays.after(now(), 10)}}.
 */
@Component("workingDays")
public class WorkingDays {

    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);
    private final CalendarProperties properties;

    /** @param properties holidays */
    public WorkingDays(CalendarProperties properties) {
        this.properties = properties;
    }

    /**
     * @param date a calendar date in Buenos Aires
     * @return whether it is a working day
     */
    public boolean isWorkingDay(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY, SUNDAY -> false;
            default -> !properties.fixedHolidays().contains(MonthDay.from(date))
                    && !properties.extraHolidays().contains(date);
        };
    }

    /**
     * @param from start instant
     * @param days working days to add, at least 0
     * @return the instant {@code days} working days after {@code from}, same local time of day
     * @throws IllegalArgumentException if {@code from} is null or {@code days} is negative
     */
    public Date after(Date from, int days) {
        return shift(from, days, 1);
    }

    /**
     * @param from start instant
     * @param days working days to subtract, at least 0
     * @return the instant {@code days} working days before {@code from}, same local time of day
     * @throws IllegalArgumentException if {@code from} is null or {@code days} is negative
     */
    public Date before(Date from, int days) {
        return shift(from, days, -1);
    }

    private Date shift(Date from, int days, int step) {
        if (from == null || days < 0) {
            throw new IllegalArgumentException("workingDays needs a date and a non-negative number of days");
        }
        ZonedDateTime t = from.toInstant().atZone(ZONE);
        int left = days;
        while (left > 0) {
            t = t.plusDays(step);
            if (isWorkingDay(t.toLocalDate())) {
                left--;
            }
        }
        return Date.from(t.toInstant());
    }
}
