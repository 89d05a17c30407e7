package org.cocrea.proposal;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What became of proposals after their reasoned response: the round-table they went to and the published commitments
 * that came out of it. The proposal feature shows it on the public list and on each proposal's page, but the
 * round-tables and commitments are later stages that depend on this package, so the answer comes from an
 * implementation there ({@code commitment/}), found as a bean; without one, nothing is known.
 * <p>
 * The link is derived, not stored: a proposal is taken to a round-table when it is prioritised and its call has a
 * round-table for its axis (round-tables are one per prioritised axis of a call, OGP Participation &amp;
 * Co-Creation Standard, co-creation stage); a commitment drafted from that round-table's topics records the
 * round-table ({@code commitment.round_table_id}), not the proposals, so the commitments shown are those of the
 * round-table the proposal went to.
 */
public interface ProposalOutcomes {

    /** Knows nothing: every proposal has {@link Outcome#NONE}. */
    ProposalOutcomes NONE = (proposals, locale) -> Map.of();

    /**
     * One proposal to look up.
     *
     * @param trackingCode its tracking code
     * @param callId       its call for proposals
     * @param axis         its axis id
     * @param prioritised  whether it was chosen for the round-tables
     */
    record Subject(String trackingCode, long callId, String axis, boolean prioritised) {
    }

    /**
     * @param proposals the proposals (a page of the list, or one)
     * @param locale    the reader's language, for titles and labels
     * @return the outcome of each proposal that went to a round-table, by tracking code; the others are missing
     *         (read them with {@link #outcomeOf}, which knows a prioritised proposal whose axis has no round-table
     *         yet)
     */
    Map<String, Outcome> of(Collection<Subject> proposals, Locale locale);

    /**
     * @param found   what {@link #of} answered for a page of proposals
     * @param subject one of them
     * @return its outcome: the one found; else {@link Outcome#AWAITING_ROUND_TABLE} when it was prioritised (its
     *         call has no round-table for its axis yet), else {@link Outcome#NONE}
     */
    static Outcome outcomeOf(Map<String, Outcome> found, Subject subject) {
        Outcome o = found.get(subject.trackingCode());
        if (o != null) {
            return o;
        }
        return subject.prioritised() ? Outcome.AWAITING_ROUND_TABLE : Outcome.NONE;
    }

    /**
     * What became of one proposal.
     *
     * @param prioritised whether it was chosen for the round-tables (with a null {@code roundTable}: its call has no
     *                    round-table for its axis yet, so the page says it is waiting for one, not that it was left
     *                    out)
     * @param roundTable  the round-table it went to, null if none (yet)
     * @param commitments published commitments drafted from that round-table, by code; empty if none yet
     */
    record Outcome(boolean prioritised, RoundTableLink roundTable, List<CommitmentLink> commitments) {

        /** Not prioritised: went nowhere. */
        public static final Outcome NONE = new Outcome(false, null, List.of());
        /** Prioritised, but no round-table is scheduled for its axis yet. */
        public static final Outcome AWAITING_ROUND_TABLE = new Outcome(true, null, List.of());
    }

    /**
     * @param id          round-table id
     * @param title       its title in the reader's language
     * @param status      its status code ({@code PROPOSED}, {@code SCHEDULED}, {@code CANCELLED}, {@code HELD})
     * @param statusLabel its status in the reader's language
     * @param url         its public page, e.g. {@code /round-tables/3}; null while its date is only proposed (the
     *                    page is not public yet)
     */
    record RoundTableLink(long id, String title, String status, String statusLabel, String url) {
    }

    /**
     * @param code  the commitment's public code, e.g. {@code ARBA0005}
     * @param title its title in the reader's language
     * @param url   its public page on the dashboard, {@code /dashboard/{code}}
     */
    record CommitmentLink(String code, String title, String url) {
    }
}
