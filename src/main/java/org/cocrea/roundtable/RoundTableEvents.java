package org.cocrea.roundtable;

import java.util.List;

/** Events the round-table feature publishes; the workflow turns them into process starts and message correlations. */
public final class RoundTableEvents {

    private RoundTableEvents() {
    }

    /**
     * Staff asked for the round-tables of a call.
     *
     * @param callId call id
     * @param axes   the prioritised axes that have no round-table yet
     */
    public record RoundTablesRequested(long callId, List<String> axes) {
    }

    /**
     * A round-table was scheduled: staff confirmed its date, place and capacity for the first time (later date
     * changes are {@link RoundTableRescheduled}). Published in the transaction that records it.
     *
     * @param roundTableId id
     * @param callId       the call for proposals it belongs to
     * @param axis         the thematic axis it co-creates on
     */
    public record RoundTableScheduled(long roundTableId, long callId, String axis) {
    }

    /**
     * A scheduled round-table got a new date.
     *
     * @param roundTableId id
     */
    public record RoundTableRescheduled(long roundTableId) {
    }

    /**
     * A round-table was cancelled.
     *
     * @param roundTableId id
     */
    public record RoundTableCancelled(long roundTableId) {
    }

    /**
     * A round-table was held: its chosen topics and boards are final (Stage 3 turns each topic into a commitment
     * sheet).
     *
     * @param roundTableId id
     * @param callId       the call for proposals it belongs to
     */
    public record RoundTableHeld(long roundTableId, long callId) {
    }
}
