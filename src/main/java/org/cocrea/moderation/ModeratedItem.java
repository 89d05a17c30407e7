package org.cocrea.moderation;

/**
 * A reportable item as its feature shows it to the moderation queue.
 *
 * @param kind      what it is
 * @param id        its id in its feature
 * @param text      its current text (for the team's decision; never shown publicly once hidden)
 * @param page      the public page path where it is shown, with its anchor, e.g. {@code /drafts/7#comment-12}
 * @param hidden    whether it is hidden by moderation now
 * @param withdrawn whether its author withdrew it (nothing left to moderate)
 */
public record ModeratedItem(ModeratedKind kind, long id, String text, String page, boolean hidden, boolean withdrawn) {
}
