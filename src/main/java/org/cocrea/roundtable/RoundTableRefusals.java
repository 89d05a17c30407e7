package org.cocrea.roundtable;

import java.util.List;
import java.util.Locale;

import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.Languages;
import org.cocrea.kernel.ProblemTexts;

/**
 * How the round-table pages show a refusal: the public registration form as {@code field: reason} (the template
 * resolves {@code roundTables.error.<reason>}), the staff page and the scheduler's callers as "Spanish / English",
 * both texts from the bundles.
 */
final class RoundTableRefusals {

    /** The message keys the public registration page resolves by their last part. */
    static final String REGISTRATION = "roundTables.error.";

    private RoundTableRefusals() {
    }

    /**
     * @param problem a refused field
     * @return its reason in Spanish, " / ", then in English
     */
    static String bilingual(FieldProblem problem) {
        ProblemTexts texts = ProblemTexts.bundles();
        return texts.text(problem, Languages.SPANISH) + " / " + texts.text(problem, Locale.ENGLISH);
    }

    /**
     * @param refusal a refusal
     * @return each problem as the pages list it: {@code field: reason} for the registration form's reasons,
     *         "Spanish / English" for the others
     */
    static List<String> shown(InputRefusedException refusal) {
        return refusal.problems().stream().map(p -> p.code().startsWith(REGISTRATION)
                ? p.field() + ": " + p.code().substring(REGISTRATION.length()) : bilingual(p)).toList();
    }
}
