package org.cocrea.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.cocrea.CocreaApplication;
import org.springframework.stereotype.Component;

/** Formats instants for pages and mails in Buenos Aires time; used in templates as {@code ${@dates.format(x)}}. */
@Component("dates")
public class Dates {

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
