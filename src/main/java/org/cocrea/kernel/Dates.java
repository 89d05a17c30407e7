package org.cocrea.kernel;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.cocrea.CocreaApplication;
import org.springframework.stereotype.Component;

/**
 * Formats instants and days for people (pages, mails, PDFs) as {@code dd/MM/yyyy}, in Buenos Aires time; used in
 * templates as {@code ${@dates.format(x)}}. Templates write days with the same pattern,
 * {@code ${#temporals.format(day, 'dd/MM/yyyy')}}, which also works in PDF templates rendered without Spring beans.
 * Open data (JSON, CSV, iCalendar) keeps ISO-8601 and does not use this class.
 */
@Component("dates")
public class Dates {

    /** The day as people read it in Argentina: {@code dd/MM/yyyy}. */
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of(CocreaApplication.ZONE));

    /**
     * @param instant an instant, may be null
     * @return {@code dd/MM/yyyy HH:mm} in America/Argentina/Buenos_Aires, or an empty string
     */
    public String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }
}
