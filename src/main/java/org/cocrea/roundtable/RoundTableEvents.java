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
}
