package org.cocrea.proposal;

import java.util.List;

/** A submission was refused: each entry names a field and why. Nothing was stored. */
public class InvalidProposalException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    /** @param problems the invalid fields, at least one */
    public InvalidProposalException(List<FieldProblem> problems) {
        super("Invalid proposal: " + problems);
        this.problems = List.copyOf(problems);
    }

    /** @return the invalid fields */
    public List<FieldProblem> problems() {
        return problems;
    }
}
