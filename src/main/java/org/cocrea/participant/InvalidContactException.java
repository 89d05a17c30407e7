package org.cocrea.participant;

import java.util.List;

/** A contact was refused: each entry is {@code field: reason code}. Nothing was stored. */
public class InvalidContactException extends RuntimeException {

    private final transient List<String> problems;

    /** @param problems {@code field: code} entries */
    public InvalidContactException(List<String> problems) {
        super("Invalid contact: " + problems);
        this.problems = List.copyOf(problems);
    }

    /** @return {@code field: code} entries, e.g. {@code email: email} */
    public List<String> problems() {
        return problems;
    }
}
