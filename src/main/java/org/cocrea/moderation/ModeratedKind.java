package org.cocrea.moderation;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of public item that can be reported, each named in URLs and in the tables by {@link #key()}. */
public enum ModeratedKind {

    /** A public comment on a circulated commitment draft ({@code /drafts/{id}}). */
    DRAFT_COMMENT("draft-comment"),
    /** An entry of a held round-table's boards ({@code /round-tables/{id}}). */
    BOARD_ENTRY("board-entry");

    private final String key;

    ModeratedKind(String key) {
        this.key = key;
    }

    /** @return the name in URLs and tables, e.g. {@code draft-comment} */
    public String key() {
        return key;
    }

    /**
     * @param key a kind's {@link #key()}, or anything typed into a form
     * @return the kind, or empty when unknown
     */
    public static Optional<ModeratedKind> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
