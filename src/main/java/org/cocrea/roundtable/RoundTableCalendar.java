package org.cocrea.roundtable;

import java.net.URI;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.cocrea.CocreaApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes round-table invitations as iCalendar (RFC 5545/5546, with ical4j): {@code METHOD:REQUEST} with the event
 * in America/Argentina/Buenos_Aires (VTIMEZONE included), the virtual meeting link as location and the registration
 * page as URL; the UID stays the same across updates and the SEQUENCE grows, so calendar clients update the event;
 * {@code METHOD:CANCEL} when it is cancelled.
 */
@Component
public class RoundTableCalendar {

    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);
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
     * @return the calendar text (CRLF line endings)
     * @throws IllegalStateException if the calendar cannot be written
     */
    public String invitation(RoundTable table, boolean cancelled, String attendee) {
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        var tz = registry.getTimeZone(CocreaApplication.ZONE);
        ZonedDateTime start = table.getStartsAt().atZone(ZONE);
        ZonedDateTime end = table.getEndsAt().atZone(ZONE);
        VEvent event = new VEvent(start, end, table.getTitle());
        event.add(new Uid(table.getIcalUid()));
        event.add(new Sequence(table.getIcalSequence()));
        event.add(new Organizer(URI.create(organizer)));
        if (attendee != null) {
            try {
                event.add(new net.fortuna.ical4j.model.property.Attendee(new URI("mailto", attendee, null)));
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("Not a mailto address: " + attendee, e);
            }
        }
        if (table.getMeetingLink() != null) {
            event.add(new Location(table.getMeetingLink()));
        }
        event.add(new Url(URI.create(baseUrl + "/round-tables/" + table.getId())));
        event.add(new Description("Mesa de co-creación del Plan de Acción de Gobierno Abierto. Inscripción: " + baseUrl
                + "/round-tables/" + table.getId()));
        event.add(cancelled ? new Status(Status.VALUE_CANCELLED) : new Status(Status.VALUE_CONFIRMED));
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Cocrea//Mesas de co-creacion//ES"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(tz.getVTimeZone());
        calendar.add(event);
        try {
            java.io.StringWriter out = new java.io.StringWriter();
            new CalendarOutputter(false).output(calendar, out);
            return out.toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot write the invitation of round-table " + table.getId(), e);
        }
    }
}
