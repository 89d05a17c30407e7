package org.cocrea.participant;

import java.util.List;

import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;

/**
 * The reasons a contact is refused: {@link FieldProblem}s whose codes are the bundles' {@code validation.*} keys, and
 * the {@code field: reason} form the subscribe page and the staff import report show (e.g. {@code email: email}).
 */
final class ContactProblems {

    private static final String PREFIX = "validation.";

    private ContactProblems() {
    }

    /**
     * @param field  the field, e.g. {@code email}
     * @param reason the reason, e.g. {@code required}: the key {@code validation.required}
     * @param args   the message arguments (a limit)
     * @return the problem
     */
    static FieldProblem of(String field, String reason, Object... args) {
        return FieldProblem.of(field, PREFIX + reason, args);
    }

    /**
     * @param problems the problems of a contact
     * @return each as {@code field: reason}, in order
     */
    static List<String> shown(List<FieldProblem> problems) {
        return problems.stream().map(p -> p.field() + ": "
                + (p.code().startsWith(PREFIX) ? p.code().substring(PREFIX.length()) : p.code())).toList();
    }

    /**
     * @param refusal a contact's refusal
     * @return its problems as {@code field: reason}
     */
    static List<String> shown(InputRefusedException refusal) {
        return shown(refusal.problems());
    }
}
