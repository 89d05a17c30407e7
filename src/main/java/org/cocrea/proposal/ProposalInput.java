package org.cocrea.proposal;

/**
 * A proposal as submitted (public form, JSON API or one CSV row), before validation.
 *
 * @param title         at most 200 characters
 * @param description   at most 4000 characters
 * @param axis          thematic axis id of the open call, e.g. {@code datos-abiertos}
 * @param submitterType one of {@code osc-tematica, osc-territorial, academia, sector-privado, ciudadania}
 * @param organization  at most 200 characters; required unless the submitter type is {@code ciudadania}
 * @param name          proposer's name, at most 150 characters
 * @param email         proposer's e-mail, at most 254 characters
 * @param consent       must be {@code true}: consent to the processing of personal data (Ley 25.326)
 * @param language      {@code es} or {@code en}: the language of the mails the proposer receives
 * @param externalRef   reference of an offline proposal (CSV {@code ref} column), null otherwise
 */
public record ProposalInput(String title, String description, String axis, String submitterType,
        String organization, String name, String email, Boolean consent, String language, String externalRef) {
}
