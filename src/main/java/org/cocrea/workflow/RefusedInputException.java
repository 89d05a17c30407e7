package org.cocrea.workflow;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input a user submitted to the engine (a task completion, a start form) was refused by Cocrea's server-side
 * validation. The message lists every problem in Spanish then English. {@link RefusedInputRestMapper} turns it into
 * HTTP 400 on {@code /engine-rest}, even when the engine wrapped it (task listeners' exceptions are wrapped).
 */
public class RefusedInputException extends BadUserRequestException {

    /**
     * @param message what is wrong, for the user
     * @param cause   the feature's refusal, may be null
     */
    public RefusedInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param message what is wrong, for the user */
    public RefusedInputException(String message) {
        super(message);
    }
}
