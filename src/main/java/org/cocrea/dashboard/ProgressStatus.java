package org.cocrea.dashboard;

import java.util.Locale;

/**
 * State of a commitment on the dashboard, derived from its milestones' {@link org.cocrea.followup.MilestoneStatus}
 * (the one milestone status type, owned by the follow-up feature, which writes it): the four milestone states, plus
 * {@link #ENDED}, which only a commitment has. A milestone's state on the dashboard is a {@code MilestoneStatus}.
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
