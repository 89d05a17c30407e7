package org.cocrea.participant;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.cocrea.kernel.CsvFiles;
import org.cocrea.kernel.InputRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Imports people into the directory from a CSV with header
 * {@code email,name,organization,organization_type,axes,topics,language,consent_at,consent_scope} (axes and topics
 * separated by {@code ;}; consent_at ISO 8601 or empty for no consent). Each row is stored in its own transaction: a
 * bad row is reported with its line number and the good rows are kept. A known e-mail updates the person.
 */
@Service
public class ContactCsvImport {

    /** Columns the file must have. */
    public static final List<String> COLUMNS = List.of("email", "name", "organization", "organization_type", "axes",
            "topics", "language", "consent_at", "consent_scope");
    private static final int MAX_ROWS = 20000;
    private static final Logger log = LoggerFactory.getLogger(ContactCsvImport.class);

    private final Contacts contacts;

    ContactCsvImport(Contacts contacts) {
        this.contacts = contacts;
    }

    /**
     * The outcome of an import.
     *
     * @param imported  rows stored
     * @param rejected  refused rows: line number (header is line 1) and {@code field: code} problems
     * @param fileError a problem with the whole file, null otherwise
     */
    public record Report(int imported, List<Rejected> rejected, String fileError) {
    }

    /**
     * @param line     line number
     * @param email    the row's e-mail
     * @param problems {@code field: code} entries
     */
    public record Rejected(long line, String email, List<String> problems) {
    }

    /**
     * @param csv        the file, UTF-8
     * @param sourceName file name for the log
     * @return what was stored and what was refused
     */
    public Report importCsv(InputStream csv, String sourceName) {
        int[] imported = {0};
        List<Rejected> rejected = new ArrayList<>();
        String fileError = CsvFiles.read(csv, COLUMNS, MAX_ROWS, (line, row) -> {
            String email = row.isSet("email") ? row.get("email") : "";
            if (!row.isConsistent()) {
                rejected.add(new Rejected(line, email, List.of("row: columns")));
                return;
            }
            try {
                contacts.register(toInput(row), "csv");
                imported[0]++;
            } catch (InputRefusedException e) {
                rejected.add(new Rejected(line, email, ContactProblems.shown(e)));
            } catch (DateTimeException e) {
                rejected.add(new Rejected(line, email, List.of("consent_at: dateTime")));
            } catch (DataAccessException e) {
                log.warn("Contact import {}: line {} could not be stored: {}", sourceName, line, e.getMessage());
                rejected.add(new Rejected(line, email, List.of("row: processingFailed")));
            }
        });
        log.info("Contact import {}: {} stored, {} refused{}", sourceName, imported[0], rejected.size(),
                fileError == null ? "" : ", stopped: " + fileError);
        return new Report(imported[0], rejected, fileError);
    }

    private static ContactInput toInput(CSVRecord row) {
        String consent = row.get("consent_at");
        return new ContactInput(row.get("email"), row.get("name"), row.get("organization"),
                row.get("organization_type"), split(row.get("axes")), split(row.get("topics")), row.get("language"),
                consent.isBlank() ? null : OffsetDateTime.parse(consent).toInstant(), row.get("consent_scope"));
    }

    private static Set<String> split(String value) {
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(value.split(";")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }
}
