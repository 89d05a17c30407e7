package org.cocrea.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Holidays that are not working days ({@code cocrea.calendar.*}).
 *
 * @param fixedHolidays Argentina's national holidays on fixed dates (Ley 27.399), as {@code --MM-DD}
 * @param extraHolidays movable holidays and bridge days of specific years, as ISO dates
 */
@ConfigurationProperties("cocrea.calendar")
public record CalendarProperties(
        @DefaultValue({"--01-01", "--03-24", "--04-02", "--05-01", "--05-25", "--06-20", "--07-09", "--12-08",
                "--12-25"}) List<MonthDay> fixedHolidays,
        @DefaultValue({}) List<LocalDate> extraHolidays) {
}
