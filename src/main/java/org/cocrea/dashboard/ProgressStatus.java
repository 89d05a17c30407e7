package org.cocrea.dashboard;

import java.util.Locale;

/**
 * State of a milestone as of its last accepted follow-up report (the values of {@code milestone_progress.status}),
 * and, derived from its milestones, of a commitment.
 */
public enum ProgressStatus {
    /** No accepted report says work has begun. */
    NOT_STARTED,
    /** Work has begun and is on schedule. */
    IN_PROGRESS,
    /** Done (a commitment: every milestone done). */
    COMPLETED,
    /** Behind schedule (a commitment: at least one milestone delayed and not all done). */
    DELAYED,
    /**
     * A commitment whose end date has passed (Buenos Aires calendar) without every milestone completed: its
     * implementation is over and what counts is the monitoring body's evaluation. Never a milestone's state.
     */
    ENDED;

    /**
     * @param value a status as stored, or as a visitor types it in a query ({@code completed}, {@code in-progress})
     * @return the status
     * @throws IllegalArgumentException when the value names no status
     */
    public static ProgressStatus parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /**
     * @param stored a value of {@code milestone_progress.status}, may be null (no accepted report yet)
     * @return the status, {@link #NOT_STARTED} for null or a value this version does not know
     */
    static ProgressStatus ofStored(String stored) {
        if (stored == null) {
            return NOT_STARTED;
        }
        try {
            return valueOf(stored);
        } catch (IllegalArgumentException e) {
            return NOT_STARTED;
        }
    }
}
