package org.cocrea.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.cocrea.CocreaApplication;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.MutableClock;
import org.cocrea.support.TestFixtures;
import org.cocrea.support.TestSmtp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox when a node dies (issue 9, item 2), on PostgreSQL with a real SMTP server (GreenMail). A node is
 * "killed" by {@link KillableMailSender}: right after the server accepted a message, before the sender's next line
 * runs. Each test then starts another sender, a new node with its own connection, on a clock the test moves past the
 * claim lease (one second here). Guarantee checked: every mail arrives, the row ends SENT, and only the message in
 * flight at the kill arrives twice, both copies with the same {@code Message-ID} and {@code X-Cocrea-Outbox-Id}.
 */
@CocreaIntegrationTest
class OutboxCrashTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SMTP);

    static final Duration LEASE = Duration.ofSeconds(1);

    @Autowired
    MailOutbox outbox;
    @Autowired
    OutboxRepository repository;
    @Autowired
    OutboxSender beanSender;
    @Autowired
    MailProperties mailProperties;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    TestFixtures fixtures;

    JdbcTemplate jdbc;
    MutableClock clock;

    @BeforeEach
    void emptyOutbox() {
        fixtures.reset();
        jdbc = fixtures.jdbc();
        // a minute ahead of the application's clock, so what the test writes now is due for the test's senders
        clock = new MutableClock(Instant.now().plus(Duration.ofMinutes(1)), ZoneId.of(CocreaApplication.ZONE));
    }

    @Test
    void mailAcceptedByTheServerWhenTheNodeDiedIsSentAgainWithTheSameMessageIdOnceTheLeaseRunsOut() throws Exception {
        List<Long> ids = enqueue(3);
        KillableMailSender dying = new KillableMailSender(TestSmtp.SMTP);
        dying.killAfterAccepting(1);

        assertThatThrownBy(() -> node(dying).sendDue()).isInstanceOf(KillableMailSender.Killed.class);
        long inFlight = dying.accepted().get(0);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(status(inFlight)).isEqualTo("SENDING");

        // A new node while the lease runs: the claim may still belong to a live sender, so it is left alone.
        OutboxSender restarted = node(new KillableMailSender(TestSmtp.SMTP));
        restarted.sendDue();
        assertThat(receivedPerOutboxId().get(inFlight)).isEqualTo(1);
        assertThat(status(inFlight)).isEqualTo("SENDING");

        // Lease over: the row is back in the queue (the interruption counts as an attempt) and is delivered.
        clock.advance(LEASE.plusSeconds(1));
        flush(restarted);

        assertThat(statuses(ids)).containsOnly("SENT");
        assertThat(attempts(inFlight)).isEqualTo(1);
        Map<Long, Integer> received = receivedPerOutboxId();
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        ids.forEach(id -> assertThat(received.get(id)).as("copies of row %d", id).isEqualTo(id == inFlight ? 2 : 1));
        assertOneMessageIdPerRow();
    }

    @Test
    void nodeKilledAfterKOfABatchOf25HasAlreadyRecordedThoseKAsSentAndNeverResendsThem() throws Exception {
        int k = 10;
        List<Long> ids = enqueue(25);
        KillableMailSender dying = new KillableMailSender(TestSmtp.SMTP);
        dying.killAfterAccepting(k + 1);

        assertThatThrownBy(() -> node(dying).sendDue()).isInstanceOf(KillableMailSender.Killed.class);
        List<Long> accepted = dying.accepted();
        assertThat(accepted).hasSize(k + 1);
        Set<Long> recordedBeforeTheKill = new HashSet<>(accepted.subList(0, k));
        long inFlight = accepted.get(k);

        // The k messages whose acceptance was followed by a next line of code are SENT, at once.
        assertThat(jdbc.queryForList("select id from mail_outbox where status = 'SENT' and sent_at is not null",
                Long.class)).containsExactlyInAnyOrderElementsOf(recordedBeforeTheKill);

        OutboxSender restarted = node(new KillableMailSender(TestSmtp.SMTP));
        clock.advance(LEASE.plusSeconds(1));
        flush(restarted);

        assertThat(statuses(ids)).containsOnly("SENT");
        Map<Long, Integer> received = receivedPerOutboxId();
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        ids.forEach(id -> assertThat(received.get(id)).as("copies of row %d", id).isEqualTo(id == inFlight ? 2 : 1));
        assertThat(greenMail.getReceivedMessages()).hasSize(26);
        assertOneMessageIdPerRow();
    }

    @Test
    void rowsOfAClaimedBatchNotHandedToSmtpBeforeHalfTheLeaseGoBackToTheQueueWithoutAnAttempt() throws Exception {
        List<Long> ids = enqueue(5);
        KillableMailSender slow = new KillableMailSender(TestSmtp.SMTP);
        // The server takes more than half the lease to accept the first message.
        slow.afterEachAccepted(() -> clock.advance(LEASE.dividedBy(2).plusMillis(100)));

        assertThat(node(slow).sendDue()).isEqualTo(1);

        long first = slow.accepted().get(0);
        assertThat(status(first)).isEqualTo("SENT");
        List<Long> rest = ids.stream().filter(id -> id != first).toList();
        assertThat(statuses(rest)).containsOnly("PENDING");
        rest.forEach(id -> assertThat(attempts(id)).as("attempts of row %d", id).isZero());
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where lease_until is not null or "
                + "claimed_at is not null", Integer.class)).isZero();

        flush(node(new KillableMailSender(TestSmtp.SMTP)));
        assertThat(statuses(ids)).containsOnly("SENT");
        assertThat(receivedPerOutboxId()).hasSize(5).allSatisfy((id, copies) -> assertThat(copies).isEqualTo(1));
    }

    @Test
    void oneRunOfTheSenderJobTakesBatchAfterBatchUntilNoneIsDue() throws Exception {
        List<Long> ids = enqueue(60);

        assertThat(node(new KillableMailSender(TestSmtp.SMTP)).drain()).isEqualTo(60);

        assertThat(statuses(ids)).containsOnly("SENT");
        assertThat(receivedPerOutboxId()).hasSize(60).allSatisfy((id, copies) -> assertThat(copies).isEqualTo(1));
    }

    @Test
    void twoNodesDeliverEveryMailOnceAndReturnEachStrandedRowOnce() throws Exception {
        List<Long> ids = enqueue(40);
        List<Long> stranded = ids.subList(0, 5);
        for (Long id : stranded) {
            jdbc.update("update mail_outbox set status = 'SENDING', claimed_at = now() - interval '10 minutes', "
                    + "lease_until = now() - interval '5 minutes' where id = ?", id);
        }
        // Two nodes on the real clock, each with its own SMTP connection, started together.
        OutboxSender other = new OutboxSender(repository, new KillableMailSender(TestSmtp.SMTP), tx, mailProperties,
                Clock.systemUTC(), "127.0.0.1",
                new SimpleMeterRegistry(), jdbc);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = List.of(beanSender, other).stream().map(node -> nodes.submit(() -> {
                start.await();
                int sent = 0;
                for (int i = 0; i < 20; i++) {
                    sent += node.sendDue();
                }
                return sent;
            })).toList();
            start.countDown();
            int sent = 0;
            for (Future<Integer> run : runs) {
                sent += run.get(2, TimeUnit.MINUTES);
            }
            assertThat(sent).isEqualTo(40);
        } finally {
            nodes.shutdownNow();
        }

        assertThat(statuses(ids)).containsOnly("SENT");
        assertThat(receivedPerOutboxId()).hasSize(40).allSatisfy((id, copies) -> assertThat(copies).isEqualTo(1));
        stranded.forEach(id -> assertThat(attempts(id)).as("row %d returned to the queue once", id).isEqualTo(1));
        assertOneMessageIdPerRow();
    }

    @Test
    void twoSendersOfOneNodeDeliverEveryMailOnce() throws Exception {
        List<Long> ids = enqueue(120);
        MailProperties props = new MailProperties(mailProperties.from(), mailProperties.maxAttempts(),
                mailProperties.firstRetryDelay(), mailProperties.sendInterval(), 25, LEASE, mailProperties.maxRun(), 2);
        OutboxSender node = new OutboxSender(repository, new KillableMailSender(TestSmtp.SMTP), tx, props, clock,
                "127.0.0.1", new SimpleMeterRegistry(), jdbc);
        try {
            int sent = 0;
            for (int i = 0; i < 10 && sent < ids.size(); i++) {
                sent += node.drainWithAllSenders();
            }
            assertThat(sent).isEqualTo(120);
        } finally {
            node.stopExtraSenders();
        }

        assertThat(statuses(ids)).containsOnly("SENT");
        assertThat(receivedPerOutboxId()).hasSize(120).allSatisfy((id, copies) -> assertThat(copies).isEqualTo(1));
        assertOneMessageIdPerRow();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** A sender as a node would run it, on the test's clock and a one-second lease. */
    private OutboxSender node(KillableMailSender mail) {
        MailProperties props = new MailProperties(mailProperties.from(), mailProperties.maxAttempts(),
                mailProperties.firstRetryDelay(), mailProperties.sendInterval(), 25, LEASE, mailProperties.maxRun(), 1);
        return new OutboxSender(repository, mail, tx, props, clock, "127.0.0.1",
                new SimpleMeterRegistry(), jdbc);
    }

    private List<Long> enqueue(int n) {
        return tx.execute(s -> IntStream.range(0, n).mapToObj(i -> outbox.enqueue(new OutgoingMail(
                "persona" + i + "@crash.example.org", Locale.forLanguageTag("es"), "mail/task-created",
                "mail.taskCreated.subject", new Object[] {"Revisar factibilidad"}, model(), "task-created",
                "task-" + i)).getId()).toList());
    }

    private static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("firstName", "María José");
        model.put("taskName", "Revisar factibilidad");
        model.put("subject", "Huertas en plazas");
        model.put("dueDate", "30/04/2021 18:00");
        model.put("link", "http://localhost:8080/tasklist/task/1");
        model.put("preferencesLink", "http://localhost:8080/me/notifications");
        return model;
    }

    /** Runs a sender until a run sends nothing (at most 20 runs). */
    private static void flush(OutboxSender sender) {
        for (int i = 0; i < 20 && sender.sendDue() > 0; i++) {
            // each run delivers what is due
        }
    }

    private String status(long id) {
        return jdbc.queryForObject("select status from mail_outbox where id = ?", String.class, id);
    }

    private int attempts(long id) {
        return jdbc.queryForObject("select attempts from mail_outbox where id = ?", Integer.class, id);
    }

    private List<String> statuses(List<Long> ids) {
        return ids.stream().map(this::status).toList();
    }

    /** @return for each X-Cocrea-Outbox-Id that arrived, how many copies did */
    private static Map<Long, Integer> receivedPerOutboxId() {
        return Arrays.stream(greenMail.getReceivedMessages()).collect(Collectors.groupingBy(
                m -> Long.parseLong(header(m, "X-Cocrea-Outbox-Id")), Collectors.summingInt(m -> 1)));
    }

    /** Every copy of a row carries the same Message-ID, and no two rows share one. */
    private static void assertOneMessageIdPerRow() {
        Map<Long, Set<String>> idsPerRow = Arrays.stream(greenMail.getReceivedMessages()).collect(Collectors.groupingBy(
                m -> Long.parseLong(header(m, "X-Cocrea-Outbox-Id")),
                Collectors.mapping(m -> header(m, "Message-ID"), Collectors.toSet())));
        idsPerRow.forEach((row, messageIds) -> assertThat(messageIds).as("Message-IDs of row %d", row).hasSize(1));
        assertThat(idsPerRow.values().stream().flatMap(Set::stream).distinct().count()).isEqualTo(idsPerRow.size());
    }

    private static String header(MimeMessage m, String name) {
        try {
            String[] values = m.getHeader(name);
            return values == null ? null : values[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
