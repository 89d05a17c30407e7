package org.cocrea.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes two transactions overlap for certain, on PostgreSQL, instead of hoping they do: the first runs its work and
 * keeps its transaction (and its row locks) open, uncommitted; the second then runs on another thread; the first
 * commits only once the second waits on a lock ({@code pg_stat_activity}) or has finished. So a test of a race fails
 * on code that has the race every time, and passes on code without it every time.
 */
public final class LockRaces {

    private static final long TIMEOUT_SECONDS = 60;

    private LockRaces() {
    }

    /**
     * @param tx     starts the first transaction
     * @param jdbc   the application's database, to see whether a session waits on a lock
     * @param first  the first transaction's work (run inside {@code tx})
     * @param second the other work, which opens its own transaction if it needs one
     * @throws Exception what either threw (wrapped in an {@link java.util.concurrent.ExecutionException}), or a
     *                   timeout after 60 s
     */
    public static void secondWhileFirstHoldsItsLocks(TransactionTemplate tx, JdbcTemplate jdbc, Runnable first,
            Runnable second) throws Exception {
        CountDownLatch firstRan = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> one = threads.submit(() -> tx.executeWithoutResult(s -> {
                first.run();
                firstRan.countDown();
                await(firstMayCommit);
            }));
            if (!firstRan.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                one.get(1, TimeUnit.SECONDS); // its failure, if it failed
                throw new IllegalStateException("the first transaction did not run within " + TIMEOUT_SECONDS + " s");
            }
            Future<?> two = threads.submit(second);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (!two.isDone() && !waitingOnALock(jdbc)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the second neither finished nor waited on a lock");
                }
                Thread.onSpinWait();
            }
            firstMayCommit.countDown();
            one.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            two.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } finally {
            firstMayCommit.countDown();
            threads.shutdownNow();
        }
    }

    /** @return whether a session of this database waits for a lock another transaction holds */
    private static boolean waitingOnALock(JdbcTemplate jdbc) {
        Long waiting = jdbc.queryForObject("select count(*) from pg_stat_activity where datname = "
                + "current_database() and wait_event_type = 'Lock'", Long.class);
        return waiting != null && waiting > 0;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never allowed to commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
