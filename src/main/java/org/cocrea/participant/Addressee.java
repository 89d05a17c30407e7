package org.cocrea.participant;

import java.time.Instant;

/**
 * What a mass mailing needs of a contact to address one mail to them: one plain select of the batch's people, locked
 * for the batch's transaction ({@link Contacts#addressees}), without the entity's axes, topics and organisation.
 *
 * @param id         the contact's id
 * @param email      the address
 * @param name       the name, or null
 * @param language   {@code es} or {@code en}
 * @param token      the random token of the person's unsubscribe and my-data links
 * @param subscribed whether the person receives calls (false after an unsubscribe)
 * @param consentAt  when the person consented to be held in the directory, or null
 * @param erasedAt   when their data was erased (Ley 25.326 art. 16), or null
 */
public record Addressee(long id, String email, String name, String language, String token, boolean subscribed,
        Instant consentAt, Instant erasedAt) {

    /** @return whether a call may be mailed to the person: subscribed, with consent and not erased */
    public boolean mayBeMailed() {
        return subscribed && consentAt != null && erasedAt == null;
    }
}
