package org.cocrea.dashboard;

import java.util.List;

/**
 * A commitment with one page of its accepted reports, newest first.
 *
 * @param commitment the commitment (its {@code recentReports} is empty; the page is {@code reports})
 * @param reports    accepted reports of this page, with what each said per milestone and its evidence
 * @param page       1-based page
 * @param pageSize   reports per page
 */
public record CommitmentTimeline(CommitmentProgress commitment, List<ReportSummary> reports, int page, int pageSize) {

    /** @return the number of pages of the timeline (at least 1) */
    public int pages() {
        return Math.max(1, (commitment.acceptedReports() + pageSize - 1) / pageSize);
    }
}
