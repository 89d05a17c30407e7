package org.cocrea.commitment;

import java.util.List;

import org.cocrea.kernel.FieldProblem;

/**
 * A refused field of a commitment sheet, a comment, an answer or an endorsement as the Stage 3 pages (and Tasklist's
 * refusal text) show it: the field's label, the milestone row it belongs to, and the reason. Built from the
 * {@link FieldProblem}s of an {@link org.cocrea.kernel.InputRefusedException}; the texts are message keys of
 * {@code i18n/stage3}.
 *
 * @param field the form field, e.g. {@code endDate} or {@code milestones[2].endDate}
 * @param code  the reason's message key, e.g. {@code sheet.error.endBeforeStart}
 */
public record SheetProblem(String field, String code) {

    /**
     * @param problems refused fields
     * @return them as the pages show them, in the same order
     */
    public static List<SheetProblem> of(List<FieldProblem> problems) {
        return problems.stream().map(SheetProblem::of).toList();
    }

    /**
     * @param problem a refused field
     * @return it as the pages show it
     */
    public static SheetProblem of(FieldProblem problem) {
        return new SheetProblem(problem.field(), problem.code());
    }

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
