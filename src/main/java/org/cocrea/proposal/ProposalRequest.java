package org.cocrea.proposal;

/**
 * Body of {@code POST /api/proposals}.
 *
 * @param title         at most 200 characters
 * @param description   at most 4000 characters
 * @param axis          an axis of the open call
 * @param submitterType {@code osc-tematica, osc-territorial, academia, sector-privado, ciudadania}
 * @param organization  required unless {@code ciudadania}; at most 200 characters
 * @param name          at most 150 characters
 * @param email         a valid address, at most 254 characters
 * @param consent       must be true
 * @param language      optional, {@code es} (default) or {@code en}: the language of the mails
 */
record ProposalRequest(String title, String description, String axis, String submitterType, String organization,
        String name, String email, Boolean consent, String language) {
}
