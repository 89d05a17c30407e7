package org.cocrea.proposal;

import org.cocrea.kernel.FieldProblem;

import java.util.List;

/**
 * The result of a CSV import: every valid row was stored; every bad row is listed with its line number.
 *
 * @param imported rows stored
 * @param rejected rows refused
 * @param fileError a problem with the file as a whole (missing columns, unreadable), null otherwise
 */
public record ImportReport(List<ImportedRow> imported, List<RejectedRow> rejected, String fileError) {

    /**
     * @param line         line number in the file (the header is line 1)
     * @param ref          the row's {@code ref}
     * @param trackingCode the tracking code given to the proposal
     */
    public record ImportedRow(long line, String ref, String trackingCode) {
    }

    /**
     * @param line     line number in the file (the header is line 1)
     * @param ref      the row's {@code ref}, may be empty
     * @param problems why the row was refused
     */
    public record RejectedRow(long line, String ref, List<FieldProblem> problems) {
    }
}
