package org.cocrea.implementation;

import java.util.Locale;

import org.cocrea.calendar.Invitations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the iCalendar invitation of an implementation meeting (RFC 5545/5546, through {@link Invitations}): the
 * event in America/Argentina/Buenos_Aires with its VTIMEZONE, the link or place as LOCATION, the public action plan
 * as URL, a stable UID.
 */
@Component
class MeetingCalendar {

    private final MessageSource messages;
    private final String baseUrl;
    private final String organizer;

    MeetingCalendar(MessageSource messages, @Value("${cocrea.public-base-url}") String baseUrl,
            @Value("${cocrea.implementation.organizer:${cocrea.round-tables.organizer:mailto:gobiernoabierto@cocrea.local}}")
            String organizer) {
        this.messages = messages;
        this.baseUrl = baseUrl;
        this.organizer = organizer;
    }

    /**
     * @param meeting  the meeting
     * @param attendee the recipient's e-mail (ATTENDEE), or null
     * @param locale   language of the description
     * @return the calendar text: {@code METHOD:REQUEST} (SEQUENCE 0 when first scheduled, higher after each
     *         rescheduling), or {@code METHOD:CANCEL} once the meeting is cancelled
     * @throws IllegalArgumentException if the attendee is no valid mailto address
     */
    String invitation(Meeting meeting, String attendee, Locale locale) {
        return Invitations.write(new Invitations.Event("-//Cocrea//Reuniones de implementacion//ES",
                meeting.getIcalUid(), meeting.getIcalSequence(), meeting.getTitle(), meeting.getStartsAt(),
                meeting.getEndsAt(), meeting.getMeetingLink(), baseUrl + "/action-plan",
                messages.getMessage("implementation.ics.description." + meeting.getKind(),
                        new Object[] {baseUrl + "/action-plan"}, locale), organizer),
                meeting.getStatus() == Meeting.Status.CANCELLED, attendee);
    }
}
