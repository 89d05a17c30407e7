package org.cocrea.community;

import java.util.Locale;

import org.cocrea.calendar.Invitations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a community event as an iCalendar invitation (RFC 5545/5546, through {@link Invitations}, as round-tables
 * and implementation meetings): the event in America/Argentina/Buenos_Aires with its VTIMEZONE, the link or place as
 * LOCATION, the event's public page as URL, a UID stable across updates, {@code METHOD:CANCEL} once cancelled.
 */
@Component
class CommunityCalendar {

    private final MessageSource messages;
    private final String baseUrl;
    private final String organizer;

    CommunityCalendar(MessageSource messages, @Value("${cocrea.public-base-url}") String baseUrl,
            @Value("${cocrea.round-tables.organizer:mailto:gobiernoabierto@cocrea.local}") String organizer) {
        this.messages = messages;
        this.baseUrl = baseUrl;
        this.organizer = organizer;
    }

    /** @return the absolute address of the event's public page */
    String page(Community community, CommunityEvent event) {
        return baseUrl + "/communities/" + community.getSlug() + "/events/" + event.getId();
    }

    /**
     * @param community the event's community
     * @param event     the event
     * @param cancelled whether to write the cancellation ({@code METHOD:CANCEL}); otherwise {@code METHOD:REQUEST}
     * @param attendee  the recipient's e-mail (ATTENDEE), or null for the public download
     * @param locale    language of the description
     * @return the calendar text, CRLF line endings
     * @throws IllegalArgumentException if the attendee is no valid mailto address
     */
    String invitation(Community community, CommunityEvent event, boolean cancelled, String attendee, Locale locale) {
        String page = page(community, event);
        return Invitations.write(new Invitations.Event("-//Cocrea//Comunidades de practica//ES", event.getIcalUid(),
                event.getIcalSequence(), event.getTitle(), event.getStartsAt(), event.getEndsAt(),
                event.getLocation(), page, messages.getMessage("community.ics.description",
                        new Object[] {community.name(locale), page}, locale), organizer),
                cancelled, attendee);
    }
}
