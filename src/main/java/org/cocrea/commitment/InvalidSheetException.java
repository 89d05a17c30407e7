package org.cocrea.commitment;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A commitment sheet, a public comment, an answer or an endorsement was refused; nothing was stored.
 * {@link #problems()} lists each field with its reason (message keys of {@code i18n/stage3}).
 */
public class InvalidSheetException extends RuntimeException {

    /**
     * One refused field.
     *
     * @param field the form field, e.g. {@code endDate} or {@code milestones[2].endDate}
     * @param code  the reason's message key, e.g. {@code sheet.error.endBeforeStart}
     */
    public record Problem(String field, String code) {

        /** @return the message key naming the field: {@code sheet.field.endDate} for {@code milestones[2].endDate} */
        public String labelKey() {
            String base = field.contains("].") ? field.substring(field.indexOf("].") + 2) : field;
            return "sheet.field." + base;
        }

        /** @return the milestone row (1-based) the field belongs to, or 0 for a field of the sheet */
        public int row() {
            int open = field.indexOf('[');
            int close = field.indexOf(']');
            return open < 0 || close < open ? 0 : Integer.parseInt(field.substring(open + 1, close)) + 1;
        }
    }

    private final transient List<Problem> problems;

    /** @param problems every refused field, at least one */
    public InvalidSheetException(List<Problem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.code()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** @return every refused field with the reason's message key */
    public List<Problem> problems() {
        return problems;
    }
}
