package org.cocrea.calendar;

import java.time.Duration;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * Date arithmetic for BPMN timer expressions, exposed as {@code schedule}, e.g. a reminder 48 hours before a meeting:
 * {@code ${schedule.before(roundTableStartsAt, 'PT48H')}}.
 */
@Component("schedule")
public class ScheduleExpressions {

    /**
     * @param instant  a date
     * @param duration an ISO-8601 duration such as {@code PT48H} or {@code P2D}
     * @return {@code instant} minus {@code duration}
     * @throws IllegalArgumentException when the date is null or the duration is not ISO-8601
     */
    public Date before(Date instant, String duration) {
        if (instant == null) {
            throw new IllegalArgumentException("schedule.before needs a date");
        }
        return Date.from(instant.toInstant().minus(Duration.parse(duration)));
    }
}
