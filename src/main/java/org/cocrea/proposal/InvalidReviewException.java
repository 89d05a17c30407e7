package org.cocrea.proposal;

import java.util.List;

/**
 * A staff or area completion (review, response, prioritisation, meeting) was refused on the server. The message lists
 * every problem in Spanish then English; Tasklist shows it and the task stays open.
 */
public class InvalidReviewException extends RuntimeException {

    /** @param problems what is wrong, one entry per field */
    public InvalidReviewException(List<String> problems) {
        super("Datos inválidos / Invalid data: " + String.join("; ", problems));
    }
}
