package org.cocrea.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;


import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Benchmark 2 of issue 12: the open call ({@code call-for-participation}) to {@code BENCH_CONTACTS} (100,000)
 * subscribed contacts, into a real SMTP server the benchmark starts ({@link SmtpSink}, 127.0.0.1:{@code BENCH_SMTP_PORT},
 * 3099), against a raw JavaMail loop sending the same messages over one connection.
 *
 * <p>Cocrea runs in a child JVM ({@link OpenCallNode}, {@code -Xmx512m}, so the heap goal is enforced, and its peak
 * heap use is printed) that the benchmark can kill. Steps:
 * <ol>
 * <li><b>Kill and restart:</b> a first call goes out; when half its mails have reached the SMTP server the node is
 * killed ({@code kill -9}: {@link Process#destroyForcibly()}), a new node is started on the same database and the call
 * is finished. At the SMTP server: losses (contacts without the mail), duplicates (a contact with two different
 * Message-IDs, a real second mail) and redeliveries (the same Message-ID twice: the one message in flight at the kill,
 * which a receiver drops). The claim lease is {@code BENCH_CLAIM_LEASE} (PT20S) instead of five minutes, so the rows
 * the dead node held come back quickly.</li>
 * <li><b>Baseline before:</b> the first call's messages (recipient, subject, HTML body, Message-ID, as stored in the
 * outbox) are read into memory, then timed: one {@link Transport} connection, one {@code sendMessage} each.</li>
 * <li><b>Cocrea:</b> a second call on the running node, timed from the start of the instance to the last mail at the
 * SMTP server: recipient selection, the batches written to the outbox by the job executor and the delivery.</li>
 * <li><b>Baseline after</b>, with the second call's messages.</li>
 * </ol>
 * Prints the times, the throughputs, the ratio Cocrea / raw (goal ≥ 0.5), the peak heap (goal ≤ 512 MB) and the
 * losses and duplicates (goal 0 and 0).
 *
 * <p>{@code BENCH_NODE_OPTS}: further JVM options of the nodes (e.g. a Flight Recorder profile).
 *
 * <p>Run: {@code ./mvnw -q -Pbench test-compile exec:java -Dbench=org.cocrea.bench.OpenCallBench}. Database
 * {@code BENCH_DB} ({@code cocrea_bench_e}) + {@code _mail}, dropped and created.
 */
public final class OpenCallBench {

    private static final Duration DEADLINE = Duration.ofMinutes(60);

    private OpenCallBench() {
    }

    /** @param args ignored */
    public static void main(String[] args) throws Exception {
        int contacts = Bench.env("BENCH_CONTACTS", 100_000);
        int port = Bench.env("BENCH_SMTP_PORT", 3099);
        String lease = Bench.env("BENCH_CLAIM_LEASE", "PT20S");
        String database = Bench.env("BENCH_DB", "cocrea_bench_e") + "_mail";
        Bench.header("Open call to " + contacts + " contacts into an SMTP sink (SubEthaSMTP) on 127.0.0.1:" + port
                + ", against a raw JavaMail loop over one connection");
        Bench.quietLogs();
        Bench.freshDatabase(database);
        SmtpSink smtp = SmtpSink.start(port);
        AtomicLong peakHeap = new AtomicLong();
        Node node = Node.start(database, port, lease, peakHeap);
        try (Connection db = DriverManager.getConnection(Bench.url(database), Bench.dbUser(), Bench.dbPassword())) {
            seed(db, contacts);

            // 1. Kill halfway and restart.
            long first = node.startCall(db, "Convocatoria A");
            Bench.await("half of call A at the SMTP server", DEADLINE, () -> smtp.count() >= contacts / 2);
            node.kill();
            int atKill = smtp.count();
            Bench.out("killed the node (kill -9) with %d of %d mails at the SMTP server", atKill, contacts);
            System.out.flush();
            node = Node.start(database, port, lease, peakHeap);
            awaitSent(db, first, contacts);
            Deliveries a = Deliveries.of(smtp.received(), "Convocatoria A", "Call A");
            Bench.out("after the restart: %d contacts reached, %d lost, %d duplicates (another Message-ID), "
                    + "%d redeliveries (same Message-ID)", a.reached, contacts - a.reached, a.duplicates,
                    a.redeliveries);

            // 2. Baseline before.
            List<StoredMail> before = stored(db, first);
            smtp.clear();
            double rawBefore = raw(before, port);
            Bench.out("raw JavaMail, before: %d mails in %.1f s (%.0f/s)", before.size(), rawBefore,
                    before.size() / rawBefore);
            before = null;
            smtp.clear();

            // 3. Cocrea, a second call.
            long start = System.nanoTime();
            long second = node.startCall(db, "Convocatoria B");
            awaitQueued(db, second);
            double queued = Bench.seconds(start);
            // Timed to the last mail accepted by the SMTP server, as the raw loop is, and counted at the sink: the
            // count of SENT rows over the whole outbox (100,000 rows of call A beside call B's) took 350 ms of
            // PostgreSQL per poll, CPU taken from the node measured. Every row SENT is then checked, untimed.
            Bench.await("every mail of call B at the SMTP server", DEADLINE, () -> smtp.count() >= contacts);
            double cocrea = Bench.seconds(start);
            awaitSent(db, second, contacts);
            Deliveries b = Deliveries.of(smtp.received(), "Convocatoria B", "Call B");
            Bench.out("Cocrea: %d mails in %.1f s (%.0f/s); all written to the outbox after %.1f s", b.reached, cocrea,
                    contacts / cocrea, queued);

            // 4. Baseline after.
            List<StoredMail> after = stored(db, second);
            smtp.clear();
            double rawAfter = raw(after, port);
            Bench.out("raw JavaMail, after: %d mails in %.1f s (%.0f/s)", after.size(), rawAfter,
                    after.size() / rawAfter);

            double rawMean = (rawBefore + rawAfter) / 2;
            Bench.out("");
            Bench.out("throughput ratio Cocrea / raw JavaMail: %.2f (goal >= 0.5)", rawMean / cocrea);
            Bench.out("peak heap of the Cocrea nodes: %d MB (-Xmx512m; goal <= 512 MB)", peakHeap.get() >> 20);
            Bench.out("after kill -9 and restart: %d lost, %d duplicates (goal 0 and 0); %d redeliveries with the same "
                    + "Message-ID", contacts - a.reached, a.duplicates, a.redeliveries);
            Bench.out("call B: %d lost, %d duplicates", contacts - b.reached, b.duplicates);
        } finally {
            node.stop();
            smtp.close();
        }
    }

    /** Subscribed contacts with consent, half of them English-speaking, as an import would leave them. */
    private static void seed(Connection db, int contacts) throws SQLException {
        long start = System.nanoTime();
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement("insert into contact (email, name, language, consent_at, "
                + "consent_scope, source, subscribed, token, created_at) values (?, ?, ?, ?, ?, 'IMPORT', true, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 1; i <= contacts; i++) {
                insert.setString(1, "contacto" + i + "@bench.cocrea.local");
                insert.setString(2, "Contacto " + i);
                insert.setString(3, i % 2 == 0 ? "en" : "es");
                insert.setTimestamp(4, now);
                insert.setString(5, "convocatorias");
                insert.setString(6, UUID.randomUUID().toString().replace("-", ""));
                insert.setTimestamp(7, now);
                insert.addBatch();
                if (i % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
        Bench.out("seeded %d contacts in %.1f s", contacts, Bench.seconds(start));
    }

    private static void awaitQueued(Connection db, long processStart) {
        awaitEverySecond("the call's recipients written to the outbox", () -> {
            Long mailing = mailingOf(db, processStart);
            return mailing != null && count(db, "select count(*) from mailing_recipient where mailing_id = " + mailing
                    + " and status = 'PENDING'") == 0;
        });
    }

    private static void awaitSent(Connection db, long processStart, int contacts) {
        awaitEverySecond("every mail of the call SENT", () -> sent(db, processStart) >= contacts);
    }

    /** @return how many mails of the call started after {@code processStart} are SENT */
    private static long sent(Connection db, long processStart) {
        Long mailing = mailingOf(db, processStart);
        return mailing == null ? 0 : count(db, "select count(*) from mail_outbox where reference = 'mailing-"
                + mailing + "' and status = 'SENT'");
    }

    /**
     * Like {@link Bench#await} but polling once a second: the conditions count rows over the whole outbox , which at 50 ms would take a core from the node measured. The
     * times are therefore rounded up to the next second.
     */
    private static void awaitEverySecond(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("not within " + DEADLINE + ": " + what);
            }
            try {
                Thread.sleep(1000); // polling interval, not synchronisation: the condition decides
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** @return the mailing created after the given mailing id (the call started then), or null if not yet */
    private static Long mailingOf(Connection db, long previousMailing) {
        long id = count(db, "select coalesce(min(id), 0) from mailing where id > " + previousMailing);
        return id == 0 ? null : id;
    }

    private static long count(Connection db, String sql) {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** One message as the outbox stored it. */
    private record StoredMail(String recipient, String subject, String body, String messageId) {
    }

    private static List<StoredMail> stored(Connection db, long previousMailing) throws SQLException {
        List<StoredMail> out = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("select recipient, subject, body_html, message_id from "
                + "mail_outbox where reference = ? order by id")) {
            s.setString(1, "mailing-" + mailingOf(db, previousMailing));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredMail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return out;
    }

    /** @return seconds to send every message over one SMTP connection */
    private static double raw(List<StoredMail> mails, int port) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(port));
        Session session = Session.getInstance(props);
        long start = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (StoredMail m : mails) {
                MimeMessage mime = new MimeMessage(session);
                mime.setFrom(new InternetAddress("no-reply@cocrea.local"));
                mime.setRecipient(Message.RecipientType.TO, new InternetAddress(m.recipient()));
                mime.setSubject(m.subject(), StandardCharsets.UTF_8.name());
                mime.setText(m.body(), StandardCharsets.UTF_8.name(), "html");
                mime.saveChanges();
                mime.setHeader("Message-ID", m.messageId());
                transport.sendMessage(mime, mime.getAllRecipients());
            }
        }
        return Bench.seconds(start);
    }

    /** What reached the SMTP server for one call: contacts reached, real duplicates, redeliveries. */
    private record Deliveries(int reached, int duplicates, int redeliveries) {

        static Deliveries of(List<SmtpSink.Received> received, String subjectEs, String subjectEn) {
            Map<String, Set<String>> idsByRecipient = new HashMap<>();
            int copies = 0;
            for (SmtpSink.Received m : received) {
                String subject = m.subject();
                if (subject == null || !(subject.contains(subjectEs) || subject.contains(subjectEn))) {
                    continue;
                }
                copies++;
                idsByRecipient.computeIfAbsent(m.recipient(), r -> new HashSet<>()).add(m.messageId());
            }
            int ids = idsByRecipient.values().stream().mapToInt(Set::size).sum();
            return new Deliveries(idsByRecipient.size(), ids - idsByRecipient.size(), copies - ids);
        }
    }

    /** A Cocrea node in a child JVM. */
    private static final class Node {

        private final Process process;
        private final PrintWriter commands;
        private final BufferedReader output;

        private Node(Process process) {
            this.process = process;
            this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        static Node start(String database, int port, String lease, AtomicLong peakHeap) throws Exception {
            List<String> command = new ArrayList<>(List.of(new File(System.getProperty("java.home"), "bin/java")
                    .getPath(), "-Xmx512m"));
            String options = Bench.env("BENCH_NODE_OPTS", "");
            if (!options.isBlank()) {
                command.addAll(List.of(options.strip().split("\\s+")));
            }
            command.addAll(List.of("-cp", classpath(), OpenCallNode.class.getName(), database, String.valueOf(port),
                    lease));
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Node node = new Node(process);
            long start = System.nanoTime();
            node.awaitLine("READY");
            Bench.out("node started in %.1f s", Bench.seconds(start));
            Thread reader = new Thread(() -> node.readHeap(peakHeap), "node-output");
            reader.setDaemon(true);
            reader.start();
            return node;
        }

        private final Object started = new Object();
        private int startedCalls;

        private void awaitLine(String expected) throws Exception {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.equals(expected)) {
                    return;
                }
            }
            throw new IllegalStateException("the node stopped before printing " + expected);
        }

        private void readHeap(AtomicLong peakHeap) {
            try {
                String line;
                while ((line = output.readLine()) != null) {
                    if (line.startsWith("HEAP ")) {
                        long used = Long.parseLong(line.substring(5));
                        peakHeap.accumulateAndGet(used, Math::max);
                    } else if (line.equals("STARTED")) {
                        synchronized (started) {
                            startedCalls++;
                            started.notifyAll();
                        }
                    }
                }
            } catch (Exception e) {
                // the node was killed
            }
        }

        /** @return the id of the newest mailing before this call (the call's own is the next one) */
        long startCall(Connection db, String subject) throws Exception {
            long previous = count(db, "select coalesce(max(id), 0) from mailing");
            int before;
            synchronized (started) {
                before = startedCalls;
            }
            commands.println("start " + subject);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            synchronized (started) {
                while (startedCalls == before) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !process.isAlive()) {
                        throw new IllegalStateException("the node did not start the call");
                    }
                    started.wait(Math.max(1, left / 1_000_000));
                }
            }
            return previous;
        }

        /** Stops the node in order, or kills it when it does not stop within a minute. */
        void stop() throws InterruptedException {
            commands.println("stop");
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                kill();
            }
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        private static String classpath() {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader instanceof URLClassLoader urls) {
                return Stream.of(urls.getURLs()).map(OpenCallBench::path).collect(Collectors.joining(File.pathSeparator));
            }
            return System.getProperty("java.class.path");
        }
    }

    private static String path(URL url) {
        try {
            return new File(url.toURI()).getPath();
        } catch (Exception e) {
            throw new IllegalStateException(url.toString(), e);
        }
    }
}
