package org.cocrea.notification;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import jakarta.annotation.PreDestroy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.cocrea.kernel.InputText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job that delivers the outbox, at least once and never losing a mail, whatever moment the node is stopped at.
 * Every {@code cocrea.mail.send-interval} it takes the due rows in batches of {@code cocrea.mail.batch-size} until
 * none is due ({@link #drain}): it claims the batch's rows (with a lease of {@code cocrea.mail.claim-lease}, committed
 * together, so two nodes never take the same row; on PostgreSQL two statements that also read them and skip the rows
 * another node is claiming), hands them one by one to SMTP over the run's one connection and, as soon as the server
 * answers for one, records its result in its own transaction (the SENT mark: one autocommit statement): SENT, or a
 * retry with exponential backoff, or FAILED after {@code cocrea.mail.max-attempts}. A row still SENDING after its
 * lease belonged to a sender that stopped (kill -9, crash, lost database): it goes back to the queue, the interruption
 * counting as an attempt, and is sent again with the same {@code Message-ID} and {@code X-Cocrea-Outbox-Id}. So after
 * a stop at any moment no mail is lost, and at most the one message in flight (accepted by SMTP, result not yet
 * committed) arrives twice, with the same Message-ID for the receiver to drop. (On PostgreSQL the SENT mark's commit
 * does not wait for the disk: a crash of PostgreSQL itself, not of the node, can also resend the rows of its last
 * fraction of a second, with their same Message-ID.) A failure never touches the process
 * that wrote the mail. With no SMTP host configured ({@code SMTP_HOST} empty, the embedded default) it does nothing
 * and mails stay readable on the staff outbox page.
 *
 * <p>Outcomes are counted for {@code /actuator/prometheus}: {@code cocrea_mail_sent_total} (accepted by SMTP) and
 * {@code cocrea_mail_failed_total} (a failed attempt; tag {@code final="true"} when the row was given up, FAILED,
 * {@code "false"} when it will be retried) and {@code cocrea_mail_smtp_connections_total} (connections opened: one
 * per run of a sender, more only when the server dropped one).
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);
    private static final int MAX_ERROR_LENGTH = 1000;
    static final String INTERRUPTED = "Entrega interrumpida: el envío se detuvo antes de registrar el resultado; se "
            + "reenvía con el mismo Message-ID / Delivery interrupted: the sender stopped before recording the result; "
            + "sent again with the same Message-ID";
    static final String INTERRUPTED_LAST_ATTEMPT = "Entrega interrumpida en el último intento: verifique si llegó "
            + "(Message-ID) antes de reencolar / Delivery interrupted on the last attempt: check whether it arrived "
            + "(Message-ID) before re-queuing";

    /**
     * Claims a due pending row for one sender until the lease; 1 when this caller won it. Plain SQL (as the two
     * statements below): they run once per row, and the JPQL versions' per-call query handling cost as much CPU as
     * building the MIME message.
     */
    private static final String CLAIM = "update mail_outbox set status = 'SENDING', claimed_at = ?, lease_until = ?, "
            + "version = version + 1 where id = ? and status = 'PENDING' and next_attempt_at <= ?";
    /**
     * Records that the SMTP server accepted the row. Applies whoever holds the row now (if the lease ran out and
     * another sender took it, the mail did arrive all the same); only a row already SENT is left alone.
     */
    private static final String MARK_SENT = "update mail_outbox set status = 'SENT', sent_at = ?, last_error = null, "
            + "claimed_at = null, lease_until = null, version = version + 1 where id = ? and status <> 'SENT'";
    /**
     * {@link #MARK_SENT} on PostgreSQL, run as an autocommit statement: {@code set_config(..., true)} is
     * {@code set local synchronous_commit to off} for the statement's own transaction, so its commit returns before
     * the WAL record reaches the disk, without a round trip of its own and without changing the pooled connection's
     * session (the setting ends with the transaction).
     */
    private static final String MARK_SENT_RELAXED = MARK_SENT
            + " and set_config('synchronous_commit', 'off', true) is not null";
    /**
     * On PostgreSQL, locks up to a batch of due rows, passing over the rows another sender has locked
     * ({@code skip locked}): so two senders never wait for each other (no deadlock) nor take the same row.
     */
    private static final String LOCK_DUE = "select id from mail_outbox where status = 'PENDING' "
            + "and next_attempt_at <= ? order by next_attempt_at, id limit ? for update skip locked";
    /**
     * On PostgreSQL, whether any claim has expired, through the partial index {@code mail_outbox_claims} (migration
     * V82, {@link OutboxClaimIndex}): a plain index scan in lease order that stops at the first expired claim or at
     * the first lease still running. The updates that return expired claims select the rows by {@code status =
     * 'SENDING'}, which read every row version that was ever SENDING and is not vacuumed yet (after an open call to
     * 40,000 contacts, 80,000 index entries and 17,000 heap pages: 45 ms per update, twice per run of the sender); they
     * now run only when this finds something.
     */
    static final String ANY_EXPIRED = "select exists (select 1 from mail_outbox where status = 'SENDING' "
            + "and lease_until <= ? order by lease_until limit 1) or exists (select 1 from mail_outbox "
            + "where status = 'SENDING' and lease_until is null and claimed_at <= ? limit 1)";
    /** Claims the rows {@link #LOCK_DUE} locked and reads them. */
    private static final String CLAIM_LOCKED = "update mail_outbox set status = 'SENDING', claimed_at = ?, "
            + "lease_until = ?, version = version + 1 where id = any(?) and status = 'PENDING' returning id, "
            + "recipient, subject, body_html, language, attempts, lease_until, message_id, list_unsubscribe, "
            + "attachment_name, attachment_type, attachment_content, version";

    private final OutboxRepository repository;
    private final JavaMailSender mailSender;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;
    private ExecutorService extraSenders;
    private final MailProperties properties;
    private final Clock clock;
    private final String smtpHost;
    private final Counter sentMails;
    private final Counter retriedMails;
    private final Counter givenUpMails;
    private final Counter smtpConnections;

    OutboxSender(OutboxRepository repository, JavaMailSender mailSender, TransactionTemplate tx,
            MailProperties properties, Clock clock, @Value("${spring.mail.host:}") String smtpHost,
            MeterRegistry meters, JdbcTemplate jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
        this.smtpHost = smtpHost;
        this.sentMails = Counter.builder("cocrea.mail.sent").description("Mails accepted by the SMTP server")
                .register(meters);
        this.retriedMails = Counter.builder("cocrea.mail.failed").tag("final", "false")
                .description("Failed delivery attempts").register(meters);
        this.givenUpMails = Counter.builder("cocrea.mail.failed").tag("final", "true")
                .description("Failed delivery attempts").register(meters);
        this.smtpConnections = Counter.builder("cocrea.mail.smtp.connections")
                .description("SMTP connections the outbox senders opened").register(meters);
    }

    /** @return whether an SMTP server is configured */
    public boolean smtpConfigured() {
        return smtpHost != null && !smtpHost.isBlank();
    }

    @Scheduled(initialDelayString = "${cocrea.mail.send-interval:PT10S}", fixedDelayString = "${cocrea.mail.send-interval:PT10S}")
    void scheduledRun() {
        if (smtpConfigured()) {
            drainWithAllSenders();
        }
    }

    /**
     * {@link #drain} by {@code cocrea.mail.senders} senders at once: this thread and the others on threads of their
     * own, each with its own claims (rows another sender is claiming are skipped) and its own SMTP connection, as if
     * each were a node of its own. So after a stop at any moment at most one message per sender (the one in flight)
     * arrives twice, with its same Message-ID.
     *
     * @return how many were accepted by the SMTP server
     */
    int drainWithAllSenders() {
        int extra = properties.senders() - 1;
        if (extra <= 0) {
            return drain();
        }
        List<Future<Integer>> others = IntStream.range(0, extra).mapToObj(i -> extraSenders().submit(this::drain))
                .toList();
        int sent = drain();
        for (Future<Integer> other : others) {
            try {
                sent += other.get();
            } catch (ExecutionException e) {
                log.warn("An outbox sender stopped; its claimed rows go back to the queue when their lease runs out",
                        e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return sent;
            }
        }
        return sent;
    }

    private synchronized ExecutorService extraSenders() {
        if (extraSenders == null) {
            AtomicInteger n = new AtomicInteger();
            extraSenders = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "outbox-sender-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return extraSenders;
    }

    @PreDestroy
    synchronized void stopExtraSenders() {
        if (extraSenders != null) {
            extraSenders.shutdownNow();
        }
    }

    /**
     * Delivers batch after batch ({@link #sendDue}) until no row is due or {@code cocrea.mail.max-run} has passed, so
     * that an open call to the whole directory goes out at the speed of the SMTP server rather than one batch per
     * {@code cocrea.mail.send-interval}; the time limit hands the scheduler back to the other jobs now and then. The
     * rows of stopped senders are returned to the queue once, at the start of the run (not before every batch). The
     * whole run uses one SMTP connection (opening one per batch of 100 cost about 40 ms each against GreenMail: 0.4 ms
     * per mail, where a mail over an open connection took 1.1 ms; bench/README.md, benchmark 2); if it cannot be
     * opened, the run stops after the batch whose rows recorded that failure, so the rest of the queue keeps its
     * attempts for when the server is back.
     *
     * @return how many were accepted by the SMTP server
     * @throws org.springframework.dao.DataAccessException as {@link #sendDue}
     */
    public int drain() {
        long deadline = System.nanoTime() + properties.maxRun().toNanos();
        returnExpiredClaims(clock.instant());
        int sent = 0;
        try (SmtpConnection smtp = new SmtpConnection(mailSender, smtpConnections)) {
            while (true) {
                int[] run = sendBatch(smtp);
                sent += run[1];
                if (run[0] < properties.batchSize() || System.nanoTime() >= deadline || smtp.connectFailed()) {
                    return sent;
                }
            }
        }
    }

    /**
     * Returns the rows of stopped senders to the queue, then delivers the rows due now, at most
     * {@code cocrea.mail.batch-size}, recording each one's result as soon as the SMTP server answers.
     *
     * @return how many were accepted by the SMTP server
     * @throws org.springframework.dao.DataAccessException if the database fails; the row in hand, if any, stays
     *                                                     SENDING until its lease runs out and is then sent again
     */
    public int sendDue() {
        returnExpiredClaims(clock.instant());
        try (SmtpConnection smtp = new SmtpConnection(mailSender, smtpConnections)) {
            return sendBatch(smtp)[1];
        }
    }

    /**
     * @param smtp the run's connection, opened on its first message
     * @return how many rows were due (at most the batch size), and how many of them SMTP accepted
     */
    private int[] sendBatch(SmtpConnection smtp) {
        Instant now = clock.instant();
        int due;
        List<OutboxMessage> claimed;
        if (postgres()) {
            claimed = claimDue();
            due = claimed.size();
        } else {
            List<Long> ids = tx.execute(s -> repository.findDue(now, PageRequest.of(0, properties.batchSize())));
            due = ids.size();
            claimed = ids.isEmpty() ? List.of() : claim(ids);
        }
        if (claimed.isEmpty()) {
            return new int[] {due, 0};
        }
        int sent = 0;
        for (int i = 0; i < claimed.size(); i++) {
            OutboxMessage message = claimed.get(i);
            // The batch shares one lease: the rows not handed to SMTP while half of it is left go back to the
            // queue untouched, so a slow server never lets a lease run out on a row this sender still holds.
            if (clock.instant().isAfter(message.getLeaseUntil().minus(properties.claimLease().dividedBy(2)))) {
                release(claimed.subList(i, claimed.size()));
                break;
            }
            if (deliver(smtp, message)) {
                sent++;
            }
        }
        return new int[] {due, sent};
    }

    /**
     * On PostgreSQL: claims up to a batch of due rows and reads them, in one transaction of two statements
     * ({@link #LOCK_DUE}, {@link #CLAIM_LOCKED}) instead of a query, an update per row and a JPA load. (One
     * statement, {@code update ... where id in (select ... for update skip locked)}, was tried: with two senders
     * claiming at once, one such update took more than a minute, having locked thousands of rows.)
     *
     * @return the rows this sender won, as claimed (each one's version is its claim), in ascending id order
     */
    private List<OutboxMessage> claimDue() {
        Instant at = clock.instant();
        Instant leaseUntil = at.plus(properties.claimLease());
        return tx.execute(s -> {
            List<Long> ids = jdbc.queryForList(LOCK_DUE, Long.class, utc(at), properties.batchSize());
            if (ids.isEmpty()) {
                return List.<OutboxMessage>of();
            }
            return jdbc.query(c -> {
                PreparedStatement claim = c.prepareStatement(CLAIM_LOCKED);
                claim.setObject(1, utc(at));
                claim.setObject(2, utc(leaseUntil));
                claim.setArray(3, c.createArrayOf("bigint", ids.toArray()));
                return claim;
            }, (rs, n) -> OutboxMessage.claimed(rs.getLong("id"), rs.getString("recipient"),
                    rs.getString("subject"), rs.getString("body_html"), rs.getString("language"),
                    rs.getInt("attempts"), rs.getObject("lease_until", OffsetDateTime.class).toInstant(),
                    rs.getString("message_id"), rs.getString("list_unsubscribe"), rs.getString("attachment_name"),
                    rs.getString("attachment_type"), rs.getString("attachment_content"), rs.getLong("version")))
                    .stream().sorted(Comparator.comparing(OutboxMessage::getId)).toList();
        });
    }

    private void returnExpiredClaims(Instant now) {
        Instant claimedBefore = now.minus(properties.claimLease());
        if (postgres() && !Boolean.TRUE.equals(jdbc.queryForObject(ANY_EXPIRED, Boolean.class, utc(now),
                utc(claimedBefore)))) {
            return;
        }
        int max = properties.maxAttempts();
        int[] counts = tx.execute(s -> new int[] {
                repository.requeueExpiredClaims(now, claimedBefore, max, INTERRUPTED),
                repository.failExpiredClaims(now, claimedBefore, max, INTERRUPTED_LAST_ATTEMPT)});
        if (counts[0] > 0) {
            log.warn("{} outbox rows were claimed by a sender that stopped before recording the result; "
                    + "back in the queue, to be sent again with the same Message-ID", counts[0]);
        }
        retriedMails.increment(counts[0]);
        givenUpMails.increment(counts[1]);
        if (counts[1] > 0) {
            log.warn("{} outbox rows were interrupted on their last attempt; marked FAILED for staff to check",
                    counts[1]);
        }
    }

    /**
     * On other databases than PostgreSQL (H2, the demo's): claims the due rows in one transaction, each row's
     * conditional update, in ascending id order so that two senders claiming overlapping batches lock rows in the same
     * order (no deadlock); the second waits for the first's commit and then finds the row taken. One commit for the
     * batch instead of one per row.
     *
     * @return the rows this sender won, as claimed (each one's version is its claim), in ascending id order
     */
    private List<OutboxMessage> claim(List<Long> due) {
        List<Long> ids = due.stream().sorted().toList();
        return tx.execute(s -> {
            Instant at = clock.instant();
            Instant leaseUntil = at.plus(properties.claimLease());
            List<Long> won = ids.stream().filter(id -> jdbc.update(CLAIM, utc(at), utc(leaseUntil), id, utc(at)) == 1)
                    .toList();
            if (won.isEmpty()) {
                return List.<OutboxMessage>of();
            }
            return repository.findAllById(won).stream().sorted(Comparator.comparing(OutboxMessage::getId)).toList();
        });
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    /** @return whether the database is PostgreSQL (read once) */
    private boolean postgres() {
        if (postgres == null) {
            postgres = jdbc.execute((ConnectionCallback<Boolean>) c -> "PostgreSQL".equals(
                    c.getMetaData().getDatabaseProductName()));
        }
        return postgres;
    }

    /** Puts claimed rows that were not handed to SMTP back in the queue, due now, without counting an attempt. */
    private void release(List<OutboxMessage> rows) {
        tx.executeWithoutResult(s -> rows.forEach(m -> repository.release(m.getId(), m.getVersion())));
        log.info("{} claimed outbox rows were not sent before half of their lease had passed; back in the queue",
                rows.size());
    }

    /** @return whether the SMTP server accepted the message */
    private boolean deliver(SmtpConnection smtp, OutboxMessage message) {
        try {
            smtp.send(OutboxMime.of(mailSender, properties.from(), message));
        } catch (Exception e) {
            recordFailure(message, e.getClass().getSimpleName() + ": " + e.getMessage());
            return false;
        }
        // Accepted: commit that right away, one autocommit statement (one round trip), before the next message goes
        // to SMTP. A stop of this node before this commit is the one case that sends a mail twice. On PostgreSQL the
        // commit does not wait for the disk (synchronous_commit off, this statement's transaction only): the node's
        // stop cannot lose it, and a crash of PostgreSQL itself can lose only the last fraction of a second of SENT
        // marks, whose rows are then sent again with the same Message-ID (never lost: the rows stay durable).
        jdbc.update(postgres() ? MARK_SENT_RELAXED : MARK_SENT, utc(clock.instant()), message.getId());
        sentMails.increment();
        return true;
    }

    private void recordFailure(OutboxMessage message, String error) {
        int attempt = message.getAttempts() + 1;
        boolean giveUp = attempt >= properties.maxAttempts();
        Duration delay = properties.firstRetryDelay().multipliedBy(1L << Math.min(attempt - 1, 20));
        Instant next = clock.instant().plus(delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay);
        String text = InputText.cut(error, MAX_ERROR_LENGTH);
        Integer recorded = tx.execute(s -> repository.markFailed(message.getId(), message.getVersion(),
                giveUp ? OutboxStatus.FAILED : OutboxStatus.PENDING, text, next));
        if (recorded == null || recorded == 0) {
            log.warn("Mail {} to {} failed after its claim had expired; left to the sender that holds it now: {}",
                    message.getId(), message.getRecipient(), error);
            return;
        }
        (giveUp ? givenUpMails : retriedMails).increment();
        log.warn("Mail {} to {} failed (attempt {}{}): {}", message.getId(), message.getRecipient(), attempt,
                giveUp ? ", giving up" : "", error);
    }
}
