package org.cocrea.kernel;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One refused field of a user's input, named by a message key rather than by a text, so that the page, the JSON API
 * and the engine REST API each render it in the reader's language from the bundles.
 *
 * @param field the field as the client sent it, e.g. {@code email}, {@code endDate} or {@code milestones[2].endDate};
 *              {@code body} for the request as a whole
 * @param code  the message key of the reason, e.g. {@code validation.required} or {@code sheet.error.endBeforeStart};
 *              resolved by {@link ProblemTexts}
 * @param args  the message arguments (a limit, a date, an id), in the order of the message's {@code {0}}, {@code {1}}
 */
public record FieldProblem(String field, String code, List<Object> args) {

    /**
     * @throws NullPointerException when field, code or args is null
     */
    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
    }

    /**
     * @param field the field as the client sent it
     * @param code  the message key of the reason
     * @param args  the message arguments, none null
     * @return the problem
     */
    public static FieldProblem of(String field, String code, Object... args) {
        return new FieldProblem(field, code, Arrays.asList(args));
    }

    /**
     * @return the message arguments as an array, as {@code MessageSource.getMessage} takes them
     */
    public Object[] argArray() {
        return args.toArray();
    }
}
