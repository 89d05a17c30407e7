package org.cocrea.participant;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cocrea.kernel.CsvFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Imports people into the directory from a CSV with header
 * {@code email,name,organization,organization_type,axes,topics,language,consent_at,consent_scope} (axes and topics
 * separated by {@code ;}; consent_at ISO 8601 or empty for no consent), in the background. {@link #submit} checks the
 * whole file (UTF-8, the columns, at most {@link #MAX_ROWS} rows, at most {@link #MAX_BYTES}) and stores it as a
 * QUEUED import; {@link ContactImportJob} then stores its rows in chunks, a bad row being reported with its line
 * number and the good rows kept. A known e-mail updates the person ({@link Contacts#register}).
 */
@Service
public class ContactCsvImport {

    /** Columns the file must have. */
    public static final List<String> COLUMNS = List.of("email", "name", "organization", "organization_type", "axes",
            "topics", "language", "consent_at", "consent_scope");
    /** Rows a file may hold at most (blank lines not counted); a larger file is refused whole, at upload. */
    public static final int MAX_ROWS = 200_000;
    /** Bytes a file may have at most (30 MiB: 200,000 rows of about 150 bytes); a larger file is refused whole. */
    public static final long MAX_BYTES = 30L * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(ContactCsvImport.class);
    private static final String STATUS_COLUMNS = "id, file_name, status, rows_total, rows_done, imported, refused, "
            + "file_error, created_by, created_at, finished_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ContactImportJob job;

    ContactCsvImport(JdbcTemplate jdbc, Clock clock, ContactImportJob job) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.job = job;
    }

    /**
     * The answer to an upload.
     *
     * @param id        the queued import, null when the file was refused
     * @param fileError why the whole file was refused (missing columns, too many rows, not UTF-8, unreadable, too
     *                  large), null when it was queued
     */
    public record Upload(Long id, String fileError) {
    }

    /**
     * An import and its progress.
     *
     * @param id         id
     * @param fileName   the uploaded file's name
     * @param status     {@code QUEUED}, {@code RUNNING}, {@code DONE} or {@code FAILED}
     * @param rowsTotal  data rows in the file
     * @param rowsDone   rows handled so far (stored or refused)
     * @param imported   rows stored
     * @param refused    rows refused
     * @param fileError  why the import stopped (FAILED), else null
     * @param createdBy  the staff user who uploaded it
     * @param createdAt  upload instant
     * @param finishedAt when it ended, null while it runs
     */
    public record Status(long id, String fileName, String status, int rowsTotal, int rowsDone, int imported,
            int refused, String fileError, String createdBy, Instant createdAt, Instant finishedAt) {

        /** @return whether the job has still rows to handle (QUEUED or RUNNING) */
        public boolean pending() {
            return "QUEUED".equals(status) || "RUNNING".equals(status);
        }

        /** @return the upload instant in Buenos Aires time, for the pages */
        public LocalDateTime createdLocal() {
            return LocalDateTime.ofInstant(createdAt, ZoneId.of("America/Argentina/Buenos_Aires"));
        }
    }

    /**
     * @param line     line number (header = line 1)
     * @param email    the row's e-mail as written
     * @param problems {@code field: code} entries
     */
    public record Rejected(long line, String email, List<String> problems) {
    }

    /**
     * Checks the whole file and queues it; nothing is imported yet: once the transaction commits, the job is woken up
     * ({@link ContactImportJob#wake}; within its interval when scheduling is off or the node's scheduler is busy).
     *
     * @param content  the file as uploaded (UTF-8, a byte-order mark allowed)
     * @param fileName its name, for the pages and the log
     * @param user     the staff user uploading it
     * @return the queued import's id, or why the file was refused
     */
    @Transactional
    public Upload submit(byte[] content, String fileName, String user) {
        if (content.length > MAX_BYTES) {
            return new Upload(null, "larger than " + MAX_BYTES / (1024 * 1024) + " MB: split the file");
        }
        int[] rows = {0};
        String fileError = CsvFiles.read(new ByteArrayInputStream(content), COLUMNS, MAX_ROWS, (line, row) -> rows[0]++);
        if (fileError != null) {
            return new Upload(null, fileError);
        }
        // PostgreSQL's text cannot hold NUL; U+0001 is refused by the same checks wherever NUL would be (a control
        // character in a text field; not an e-mail, axis, topic, type or date), so every row's outcome is unchanged.
        String text = new String(content, StandardCharsets.UTF_8).replace('\0', '\u0001');
        String name = fileName == null ? "" : fileName.length() > 300 ? fileName.substring(0, 300) : fileName;
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into contact_import (file_name, content, status, rows_total, "
                    + "created_by, created_at) values (?, ?, 'QUEUED', ?, ?, ?)", new String[] {"id"});
            ps.setString(1, name);
            ps.setString(2, text);
            ps.setInt(3, rows[0]);
            ps.setString(4, user);
            ps.setTimestamp(5, Timestamp.from(clock.instant()));
            return ps;
        }, key);
        long id = key.getKey().longValue();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                job.wake(); // the job starts now rather than at its next interval
            }
        });
        log.info("Contact import {} queued: {} ({} rows, {} bytes) by {}", id, name, rows[0], content.length, user);
        return new Upload(id, null);
    }

    /**
     * @param id import id
     * @return the import, if it exists
     */
    @Transactional(readOnly = true)
    public Optional<Status> status(long id) {
        return jdbc.query("select " + STATUS_COLUMNS + " from contact_import where id = ?", ContactCsvImport::status,
                id).stream().findFirst();
    }

    /** @return the 20 latest imports, newest first */
    @Transactional(readOnly = true)
    public List<Status> recent() {
        return jdbc.query("select " + STATUS_COLUMNS + " from contact_import order by id desc fetch first 20 rows only",
                ContactCsvImport::status);
    }

    /**
     * @param id    import id
     * @param limit how many at most
     * @return the import's refused rows, by line
     */
    @Transactional(readOnly = true)
    public List<Rejected> refusals(long id, int limit) {
        return jdbc.query("select line, email, problems from contact_import_refusal where import_id = ? order by line "
                + "fetch first " + Math.max(0, limit) + " rows only", (rs, n) -> rejected(rs), id);
    }

    /**
     * Writes every refused row of an import as CSV ({@code line,email,problems}, UTF-8), by line.
     *
     * @param id  import id
     * @param out where to write
     */
    @Transactional(readOnly = true)
    public void writeRefusals(long id, Writer out) {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("line", "email", "problems")
                .get())) {
            jdbc.query("select line, email, problems from contact_import_refusal where import_id = ? order by line",
                    rs -> {
                        Rejected r = rejected(rs);
                        try {
                            csv.printRecord(r.line(), r.email(), String.join("; ", r.problems()));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Rejected rejected(ResultSet rs) throws SQLException {
        return new Rejected(rs.getLong("line"), rs.getString("email"),
                Arrays.asList(rs.getString("problems").split("; ")));
    }

    private static Status status(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Status(rs.getLong("id"), rs.getString("file_name"), rs.getString("status"), rs.getInt("rows_total"),
                rs.getInt("rows_done"), rs.getInt("imported"), rs.getInt("refused"), rs.getString("file_error"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
