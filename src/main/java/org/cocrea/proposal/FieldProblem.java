package org.cocrea.proposal;

/**
 * One invalid field of a submission.
 *
 * @param field the field name as the client sent it (e.g. {@code email})
 * @param code  message key suffix of the reason under {@code validation.} in {@code messages*.properties}
 *              (e.g. {@code required}, {@code tooLong}, {@code email})
 * @param limit the limit that was exceeded, for {@code tooLong}; 0 otherwise
 */
public record FieldProblem(String field, String code, int limit) {

    static FieldProblem of(String field, String code) {
        return new FieldProblem(field, code, 0);
    }
}
