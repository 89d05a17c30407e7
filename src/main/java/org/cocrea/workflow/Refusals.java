package org.cocrea.workflow;

import org.camunda.bpm.engine.BadUserRequestException;
import org.cocrea.consultation.InvalidCallException;
import org.cocrea.proposal.InvalidReviewException;

/**
 * Turns a feature's validation refusal into {@link BadUserRequestException}, which rolls the engine command back
 * (the task stays open, the start is not made) and which Tasklist shows with its message. From a delegate (the
 * call's start) {@code /engine-rest} answers 400; from a task listener the engine wraps it (ENGINE-03051, HTTP 500)
 * but keeps the message, which Tasklist shows next to the form.
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
