package org.cocrea.kernel;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one exception a feature throws when a user's input breaks a rule: every refused field with the message key of
 * its reason. Nothing is stored when it is thrown. Controllers turn it into form errors or an HTTP 400 whose body names
 * each field and reason; the engine side ({@code workflow/}) turns it into Camunda's {@code BadUserRequestException}
 * so that engine REST clients get a 400 with the text in Spanish and English.
 * <p>
 * {@link #getMessage()} is for logs only (fields and keys, no user text and no personal data).
 */
public class InputRefusedException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    /**
     * @param problems every refused field, at least one
     * @throws IllegalArgumentException when problems is empty
     */
    public InputRefusedException(List<FieldProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * @param field the field as the client sent it
     * @param code  the message key of the reason
     * @param args  the message arguments
     * @return the refusal of that one field
     */
    public static InputRefusedException of(String field, String code, Object... args) {
        return new InputRefusedException(List.of(FieldProblem.of(field, code, args)));
    }

    /**
     * @return every refused field, in the order the rules were checked; never empty
     */
    public List<FieldProblem> problems() {
        return problems;
    }

    /**
     * @return the first refused field (the one a single-message view shows)
     */
    public FieldProblem first() {
        return problems.get(0);
    }

    private static String describe(List<FieldProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one field");
        }
        return "Input refused: " + problems.stream().map(p -> p.field() + " " + p.code())
                .collect(Collectors.joining("; "));
    }
}
