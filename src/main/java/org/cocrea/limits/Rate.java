package org.cocrea.limits;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;

/**
 * A limit: at most {@code requests} within {@code per}, refilled gradually (one more every {@code per / requests}), so
 * a client that waits {@code per} has its whole allowance back. Configured as {@code {requests: 10, per: PT1H}}.
 *
 * @param requests how many, at least 1
 * @param per      the window, an ISO-8601 duration (e.g. {@code PT1H}), positive
 */
public record Rate(long requests, Duration per) {

    /**
     * @throws IllegalArgumentException when {@code requests} is below 1 or {@code per} is missing or not positive (the
     *                                  application then refuses to start, naming the setting)
     */
    public Rate {
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1, was " + requests);
        }
        if (per == null || per.isZero() || per.isNegative()) {
            throw new IllegalArgumentException("per must be a positive duration (e.g. PT1H), was " + per);
        }
    }

    /** @return the Bucket4j bandwidth of this rate: capacity {@code requests}, greedy refill over {@code per} */
    Bandwidth bandwidth() {
        return Bandwidth.builder().capacity(requests).refillGreedy(requests, per).build();
    }

    @Override
    public String toString() {
        return requests + " per " + per;
    }
}
