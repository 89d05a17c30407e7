package org.cocrea.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * {@code ops/backup/backup.sh} and {@code restore.sh} against the test PostgreSQL (pg_dump, pg_restore, tar on the
 * machine): backs up the test database (application and Camunda tables, with a proposal and an outbox row in them)
 * and an evidence folder, restores both into a scratch database and folder, and compares every table's row count and
 * the files' bytes. The scratch database is {@code TEST_RESTORE_DB_URL}, by default the test database's name plus
 * {@code _restore} (create it once: {@code createdb -O cocrea cocrea_test_restore}); the test is skipped, saying so,
 * when it does not exist.
 */
@CocreaIntegrationTest
class BackupRestoreTests {

    @Autowired
    TestFixtures fixtures;
    @Value("${spring.datasource.url}")
    String url;
    @Value("${spring.datasource.username}")
    String user;
    @Value("${spring.datasource.password}")
    String password;

    @Test
    void backupRestoresIntoAScratchDatabaseWithTheSameRowsAndFiles(@TempDir Path temp) throws Exception {
        String scratchUrl = System.getenv().getOrDefault("TEST_RESTORE_DB_URL", url.replaceFirst("(\\?.*)?$", "_restore"));
        Assumptions.assumeTrue(reachable(scratchUrl), "no scratch database " + scratchUrl
                + " (createdb -O " + user + " <name>, or set TEST_RESTORE_DB_URL)");
        fixtures.reset();
        fixtures.openCall(Duration.ofDays(10));
        JdbcTemplate source = fixtures.jdbc();
        source.update("insert into mail_outbox (recipient, subject, body_html, language, kind, status, attempts, "
                + "next_attempt_at, created_at, message_id) values ('copia@test.cocrea.local', 'Asunto', '<p>x</p>', "
                + "'es', 'test', 'PENDING', 0, now(), now(), '<backup-test@cocrea>')");
        Path evidence = Files.createDirectories(temp.resolve("evidence/2021/04"));
        Files.writeString(evidence.resolve("a1b2c3.pdf"), "%PDF-1.4 informe ñ", StandardCharsets.UTF_8);

        Path backups = temp.resolve("backups");
        String folder = run(Map.of("EVIDENCE_FOLDER", temp.resolve("evidence").toString()), url,
                "ops/backup/backup.sh", backups.toString()).strip();
        assertThat(Path.of(folder).resolve("database.dump")).isNotEmptyFile();
        assertThat(Path.of(folder).resolve("SHA256SUMS")).isNotEmptyFile();

        Path restoredEvidence = temp.resolve("restored-evidence");
        run(Map.of("EVIDENCE_FOLDER", restoredEvidence.toString()), scratchUrl, "ops/backup/restore.sh", folder);

        Map<String, Long> expected = rowCounts(source);
        assertThat(expected).containsKeys("mail_outbox", "call_for_proposals", "act_ru_execution", "act_ge_bytearray",
                "cocrea_schema_history");
        assertThat(expected.get("mail_outbox")).isEqualTo(1);
        try (SingleConnectionDataSource scratch = new SingleConnectionDataSource(scratchUrl, user, password, true)) {
            assertThat(rowCounts(new JdbcTemplate(scratch))).isEqualTo(expected);
        }
        assertThat(restoredEvidence.resolve("2021/04/a1b2c3.pdf")).hasContent("%PDF-1.4 informe ñ");
    }

    private static Map<String, Long> rowCounts(JdbcTemplate jdbc) {
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = 'public' and table_type = 'BASE TABLE'", String.class);
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            counts.put(table.toLowerCase(Locale.ROOT),
                    jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
        }
        return counts;
    }

    private boolean reachable(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Runs a script with libpq's variables for {@code jdbcUrl}; @return its standard output. */
    private String run(Map<String, String> env, String jdbcUrl, String... command) throws Exception {
        URI db = URI.create(jdbcUrl.substring("jdbc:".length()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(new File("."));
        builder.environment().putAll(env);
        builder.environment().put("PGHOST", db.getHost());
        builder.environment().put("PGPORT", String.valueOf(db.getPort() < 0 ? 5432 : db.getPort()));
        builder.environment().put("PGDATABASE", db.getPath().substring(1));
        builder.environment().put("PGUSER", user);
        builder.environment().put("PGPASSWORD", password);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command[0]).isTrue();
        assertThat(process.exitValue()).as("%s exit status; output: %s", command[0], out).isZero();
        return out;
    }
}
