package org.cocrea.workflow;

import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;

/**
 * Turns a feature's validation refusal into {@link RefusedInputException}, which rolls the engine command back
 * (the task stays open, the start is not made) and which Tasklist shows with its message. {@code /engine-rest} answers
 * 400 with the message ({@link RefusedInputRestMapper}).
 */
final class Refusals {

    private Refusals() {
    }

    /**
     * Runs a step and translates its validation refusal ({@link InputRefusedException}, texts from the bundles, in
     * Spanish and English) under the head {@code refusal.invalidData} ("Datos inválidos" / "Invalid data").
     *
     * @param step the feature call
     * @throws RefusedInputException carrying the feature's reasons
     */
    static void refuseInvalid(Runnable step) {
        try {
            step.run();
        } catch (InputRefusedException e) {
            throw RefusedInputException.of(e);
        }
    }

    /**
     * Runs a step and translates its validation refusal under a head of its own; a refusal of the input as a whole
     * (every problem on the field {@code body}, e.g. "a call is already open") has no head.
     *
     * @param step    the feature call
     * @param headKey the message key of the head for field refusals, e.g. {@code refusal.invalidCall}
     * @throws RefusedInputException carrying the feature's reasons
     */
    static void refuseInvalid(Runnable step, String headKey) {
        try {
            step.run();
        } catch (InputRefusedException e) {
            boolean whole = e.problems().stream().map(FieldProblem::field).allMatch(WHOLE::equals);
            throw RefusedInputException.of(e, whole ? null : headKey);
        }
    }

    /** The field of a refusal of the input as a whole ({@link FieldProblem}). */
    private static final String WHOLE = "body";
}
