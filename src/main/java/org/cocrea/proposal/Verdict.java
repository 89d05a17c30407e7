package org.cocrea.proposal;

import java.util.Arrays;
import java.util.Optional;

/** The area's feasibility verdict on a proposal. */
public enum Verdict {
    FEASIBLE("feasible"),
    PARTIALLY_FEASIBLE("partially-feasible"),
    NOT_FEASIBLE("not-feasible");

    private final String code;

    Verdict(String code) {
        this.code = code;
    }

    /** @return the value used in forms and process variables, e.g. {@code partially-feasible} */
    public String code() {
        return code;
    }

    /**
     * @param code a form value such as {@code feasible}; may be null
     * @return the verdict, empty if the value is unknown
     */
    public static Optional<Verdict> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
