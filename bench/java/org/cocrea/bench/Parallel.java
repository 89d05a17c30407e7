package org.cocrea.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs {@code count} numbered items on {@code threads} threads, each taking the next number until none is left. */
final class Parallel {

    /** One numbered piece of work; {@code client} is the thread's number (0 … threads - 1). */
    interface Item {
        void run(int client, int index) throws Exception;
    }

    private Parallel() {
    }

    /**
     * @throws IllegalStateException with the first failure, after every thread stopped
     */
    static void run(int threads, int count, Item item) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int client = t;
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    item.run(client, i);
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            next.set(count);
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }
}
