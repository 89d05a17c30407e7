package org.cocrea.participant;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

import org.apache.commons.csv.CSVRecord;
import org.cocrea.kernel.CsvFiles;
import org.cocrea.kernel.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The background job of the contact import ({@link ContactCsvImport}). Every {@code cocrea.directory.import-interval}
 * (PT2S) it claims an import that is QUEUED, or RUNNING with an expired lease (its node stopped: kill -9, crash), with a
 * conditional update (two nodes never take the same one), and stores its rows from {@code next_line} on in chunks of
 * {@link #CHUNK} rows: each chunk's contacts, its refused rows and the import's new {@code next_line}, counters and
 * lease ({@code cocrea.directory.import-lease}, PT2M) commit in one transaction, and that commit only happens while
 * {@code next_line} is still the one the chunk started from. So an import stopped at any moment resumes at its last
 * committed chunk: no row is lost and none is counted twice. A row the directory refuses (invalid field, bad date,
 * wrong number of columns) is recorded with its line; if a database error breaks a chunk's transaction, that chunk is
 * done again row by row, each row in its own transaction, and only the row that fails again is refused
 * ({@code row: processingFailed}).
 *
 * <p>The rows are checked with {@link ContactRegistry#validate} and stored by {@link ContactRegistry#registerAll}
 * (or {@link ContactRegistry#register}) directly, inside the chunk's transaction: a refusal thrown through the
 * transactional facade {@link Contacts#register} would mark the whole chunk rollback-only. Organisations are looked up
 * once per name and run (the names of committed chunks are kept), and on PostgreSQL a chunk's contacts, new or known,
 * are stored in at most seven statements, three of them for organisations not met before in the run (see
 * {@link #handleChunk}).
 */
@Component
class ContactImportJob {

    /** Rows per transaction. */
    static final int CHUNK = 5000;
    private static final Logger log = LoggerFactory.getLogger(ContactImportJob.class);
    private static final String CLAIMABLE = "(status = 'QUEUED' or (status = 'RUNNING' and lease_until < ?))";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ContactRegistry registry;
    private final OrganizationRepository organizationRows;
    private final Clock clock;
    private final Duration lease;
    /** Called after each chunk commits, with the import id; tests stop a run here as a crash would. */
    volatile LongConsumer afterChunk = id -> { };

    private final ObjectProvider<TaskScheduler> scheduler;

    ContactImportJob(JdbcTemplate jdbc, TransactionTemplate tx, ContactRegistry registry,
            OrganizationRepository organizationRows, Clock clock,
            @Value("${cocrea.directory.import-lease:PT2M}") Duration lease, ObjectProvider<TaskScheduler> scheduler) {
        this.scheduler = scheduler;
        this.organizationRows = organizationRows;
        this.jdbc = jdbc;
        this.tx = tx;
        this.registry = registry;
        this.clock = clock;
        this.lease = lease;
    }

    @Scheduled(initialDelayString = "${cocrea.directory.import-interval:PT2S}",
            fixedDelayString = "${cocrea.directory.import-interval:PT2S}")
    void scheduledRun() {
        try {
            while (runOnce()) {
                // next import
            }
        } catch (RuntimeException e) {
            log.error("Contact import stopped; it resumes at its last chunk once its lease expires", e);
        }
    }

    /**
     * Runs the job now on the scheduler's thread (Spring's {@link TaskScheduler}, present when scheduling is on), so a
     * queued import does not wait for the next interval; a run already busy simply takes it in its loop, and two runs
     * never take the same import (the claim is a conditional update). Without a scheduler (tests: scheduling off) it
     * does nothing; a scheduler that refuses the task (shutting down) is only logged: the import is committed and the
     * next interval, here or on another node, takes it.
     */
    void wake() {
        TaskScheduler tasks = scheduler.getIfUnique();
        if (tasks != null) {
            try {
                tasks.schedule(this::scheduledRun, clock.instant());
            } catch (RuntimeException e) {
                log.warn("Contact import job not woken up ({}); it runs at its next interval", e.toString());
            }
        }
    }

    /**
     * Claims one import and stores the rest of its rows.
     *
     * @return false when no import was waiting
     */
    boolean runOnce() {
        for (int attempt = 0; attempt < 5; attempt++) {
            Timestamp now = Timestamp.from(clock.instant());
            List<Long> ids = jdbc.queryForList("select id from contact_import where " + CLAIMABLE
                    + " order by id fetch first 1 rows only", Long.class, now);
            if (ids.isEmpty()) {
                return false;
            }
            long id = ids.get(0);
            if (jdbc.update("update contact_import set status = 'RUNNING', lease_until = ? where id = ? and "
                    + CLAIMABLE, leaseEnd(), id, now) == 1) {
                process(id);
                return true;
            }
        }
        return true;
    }

    private Timestamp leaseEnd() {
        return Timestamp.from(clock.instant().plus(lease));
    }

    /** Thrown out of the CSV reader's callback, which would swallow some runtime exceptions. */
    private static final class Stop extends RuntimeException {
        Stop(RuntimeException cause) {
            super(cause);
        }
    }

    /** This node no longer holds the import (another one took it over): its chunk is rolled back. */
    static final class LostImport extends RuntimeException {
        LostImport(long id) {
            super("contact import " + id + " was taken over by another run");
        }
    }

    private record Pending(long line, CSVRecord row) {
    }

    private void process(long id) {
        // getString, not getObject: H2 answers a text column with a Clob
        Object[] row = jdbc.queryForObject("select content, next_line, file_name from contact_import where id = ?",
                (rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3)}, id);
        long[] nextLine = {(Long) row[1]};
        byte[] content = ((String) row[0]).getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        List<Pending> chunk = new ArrayList<>(CHUNK);
        // organisation name (exact) -> id, of the chunks committed by this run; organisations are never deleted
        Map<String, Long> known = new HashMap<>();
        String fileError;
        try {
            fileError = CsvFiles.read(new ByteArrayInputStream(content), ContactCsvImport.COLUMNS,
                    ContactCsvImport.MAX_ROWS, (line, record) -> {
                        if (line < nextLine[0]) {
                            return; // committed by an earlier run
                        }
                        chunk.add(new Pending(line, record));
                        if (chunk.size() == CHUNK) {
                            try {
                                nextLine[0] = store(id, chunk, nextLine[0], known);
                            } catch (RuntimeException e) {
                                throw new Stop(e);
                            }
                            chunk.clear();
                        }
                    });
        } catch (Stop e) {
            throw (RuntimeException) e.getCause();
        }
        if (!chunk.isEmpty()) {
            nextLine[0] = store(id, chunk, nextLine[0], known);
        }
        long expected = nextLine[0];
        String error = fileError == null ? null : fileError.length() > 1000 ? fileError.substring(0, 1000) : fileError;
        if (jdbc.update("update contact_import set status = ?, file_error = ?, finished_at = ?, lease_until = null, "
                + "content = '' where id = ? and status = 'RUNNING' and next_line = ?", error == null ? "DONE" : "FAILED",
                error, Timestamp.from(clock.instant()), id, expected) != 1) {
            throw new LostImport(id);
        }
        log.info("Contact import {} ({}) {} in {} ms{}", id, row[2], error == null ? "done" : "failed",
                (System.nanoTime() - started) / 1_000_000, error == null ? "" : ": " + error);
    }

    /** Stores a chunk in one transaction, or row by row if the database breaks it; returns the new next_line. */
    private long store(long id, List<Pending> chunk, long expected, Map<String, Long> known) {
        long after = chunk.get(chunk.size() - 1).line() + 1;
        try {
            Map<String, Long> seen = tx.execute(s -> {
                List<ContactCsvImport.Rejected> refused = new ArrayList<>();
                Map<String, Long> organizations = handleChunk(chunk, refused, known);
                advance(id, expected, after, chunk.size(), refused);
                return organizations;
            });
            known.putAll(seen); // committed now
        } catch (DataAccessException | TransactionException e) {
            log.warn("Contact import {}: lines {}-{} redone one by one after a database error: {}", id,
                    chunk.get(0).line(), after - 1, e.getMessage());
            long next = expected;
            for (Pending p : chunk) {
                next = storeAlone(id, p, next);
            }
        }
        afterChunk.accept(id);
        return after;
    }

    private long storeAlone(long id, Pending p, long expected) {
        long after = p.line() + 1;
        try {
            tx.executeWithoutResult(s -> {
                List<ContactCsvImport.Rejected> refused = new ArrayList<>();
                handle(p, null, refused);
                advance(id, expected, after, 1, refused);
            });
        } catch (DataAccessException | TransactionException e) {
            log.warn("Contact import {}: line {} could not be stored: {}", id, p.line(), e.getMessage());
            tx.executeWithoutResult(s -> advance(id, expected, after, 1, List.of(new ContactCsvImport.Rejected(
                    p.line(), email(p.row()), List.of("row: processingFailed")))));
        }
        return after;
    }

    /**
     * A chunk's rows: the refused ones noted, the valid ones stored in a fixed number of statements whether their
     * addresses are new or known ({@link ContactRegistry#registerAll}); off PostgreSQL (the H2 demo), or for an address
     * that statement could not store, row by row in file order as {@link Contacts#register} would. The outcome is the
     * one of storing the rows one after the other.
     */
    private Map<String, Long> handleChunk(List<Pending> chunk, List<ContactCsvImport.Rejected> refused,
            Map<String, Long> knownIds) {
        Map<String, Organization> organizations = new HashMap<>();
        List<ContactInput> valid = new ArrayList<>();
        for (Pending p : chunk) {
            ContactInput input = checked(p, refused);
            if (input != null) {
                String name = input.organization() == null ? "" : input.organization().strip();
                Long known = knownIds.get(name);
                if (known != null && !organizations.containsKey(name)) {
                    // of an earlier chunk: a reference, no query (it is committed, and organisations are never deleted)
                    organizations.put(name, organizationRows.getReferenceById(known));
                }
                valid.add(input);
            }
        }
        Set<String> stored = registry.registerAll(valid, "csv", organizations);
        for (ContactInput input : valid) {
            if (!stored.contains(input.email().strip().toLowerCase(Locale.ROOT))) {
                registry.register(input, "csv", organizations);
            }
        }
        Map<String, Long> ids = new HashMap<>();
        organizations.forEach((name, organization) -> ids.put(name, organization.getId()));
        return ids;
    }

    private void handle(Pending p, Map<String, Organization> organizations, List<ContactCsvImport.Rejected> refused) {
        ContactInput input = checked(p, refused);
        if (input != null) {
            registry.register(input, "csv", organizations);
        }
    }

    /** The row as input, or null after noting why it is refused. */
    private ContactInput checked(Pending p, List<ContactCsvImport.Rejected> refused) {
        CSVRecord row = p.row();
        if (!row.isConsistent()) {
            refused.add(new ContactCsvImport.Rejected(p.line(), email(row), List.of("row: columns")));
            return null;
        }
        ContactInput input;
        try {
            input = toInput(row);
        } catch (DateTimeException e) {
            refused.add(new ContactCsvImport.Rejected(p.line(), email(row), List.of("consent_at: dateTime")));
            return null;
        }
        List<FieldProblem> problems = registry.validate(input);
        if (!problems.isEmpty()) {
            refused.add(new ContactCsvImport.Rejected(p.line(), email(row), ContactProblems.shown(problems)));
            return null;
        }
        return input;
    }

    /** Records a step's refusals and moves the import on, if this run still holds it (else {@link LostImport}). */
    private void advance(long id, long expected, long after, int rows, List<ContactCsvImport.Rejected> refused) {
        if (!refused.isEmpty()) {
            jdbc.batchUpdate("insert into contact_import_refusal (import_id, line, email, problems) values (?, ?, ?, ?)",
                    refused.stream().map(r -> new Object[] {id, r.line(), cut(r.email(), 1000),
                            cut(String.join("; ", r.problems()), 2000)}).toList());
        }
        if (jdbc.update("update contact_import set next_line = ?, rows_done = rows_done + ?, imported = imported + ?, "
                + "refused = refused + ?, lease_until = ? where id = ? and status = 'RUNNING' and next_line = ?", after,
                rows, rows - refused.size(), refused.size(), leaseEnd(), id, expected) != 1) {
            throw new LostImport(id);
        }
    }

    private static String email(CSVRecord row) {
        return row.isSet("email") ? row.get("email") : "";
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
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
