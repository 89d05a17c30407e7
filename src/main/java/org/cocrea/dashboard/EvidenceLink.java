package org.cocrea.dashboard;

/**
 * Evidence attached to an accepted report.
 *
 * @param kind              {@code LINK} or {@code FILE}
 * @param href              where to open it: the link's address (only {@code http}/{@code https}; null otherwise, so
 *                          a stored {@code javascript:} address is never a link) or {@code /dashboard/evidence/<id>}
 *                          for a file
 * @param label             the description, else the file name or address
 * @param milestonePosition the milestone it supports, or null for the whole report
 */
public record EvidenceLink(String kind, String href, String label, Integer milestonePosition) {

    static EvidenceLink of(long id, String kind, String url, String fileName, String description,
            Integer milestonePosition) {
        String href = null;
        String fallback = url;
        if ("FILE".equals(kind)) {
            href = "/dashboard/evidence/" + id;
            fallback = fileName;
        } else if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
            href = url;
        }
        String label = description != null && !description.isBlank() ? description
                : fallback != null && !fallback.isBlank() ? fallback : kind;
        return new EvidenceLink(kind, href, label, milestonePosition);
    }
}
