package org.cocrea.workflow;

import org.cocrea.consultation.InvalidCallException;
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
     * Runs a step and translates validation refusals: any {@link InputRefusedException} (texts from the bundles, in
     * Spanish and English), and, until their features move to the kernel, the older bilingual-message exceptions.
     *
     * @param step the feature call
     * @throws RefusedInputException carrying the feature's reasons
     */
    static void refuseInvalid(Runnable step) {
        try {
            step.run();
        } catch (InputRefusedException e) {
            throw RefusedInputException.of(e);
        } catch (InvalidCallException e) {
            throw RefusedInputException.fromBilingual(e.getMessage(), e);
        }
    }
}
