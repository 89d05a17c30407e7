package org.cocrea.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.cocrea.kernel.InputRefusedException;

/**
 * The filters of the dashboard, as read from the query string. Every field may be null (no filter).
 *
 * @param axis     thematic axis id, e.g. {@code ambiente} ({@code commitment.axis})
 * @param status   derived state of the commitment
 * @param leadArea candidate group of the lead area, e.g. {@code area-ambiente} ({@code commitment.lead_area_group})
 */
public record DashboardQuery(String axis, ProgressStatus status, String leadArea) {

    /** No filter: every published commitment. */
    public static final DashboardQuery ALL = new DashboardQuery(null, null, null);

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");

    /**
     * Reads the query parameters; a blank value (the "all" option of the form) means no filter.
     *
     * @param axis     {@code axis} parameter, may be null
     * @param status   {@code status} parameter: {@code NOT_STARTED}, {@code IN_PROGRESS}, {@code COMPLETED} or
     *                 {@code DELAYED} (any case, {@code -} for {@code _}), may be null
     * @param leadArea {@code leadArea} parameter, may be null
     * @return the filters
     * @throws InputRefusedException naming the first bad parameter: an id that is not lower-case letters,
     *                               digits and hyphens (at most 100), or an unknown status
     */
    public static DashboardQuery parse(String axis, String status, String leadArea) {
        ProgressStatus parsedStatus = null;
        if (status != null && !status.isBlank()) {
            try {
                parsedStatus = ProgressStatus.parse(status);
            } catch (IllegalArgumentException e) {
                throw InputRefusedException.of("status", "dashboard.error.unknownStatus");
            }
        }
        return new DashboardQuery(id("axis", axis), parsedStatus, id("leadArea", leadArea));
    }

    /**
     * @param name  parameter name
     * @param value {@code page} parameter, may be null or blank (page 1)
     * @param max   largest page accepted
     * @return the 1-based page number
     * @throws InputRefusedException when not a whole number between 1 and {@code max}
     */
    public static int page(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(value.trim());
            if (page >= 1 && page <= max) {
                return page;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InputRefusedException.of(name, "dashboard.error.badPage", max);
    }

    private static String id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!ID.matcher(value.trim()).matches()) {
            throw InputRefusedException.of(name, "dashboard.error.badId");
        }
        return value.trim();
    }

    /** @return the filters set, as query parameters in a stable order (for links that keep them) */
    public Map<String, String> parameters() {
        Map<String, String> out = new LinkedHashMap<>();
        if (axis != null) {
            out.put("axis", axis);
        }
        if (status != null) {
            out.put("status", status.name());
        }
        if (leadArea != null) {
            out.put("leadArea", leadArea);
        }
        return out;
    }
}
