package org.cocrea.following;

import java.util.Optional;

/** How often a follower hears of changes. */
public enum Frequency {
    /** One mail per change, written in the transaction of the change. */
    EACH,
    /** One mail a week listing the week's changes ({@link Followers#sendWeeklyDigests()}). */
    WEEKLY;

    /**
     * @param code {@code each} or {@code weekly}, any case
     * @return the frequency, empty when unknown
     */
    public static Optional<Frequency> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Frequency f : values()) {
            if (f.name().equalsIgnoreCase(code.strip())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
