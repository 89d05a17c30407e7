package org.cocrea.calendar;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneId;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.CuType;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
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
    /** RFC 5545 section 3.1: lines should not be longer than 75 octets, excluding the line break. */
    private static final int MAX_LINE_OCTETS = 75;

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
     * @param attendee  the recipient's e-mail, written as ATTENDEE (RFC 5546 asks for it in REQUEST and CANCEL), a
     *                  required individual participant; in a REQUEST also {@code PARTSTAT=NEEDS-ACTION;RSVP=TRUE}, so
     *                  the client offers accept / decline; null for none
     * @return the calendar text: CRLF line endings, lines folded at 75 octets, DTSTAMP in UTC (the time of writing)
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
                Attendee who = new Attendee(new URI("mailto", attendee, null));
                who.add(CuType.INDIVIDUAL);
                who.add(Role.REQ_PARTICIPANT);
                if (!cancelled) {
                    // asks the client for an answer: Outlook and Gmail show accept / decline (RFC 5545 3.2.17)
                    who.add(PartStat.NEEDS_ACTION);
                    who.add(Rsvp.TRUE);
                }
                vevent.add(who);
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
        // ical4j writes the content lines with CRLF (Calendar.toString()); its CalendarOutputter folds them at 73
        // characters, which with accented Spanish text is more than the 75 octets RFC 5545 3.1 allows, so the
        // lines are folded here by octets instead.
        return fold(calendar.toString());
    }

    /**
     * Folds iCalendar content lines so that none is longer than 75 octets of UTF-8 without its line break (RFC 5545
     * section 3.1): a CRLF and one space go before the character that would pass the limit; a character (including a
     * surrogate pair) is never split.
     *
     * @param unfolded content lines ending in CRLF
     * @return the folded text, CRLF line endings
     */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 64 * 3 + 16);
        int octets = 0;
        for (int i = 0; i < unfolded.length();) {
            int codePoint = unfolded.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint == '\r' || codePoint == '\n') {
                out.appendCodePoint(codePoint);
                octets = 0;
                continue;
            }
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (octets + size > MAX_LINE_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
        }
        return out.toString();
    }
}
