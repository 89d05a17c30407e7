package org.cocrea.participant;

import java.util.Arrays;
import java.util.Optional;

/** Types of organisation, as the OGP action-plan template reports participation. */
public enum OrganizationType {
    OSC_TEMATICA("osc-tematica"),
    OSC_TERRITORIAL("osc-territorial"),
    ACADEMIA("academia"),
    SECTOR_PRIVADO("sector-privado"),
    SECTOR_PUBLICO("sector-publico");

    private final String code;

    OrganizationType(String code) {
        this.code = code;
    }

    /** @return the wire value, e.g. {@code osc-tematica} */
    public String code() {
        return code;
    }

    /**
     * @param code wire value; may be null
     * @return the type, empty if unknown
     */
    public static Optional<OrganizationType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
