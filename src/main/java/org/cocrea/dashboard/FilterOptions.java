package org.cocrea.dashboard;

import java.util.List;

/**
 * The values the dashboard's filters offer: those of the published commitments.
 *
 * @param axes      axis ids, sorted
 * @param leadAreas lead areas, by name
 */
public record FilterOptions(List<String> axes, List<LeadArea> leadAreas) {

    /**
     * @param group candidate group, the filter's value
     * @param name  name in the request's language
     */
    public record LeadArea(String group, String name) {
    }
}
