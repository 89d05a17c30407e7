package org.cocrea.followup;

/**
 * The independent monitoring body recorded (or replaced) its evaluation of a commitment; it is public on the
 * dashboard. Published in the transaction that stores it.
 *
 * @param commitmentId the evaluated commitment
 */
public record EvaluationPublished(long commitmentId) {
}
