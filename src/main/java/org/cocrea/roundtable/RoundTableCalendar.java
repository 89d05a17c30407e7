package org.cocrea.roundtable;

import org.cocrea.calendar.Invitations;
import org.cocrea.kernel.Languages;
import org.cocrea.kernel.ProblemTexts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes round-table invitations as iCalendar (RFC 5545/5546, with ical4j through {@link Invitations}):
 * {@code METHOD:REQUEST} with the event in America/Argentina/Buenos_Aires (VTIMEZONE included), the virtual meeting link as location and the registration
 * page as URL; the UID stays the same across updates and the SEQUENCE grows, so calendar clients update the event;
 * {@code METHOD:CANCEL} when it is cancelled.
 */
@Component
public class RoundTableCalendar {

    private final String baseUrl;
    private final String organizer;

    RoundTableCalendar(@Value("${cocrea.public-base-url}") String baseUrl,
            @Value("${cocrea.round-tables.organizer:mailto:gobiernoabierto@cocrea.local}") String organizer) {
        this.baseUrl = baseUrl;
        this.organizer = organizer;
    }

    /**
     * @param table     the round-table, with a start
     * @param cancelled whether to write a cancellation
     * @return the calendar text (CRLF line endings), without attendee
     * @throws IllegalStateException if the calendar cannot be written
     */
    public String invitation(RoundTable table, boolean cancelled) {
        return invitation(table, cancelled, null);
    }

    /**
     * @param table     the round-table, with a start
     * @param cancelled whether to write a cancellation
     * @param attendee  the recipient's e-mail, written as ATTENDEE (RFC 5546 asks for it in REQUEST and CANCEL);
     *                  null for none
     * @return the calendar text (CRLF line endings); its description ({@code roundTable.calendar.description}, with the
     *         registration page) in Spanish, the language of the round-table's title
     * @throws IllegalStateException if the calendar cannot be written
     */
    public String invitation(RoundTable table, boolean cancelled, String attendee) {
        String page = baseUrl + "/round-tables/" + table.getId();
        return Invitations.write(new Invitations.Event("-//Cocrea//Mesas de co-creacion//ES", table.getIcalUid(),
                table.getIcalSequence(), table.getTitle(), table.getStartsAt(), table.getEndsAt(),
                table.getMeetingLink(), page,
                ProblemTexts.bundles().text("roundTable.calendar.description", Languages.SPANISH, page), organizer),
                cancelled, attendee);
    }
}
