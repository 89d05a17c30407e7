package org.cocrea.workflow;

import java.util.Locale;

import org.cocrea.consultation.InvalidCallException;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.Languages;
import org.cocrea.kernel.ProblemTexts;
import org.cocrea.proposal.InvalidReviewException;

/**
 * Turns a feature's validation refusal into {@link RefusedInputException}, which rolls the engine command back
 * (the task stays open, the start is not made) and which Tasklist shows with its message. {@code /engine-rest} answers
 * 400 with the message ({@link RefusedInputRestMapper}).
 */
final class Refusals {

    private Refusals() {
    }

    /**
     * Runs a step and translates validation refusals.
     *
     * @param step the feature call
     * @throws RefusedInputException carrying the feature's message
     */
    static void refuseInvalid(Runnable step) {
        try {
            step.run();
        } catch (InvalidReviewException | InvalidCallException e) {
            throw RefusedInputException.fromBilingual(e.getMessage(), e);
        } catch (InputRefusedException e) {
            throw new RefusedInputException(texts(e, Languages.SPANISH), texts(e, Locale.ENGLISH), e);
        }
    }

    /** "Datos inválidos: reason; reason" in the reader's language, from the bundles. */
    private static String texts(InputRefusedException e, Locale locale) {
        ProblemTexts texts = ProblemTexts.bundles();
        return texts.text(FieldProblem.of("body", "refusal.invalidData"), locale) + ": " + String.join("; ",
                e.problems().stream().map(p -> texts.text(p, locale)).toList());
    }
}
