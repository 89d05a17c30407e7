package org.cocrea.proposal;

import java.util.List;

/**
 * Error body of the public API: one entry per bad field.
 *
 * @param errors the problems
 */
record ApiError(List<Entry> errors) {

    /**
     * @param field  the field as the client sent it ({@code body} for the request as a whole)
     * @param code   machine-readable reason
     * @param reason human-readable reason in the request's language
     */
    record Entry(String field, String code, String reason) {
    }

    static ApiError of(String field, String code, String reason) {
        return new ApiError(List.of(new Entry(field, code, reason)));
    }
}
