package org.cocrea.roundtable;

import java.util.List;

/** A round-table change or registration was refused; the message lists every reason (Spanish then English). */
public class InvalidRoundTableException extends RuntimeException {

    private final transient List<String> problems;

    /** @param problems the reasons */
    public InvalidRoundTableException(List<String> problems) {
        super("Datos inválidos / Invalid data: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** @return the reasons */
    public List<String> problems() {
        return problems;
    }
}
