package org.cocrea.proposal;

import java.time.Instant;
import java.util.List;

/**
 * One proposal of the public list ({@code /proposals}, {@code /api/proposals}, {@code /proposals.csv}): what anyone
 * may see, never the proposer's name, organisation or e-mail (only the kind of proposer).
 *
 * @param trackingCode       public tracking code, the stable address {@code /proposals/{trackingCode}}
 * @param url                that address
 * @param callId             call for proposals id
 * @param callTitle          the call's title
 * @param title              title
 * @param description        description, as sent
 * @param axis               axis id
 * @param axisName           axis in the reader's language
 * @param submitterType      kind of proposer ({@code osc-tematica}, {@code osc-territorial}, {@code academia},
 *                           {@code sector-privado}, {@code ciudadania})
 * @param submitterTypeLabel that kind in the reader's language
 * @param submittedAt        submission instant (pages show it in America/Argentina/Buenos_Aires)
 * @param status             status code ({@link ProposalStatus})
 * @param statusLabel        status in the reader's language
 * @param areaGroup          candidate group of the responsible area once routed, else null
 * @param areaName           that area's name in the reader's language, else null
 * @param response           the reasoned response once sent, else null
 * @param prioritised        whether it was chosen for the round-tables (with a null {@code roundTable}: no
 *                           round-table is scheduled for its axis yet)
 * @param roundTable         the round-table it went to, else null ({@link ProposalOutcomes})
 * @param commitments        published commitments that came out of that round-table
 * @param carriedOverFrom    when this is a feasible proposal carried over from an earlier co-creation instance of
 *                           the plan: the original's tracking code, else null
 * @param carriedOverTo      when this feasible proposal, not taken to a round-table, was carried over into a later
 *                           instance: the copy's tracking code (what happens next is on the copy), else null
 */
public record PublicProposalRow(String trackingCode, String url, long callId, String callTitle, String title,
        String description, String axis, String axisName, String submitterType, String submitterTypeLabel,
        Instant submittedAt, String status, String statusLabel, String areaGroup, String areaName,
        PublicProposalView.Response response, boolean prioritised, ProposalOutcomes.RoundTableLink roundTable,
        List<ProposalOutcomes.CommitmentLink> commitments, String carriedOverFrom, String carriedOverTo) {
}
