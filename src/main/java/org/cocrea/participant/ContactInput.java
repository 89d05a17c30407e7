package org.cocrea.participant;

import java.time.Instant;
import java.util.Set;

/**
 * A person to add to or update in the directory.
 *
 * @param email            required, at most 254 characters
 * @param name             at most 150 characters, may be null
 * @param organization     organisation name, at most 200 characters, may be null
 * @param organizationType type code ({@link OrganizationType}); required with an organisation
 * @param axes             axis ids of interest
 * @param topics           topic ids subscribed to ({@code cocrea.directory.topics})
 * @param language         {@code es} or {@code en}
 * @param consentAt        when the person consented; null means no consent (the person gets no mass mail)
 * @param consentScope     what they consented to, e.g. "convocatorias de gobierno abierto"
 */
public record ContactInput(String email, String name, String organization, String organizationType, Set<String> axes,
        Set<String> topics, String language, Instant consentAt, String consentScope) {
}
