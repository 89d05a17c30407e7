package org.cocrea.proposal;

import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.cocrea.kernel.CsvFiles;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports offline proposals from a CSV in the format of {@code shared/data/proposals-2021-consultation.csv}
 * ({@code ref,submitted_at,axis,axis_name,title,description,submitter_type,organization,contact_name,contact_email,
 * consent}). Each row goes through {@link Proposals#submitOffline} in its own transaction, exactly as a public
 * submission: a bad row is reported with its line number and does not stop or undo the valid rows. Re-importing the
 * same file refuses rows whose {@code ref} is already in the call.
 */
@Service
public class ProposalCsvImport {

    /** Columns the file must have. */
    public static final List<String> COLUMNS = List.of("ref", "submitted_at", "axis", "title", "description",
            "submitter_type", "organization", "contact_name", "contact_email", "consent");
    private static final Set<String> YES = Set.of("true", "sí", "si", "yes", "1", "x");
    private static final int MAX_ROWS = 5000;
    private static final Logger log = LoggerFactory.getLogger(ProposalCsvImport.class);

    private final Proposals proposals;

    ProposalCsvImport(Proposals proposals) {
        this.proposals = proposals;
    }

    /**
     * @param csv        the file, UTF-8 (a byte-order mark is allowed)
     * @param sourceName file name for the log
     * @return what was imported and what was refused, by line
     * @throws NoOpenCallException when no call accepts proposals now (nothing is imported)
     */
    public ImportReport importCsv(InputStream csv, String sourceName) {
        List<ImportReport.ImportedRow> imported = new ArrayList<>();
        List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        String fileError = CsvFiles.read(csv, COLUMNS, MAX_ROWS, (line, row) -> {
            String ref = row.isSet("ref") ? row.get("ref") : "";
            if (!row.isConsistent()) {
                rejected.add(new ImportReport.RejectedRow(line, ref, List.of(FieldProblem.of("row", "validation.columns"))));
                return;
            }
            importRow(row, line, ref, imported, rejected);
        });
        if (fileError != null) {
            log.warn("CSV import {} stopped: {}", sourceName, fileError);
        }
        log.info("CSV import {}: {} proposals imported, {} rows refused", sourceName, imported.size(), rejected.size());
        return new ImportReport(imported, rejected, fileError);
    }

    private void importRow(CSVRecord row, long line, String ref, List<ImportReport.ImportedRow> imported,
            List<ImportReport.RejectedRow> rejected) {
        OffsetDateTime submittedAt = null;
        String submitted = row.get("submitted_at");
        if (!submitted.isBlank()) {
            try {
                submittedAt = OffsetDateTime.parse(submitted);
            } catch (DateTimeParseException e) {
                rejected.add(new ImportReport.RejectedRow(line, ref, List.of(FieldProblem.of("submitted_at", "validation.dateTime"))));
                return;
            }
            if (submittedAt.getYear() < 2000 || submittedAt.toInstant().isAfter(Instant.now().plusSeconds(86400))) {
                rejected.add(new ImportReport.RejectedRow(line, ref, List.of(FieldProblem.of("submitted_at", "validation.dateRange"))));
                return;
            }
        }
        String consent = row.get("consent").toLowerCase(Locale.ROOT);
        ProposalInput input = new ProposalInput(row.get("title"), row.get("description"), row.get("axis"),
                row.get("submitter_type"), row.get("organization"), row.get("contact_name"), row.get("contact_email"),
                YES.contains(consent), "es", ref.isBlank() ? null : ref);
        try {
            Proposal p = proposals.submitOffline(input, submittedAt == null ? null : submittedAt.toInstant());
            imported.add(new ImportReport.ImportedRow(line, ref, p.getTrackingCode()));
        } catch (InputRefusedException e) {
            rejected.add(new ImportReport.RejectedRow(line, ref, e.problems()));
        } catch (NoOpenCallException e) {
            throw e;
        } catch (RuntimeException e) {
            // The row's transaction rolled back (nothing of it is stored); the other rows go on.
            log.error("CSV import: line {} (ref {}) could not be stored", line, ref, e);
            rejected.add(new ImportReport.RejectedRow(line, ref, List.of(FieldProblem.of("row", "validation.processingFailed"))));
        }
    }
}
