package org.cocrea.proposal;

import java.util.Arrays;
import java.util.Optional;

/** Who submitted a proposal, in the categories the Buenos Aires consultation used. */
public enum SubmitterType {
    OSC_TEMATICA("osc-tematica"),
    OSC_TERRITORIAL("osc-territorial"),
    ACADEMIA("academia"),
    SECTOR_PRIVADO("sector-privado"),
    CIUDADANIA("ciudadania");

    private final String code;

    SubmitterType(String code) {
        this.code = code;
    }

    /** @return the wire value, e.g. {@code osc-tematica} */
    public String code() {
        return code;
    }

    /**
     * @param code wire value such as {@code academia}; may be null
     * @return the matching type, empty if none
     */
    public static Optional<SubmitterType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
