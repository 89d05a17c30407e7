package org.cocrea.dashboard;

import java.util.List;

/**
 * One page of the dashboard's list.
 *
 * @param query       the filters applied
 * @param page        1-based page number
 * @param pageSize    commitments per page
 * @param total       commitments matching the filters (every page)
 * @param commitments this page's commitments, by code
 */
public record DashboardPage(DashboardQuery query, int page, int pageSize, int total,
        List<CommitmentProgress> commitments) {

    /** @return the number of pages (at least 1) */
    public int pages() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }
}
