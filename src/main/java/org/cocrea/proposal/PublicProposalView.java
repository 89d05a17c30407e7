package org.cocrea.proposal;

import java.time.Instant;
import java.util.List;

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
 * @param steps          the review's steps in order: those done with their instant, then those still to come (a step
 *                       that was skipped or has no recorded date, as in proposals imported from an earlier
 *                       consultation, is left out)
 * @param outcome        the round-table it went to and the published commitments that came out of it
 *                       ({@link ProposalOutcomes}); {@link ProposalOutcomes.Outcome#NONE} when none
 */
public record PublicProposalView(String trackingCode, String title, String axis, String axisName, String status,
        String statusLabel, Instant submittedAt, String areaName, Response response, List<Step> steps,
        ProposalOutcomes.Outcome outcome) {

    /**
     * One step of the review.
     *
     * @param step    step code ({@link ReviewStep})
     * @param label   the step in the reader's language
     * @param at      when it ended (shown in America/Argentina/Buenos_Aires); null while still to come
     * @param current whether it is the next step to happen (the first one still to come)
     */
    public record Step(String step, String label, Instant at, boolean current) {

        /** @return whether the step has happened */
        public boolean done() {
            return at != null;
        }
    }

    /**
     * @param verdict      verdict code
     * @param verdictLabel verdict in the reader's language
     * @param text         the reasoned response
     * @param sentAt       when it was sent
     */
    public record Response(String verdict, String verdictLabel, String text, Instant sentAt) {
    }
}
