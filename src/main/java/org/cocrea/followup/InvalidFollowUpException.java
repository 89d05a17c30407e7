package org.cocrea.followup;

import java.util.List;

/**
 * Input to the follow-up was refused: a report, a review, an evidence file or an evaluation. Nothing was stored. The
 * message lists every problem in Spanish then English (for Tasklist); {@link #problems()} gives them one by one (for
 * pages and tests).
 */
public class InvalidFollowUpException extends RuntimeException {

    private final transient List<Problem> problems;

    /**
     * One refused field.
     *
     * @param field  the field, e.g. {@code file} or {@code milestones[2].percentComplete}
     * @param code   stable reason code, e.g. {@code tooLarge}
     * @param reason the reason in Spanish then English
     * @param args   the arguments of the reason's message {@code followup.error.<code>}, to show it in one language
     */
    public record Problem(String field, String code, String reason, List<Object> args) {

        /** Copies the arguments; null ones are kept as the text {@code "null"} so the list stays immutable. */
        public Problem {
            args = args == null ? List.of() : args.stream().map(a -> a == null ? (Object) "null" : a).toList();
        }
    }

    InvalidFollowUpException(List<Problem> problems) {
        super(String.join("; ", problems.stream().map(p -> p.field() + ": " + p.reason()).toList()));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem, at least one */
    public List<Problem> problems() {
        return problems;
    }
}
