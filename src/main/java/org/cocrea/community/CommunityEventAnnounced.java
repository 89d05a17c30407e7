package org.cocrea.community;

import java.time.Instant;

/**
 * A community event was scheduled, moved or cancelled: published in that transaction (Spring application event), so
 * that the community's followers ({@code following}) are told in the same commit.
 *
 * @param communityId the community
 * @param slug        its public address's last part
 * @param eventId     the event
 * @param title       the event's title
 * @param startsAt    its start (shown in America/Argentina/Buenos_Aires)
 * @param previousStartsAt the start it had before a {@link Change#RESCHEDULED}; null otherwise
 * @param change      what happened
 */
public record CommunityEventAnnounced(long communityId, String slug, long eventId, String title, Instant startsAt,
        Instant previousStartsAt, Change change) {

    /** What happened to the event. */
    public enum Change {
        /** A new event: announced to the followers (issue 11 part 6). */
        SCHEDULED,
        /** Moved to another date. */
        RESCHEDULED,
        /** Called off. */
        CANCELLED;

        /** @return the key suffix of {@code following.change.<kind>}, e.g. {@code communityEventScheduled} */
        public String kind() {
            return "communityEvent" + name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @return the event's public page, e.g. {@code /communities/datos-abiertos/events/3} */
    public String page() {
        return "/communities/" + slug + "/events/" + eventId;
    }
}
