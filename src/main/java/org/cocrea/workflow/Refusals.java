package org.cocrea.workflow;

import org.camunda.bpm.engine.BadUserRequestException;
import org.cocrea.consultation.InvalidCallException;
import org.cocrea.proposal.InvalidReviewException;

/**
 * Turns a feature's validation refusal into {@link BadUserRequestException}, which rolls the engine command back
 * (the task stays open, the start is not made) and which Tasklist and {@code /engine-rest} report with its message
 * and HTTP 400.
 */
final class Refusals {

    private Refusals() {
    }

    /**
     * Runs a step and translates validation refusals.
     *
     * @param step the feature call
     * @throws BadUserRequestException carrying the feature's message
     */
    static void refuseInvalid(Runnable step) {
        try {
            step.run();
        } catch (InvalidReviewException | InvalidCallException e) {
            throw new BadUserRequestException(e.getMessage(), e);
        }
    }
}
