package org.cocrea.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.cocrea.support.PublicHttp;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 12, benchmark 3: a contact import of {@code BENCH_ROWS} (100,000) rows, Cocrea end to end against PostgreSQL's
 * {@code COPY} of the same file. Cocrea ({@link CocreaInJvm}, production settings, scheduled jobs on) runs on a
 * scratch database {@code BENCH_IMPORT_DB} ({@code cocrea_bench_import}, dropped and created); {@code equipo} logs in
 * on the form, uploads the CSV to {@code POST /staff/contacts/import} (multipart, as the page does) and the benchmark
 * waits (polling the import's row) until the background job has marked it DONE. Baseline: {@code COPY ... FROM STDIN
 * (FORMAT csv, HEADER)} of the same bytes (pgjdbc {@code CopyManager}) into a scratch table with the file's columns
 * (consent_at as timestamptz), in the same database, before and after Cocrea; the ratio uses their mean. The file:
 * one row in 100 has an invalid e-mail (refused by Cocrea, copied by COPY), a third of the rows name one of 500
 * organisations, half give consent. Printed: seconds of each phase, Cocrea's SQL statements per row, and the ratio
 * (goal ≤ 10); then the same file is uploaded again (every address known: updates) and timed, outside the ratio. Not
 * a test; see {@code bench/README.md}.
 */
public final class ContactImportBench {

    private static final String HEADER = "email,name,organization,organization_type,axes,topics,language,consent_at,"
            + "consent_scope";
    private static final String[] TYPES = {"osc-tematica", "osc-territorial", "academia", "sector-privado"};

    private ContactImportBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Bench.env("BENCH_ROWS", 100_000);
        String database = Bench.env("BENCH_IMPORT_DB", "cocrea_bench_import");
        Bench.quietLogs();
        Bench.header("Contact import of " + rows + " rows: Cocrea (HTTP upload + background job) vs PostgreSQL COPY");
        byte[] csv = csv(rows);
        Bench.out("file: %d rows, %.1f MB", rows, csv.length / 1e6);
        Bench.freshDatabase(database);
        try (CocreaInJvm app = CocreaInJvm.start(database)) {
            app.createUsers();
            DataSource dataSource = app.bean(DataSource.class);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("create table bench_contact_copy (email varchar(254), name varchar(150), organization "
                    + "varchar(200), organization_type varchar(30), axes varchar(500), topics varchar(500), language "
                    + "varchar(5), consent_at timestamp with time zone, consent_scope varchar(500))");
            copy(dataSource, csv); // warm-up
            double copy1 = copy(dataSource, csv);
            Bench.out("COPY, run 1                              %8.2f s", copy1);

            PublicHttp http = new PublicHttp(app.port());
            http.login("equipo", CocreaInJvm.PASSWORD);
            http.get("/staff/contacts/import");
            long statements = Bench.STATEMENTS.sum();
            long start = System.nanoTime();
            HttpResponse<String> response = http.post("/staff/contacts/import",
                    "multipart/form-data; boundary=benchBoundary", multipart(csv),
                    Map.of("X-CSRF-TOKEN", http.csrf()));
            double upload = Bench.seconds(start);
            if (response.statusCode() != 303) {
                throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
            }
            String page = response.headers().firstValue("Location").orElseThrow();
            long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
            Bench.out("Cocrea upload (303 to the progress page)  %8.2f s", upload);
            Bench.await("import " + id + " started", Duration.ofMinutes(5), () -> !"QUEUED".equals(
                    jdbc.queryForObject("select status from contact_import where id = ?", String.class, id)));
            Bench.out("  picked up by the job after              %8.2f s", Bench.seconds(start));
            Bench.await("import " + id + " done", Duration.ofMinutes(90), () -> !"RUNNING".equals(
                    jdbc.queryForObject("select status from contact_import where id = ?", String.class, id)));
            double cocrea = Bench.seconds(start);
            long used = Bench.STATEMENTS.sum() - statements;
            Map<String, Object> result = jdbc.queryForMap("select status, imported, refused, rows_done from "
                    + "contact_import where id = ?", id);
            Bench.out("Cocrea import, upload to DONE             %8.2f s   %s: %s imported, %s refused of %s; "
                    + "%.1f SQL statements per row", cocrea, result.get("status"), result.get("imported"),
                    result.get("refused"), result.get("rows_done"), (double) used / rows);
            Bench.out("  contacts in the directory: %d", jdbc.queryForObject("select count(*) from contact",
                    Long.class));
            // the same file again: every address known now (updates, not inserts); not in the ratio
            statements = Bench.STATEMENTS.sum();
            start = System.nanoTime();
            response = http.post("/staff/contacts/import", "multipart/form-data; boundary=benchBoundary",
                    multipart(csv), Map.of("X-CSRF-TOKEN", http.csrf()));
            String again = response.headers().firstValue("Location").orElseThrow();
            long id2 = Long.parseLong(again.substring(again.lastIndexOf('/') + 1));
            Bench.await("import " + id2 + " done", Duration.ofMinutes(90), () -> !Set.of("QUEUED", "RUNNING").contains(
                    jdbc.queryForObject("select status from contact_import where id = ?", String.class, id2)));
            Bench.out("Cocrea re-import of the same file          %8.2f s   %s, %.1f SQL statements per row (not in the "
                    + "ratio)", Bench.seconds(start), jdbc.queryForObject("select status from contact_import where id = ?",
                    String.class, id2), (double) (Bench.STATEMENTS.sum() - statements) / rows);
            double copy2 = copy(dataSource, csv);
            Bench.out("COPY, run 2                              %8.2f s", copy2);
            double baseline = (copy1 + copy2) / 2;
            Bench.out("ratio Cocrea / COPY (mean of both)       %8.1f   (goal <= 10)", cocrea / baseline);
            http.get(page);
        }
        Bench.out("load average at the end %.2f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double copy(DataSource dataSource, byte[] csv) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("truncate bench_contact_copy");
            }
            long start = System.nanoTime();
            long copied = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_contact_copy from stdin "
                    + "(format csv, header true)", new ByteArrayInputStream(csv));
            c.commit();
            double seconds = Bench.seconds(start);
            if (copied != csv.length && copied <= 0) {
                throw new IllegalStateException("COPY copied " + copied);
            }
            return seconds;
        }
    }

    /** The file: {@code rows} people, one in 100 with an invalid e-mail. */
    static byte[] csv(int rows) {
        StringBuilder out = new StringBuilder(rows * 140).append(HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            out.append(i % 100 == 99 ? "persona" + i + "-at-bench" : "persona" + i + "@bench.example.org")
                    .append(",Persona ").append(i).append(',');
            if (i % 3 == 0) {
                out.append("Organización ").append(i % 500).append(',').append(TYPES[i % TYPES.length]);
            } else {
                out.append(',');
            }
            out.append(i % 2 == 0 ? ",ambiente;datos-abiertos," : ",ninez,").append(i % 4 == 0 ? "reutilizacion-datos" : "")
                    .append(i % 5 == 0 ? ",en," : ",es,");
            out.append(i % 2 == 0 ? "2026-01-10T10:00:00-03:00,Convocatorias de gobierno abierto" : ",").append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] multipart(byte[] csv) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(csv.length + 300);
        body.writeBytes(("--benchBoundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"contactos.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv);
        body.writeBytes("\r\n--benchBoundary--\r\n".getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }
}
