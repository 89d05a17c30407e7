package org.cocrea.moderation;

import java.time.Instant;
import java.util.Optional;

/**
 * What a feature gives moderation for one kind of its public items (implemented as a bean by the feature that owns the
 * items, so this package needs no feature). Calls happen inside the caller's transaction.
 */
public interface ModeratedItems {

    /** @return the kind of item served */
    ModeratedKind kind();

    /**
     * @param id the item's id
     * @return the item, or empty when there is no such item shown publicly
     */
    Optional<ModeratedItem> find(long id);

    /**
     * Hides the item: from now on its public page, exports and the staff's consolidation show the placeholder
     * "hidden by moderation: reason" instead of its text (the text itself is kept, for the record).
     *
     * @param id     the item's id (known, see {@link #find})
     * @param reason the team's reason (checked, stripped, at most {@link Moderation#MAX_REASON} characters)
     * @param at     the instant of the decision
     */
    void hide(long id, String reason, Instant at);
}
