package org.cocrea.limits;

/**
 * The kinds of public request that are limited, each with its own allowance ({@code cocrea.limits.client.<kind>} and
 * {@code cocrea.limits.recipient.<kind>}, the kind written as {@link #key()}).
 */
public enum PublicAction {

    /** A proposal, through the HTML form ({@code POST /proposals/new}) or the JSON API ({@code POST /api/proposals}). */
    PROPOSAL("proposal"),
    /** A subscription request ({@code POST /subscribe}); it mails a confirmation link. */
    SUBSCRIPTION("subscription"),
    /** A round-table registration ({@code POST /round-tables/{id}/register}); it mails the seat or waiting list. */
    REGISTRATION("registration"),
    /** A comment on a circulated draft ({@code POST /drafts/{id}/comments}). */
    COMMENT("comment"),
    /** A report of a public comment or board entry as abusive ({@code POST /moderation/reports}). */
    REPORT("report"),
    /**
     * A person's private data pages reached through their token: {@code /my-data/{token}}, its export and erasure, and
     * confirming a subscription ({@code POST /subscribe/confirm/{token}}). One-click unsubscribe is not limited: mail
     * providers post it from shared addresses, and a lost unsubscribe is worse than the load.
     */
    MY_DATA("my-data");

    private final String key;

    PublicAction(String key) {
        this.key = key;
    }

    /** @return the name of the kind in the configuration and in logs, e.g. {@code my-data} */
    public String key() {
        return key;
    }
}
