package org.cocrea.proposal;

import java.time.Instant;

/**
 * What anyone may see of a proposal: never the proposer's name, organization or e-mail.
 *
 * @param trackingCode   public tracking code
 * @param title          title
 * @param axis           axis id
 * @param axisName       axis name in the reader's language
 * @param status         status code ({@link ProposalStatus})
 * @param statusLabel    status in the reader's language
 * @param submittedAt    submission instant
 * @param areaName       the responsible area, once routed; null before
 * @param response       the reasoned response once sent; null before
 */
public record PublicProposalView(String trackingCode, String title, String axis, String axisName, String status,
        String statusLabel, Instant submittedAt, String areaName, Response response) {

    /**
     * @param verdict      verdict code
     * @param verdictLabel verdict in the reader's language
     * @param text         the reasoned response
     * @param sentAt       when it was sent
     */
    public record Response(String verdict, String verdictLabel, String text, Instant sentAt) {
    }
}
