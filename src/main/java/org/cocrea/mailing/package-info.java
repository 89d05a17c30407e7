/**
 * Calls for participation (Stage 2): mass mailings to the consenting, subscribed people of the directory (optionally
 * those of one topic), queued in batches (one transaction per batch, driven by the job executor) with one row per
 * recipient, so a restart half-way neither loses nor repeats anyone; progress for staff; the short text for social
 * networks.
 */
package org.cocrea.mailing;
