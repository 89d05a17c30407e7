package org.cocrea.roundtable;

/**
 * Someone a round-table invitation goes to.
 *
 * @param email    address
 * @param name     for the greeting, may be null
 * @param language {@code es} or {@code en}
 */
public record Invitee(String email, String name, String language) {
}
