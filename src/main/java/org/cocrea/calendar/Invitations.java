package org.cocrea.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneId;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
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

/**
 * Writes one meeting as an iCalendar invitation (RFC 5545, iTIP methods of RFC 5546) with ical4j: {@code METHOD:REQUEST}
 * with the event in America/Argentina/Buenos_Aires (its VTIMEZONE included), or {@code METHOD:CANCEL}. Calendar
 * clients match updates by UID and keep the one with the highest SEQUENCE. Shared by every kind of meeting the
 * system announces (co-creation round-tables, implementation meetings).
 */
public final class Invitations {

    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);

    private Invitations() {
    }

    /**
     * One meeting as the invitation shows it.
     *
     * @param prodId      the PRODID of the calendar, e.g. {@code -//Cocrea//Mesas de co-creacion//ES}
     * @param uid         stable across updates and the cancellation
     * @param sequence    0 for the first invitation, higher for each update
     * @param summary     title
     * @param start       start instant (written in Buenos Aires local time with TZID)
     * @param end         end instant, after {@code start}
     * @param location    the meeting link or place, or null
     * @param url         the meeting's public or staff page, or null
     * @param description free text, or null
     * @param organizer   a {@code mailto:} URI
     */
    public record Event(String prodId, String uid, int sequence, String summary, Instant start, Instant end,
            String location, String url, String description, String organizer) {
    }

    /**
     * @param event     the meeting
     * @param cancelled true for {@code METHOD:CANCEL} and {@code STATUS:CANCELLED}
     * @param attendee  the recipient's e-mail, written as ATTENDEE (RFC 5546 asks for it in REQUEST and CANCEL); null
     *                  for none
     * @return the calendar text (CRLF line endings)
     * @throws IllegalArgumentException if the attendee is not a valid mailto address
     * @throws IllegalStateException    if the calendar cannot be written
     */
    public static String write(Event event, boolean cancelled, String attendee) {
        var tz = TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(CocreaApplication.ZONE);
        VEvent vevent = new VEvent(event.start().atZone(ZONE), event.end().atZone(ZONE), event.summary());
        vevent.add(new Uid(event.uid()));
        vevent.add(new Sequence(event.sequence()));
        vevent.add(new Organizer(URI.create(event.organizer())));
        if (attendee != null) {
            try {
                vevent.add(new Attendee(new URI("mailto", attendee, null)));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("Not a mailto address: " + attendee, e);
            }
        }
        if (event.location() != null) {
            vevent.add(new Location(event.location()));
        }
        if (event.url() != null) {
            vevent.add(new Url(URI.create(event.url())));
        }
        if (event.description() != null) {
            vevent.add(new Description(event.description()));
        }
        vevent.add(cancelled ? new Status(Status.VALUE_CANCELLED) : new Status(Status.VALUE_CONFIRMED));
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(event.prodId()));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(tz.getVTimeZone());
        calendar.add(vevent);
        try {
            StringWriter out = new StringWriter();
            new CalendarOutputter(false).output(calendar, out);
            return out.toString();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the invitation " + event.uid(), e);
        }
    }
}
