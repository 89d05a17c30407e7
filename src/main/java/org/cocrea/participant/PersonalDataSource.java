package org.cocrea.participant;

import java.util.List;
import java.util.Map;

/**
 * A feature that holds personal data under a person's e-mail address outside the directory (round-table and
 * community registrations, follows). The directory's export ({@code /my-data/{token}/export}, right of access, Ley
 * 25.326 art. 14) adds one section per source; the directory's erasure publishes {@link ContactErased}, which each
 * source handles in the erasure's transaction (art. 16). Implemented by the features, so that {@code participant}
 * depends on none of them.
 */
public interface PersonalDataSource {

    /** @return the section's name in the export, e.g. {@code follows} */
    String section();

    /**
     * @param email the person's address, lower case
     * @return what the feature holds about the address, one map of plain values (strings, numbers, instants) per
     *         record, oldest first; empty when nothing
     */
    List<Map<String, Object>> export(String email);
}
