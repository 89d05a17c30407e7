package org.cocrea.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value loaded at most once per {@code refresh} (e.g. a few database counts read by several gauges): Prometheus
 * scrapes every 15 s, possibly from several servers, and each gauge of one snapshot is read separately, so the counts
 * are queried once per snapshot, not once per gauge and scrape. Thread-safe; a load that throws is not cached (the
 * next read tries again) and the exception reaches the caller (Micrometer then reports the gauge as NaN).
 *
 * @param <T> the snapshot type
 */
public final class CachedSnapshot<T> {

    private final Supplier<T> loader;
    private final Duration refresh;
    private final Clock clock;
    private T value;
    private Instant loadedAt;

    /**
     * @param loader  reads the current values; must not return null
     * @param refresh how long a loaded snapshot is served; {@link Duration#ZERO} loads on every read
     * @param clock   the clock "now" is read from
     */
    public CachedSnapshot(Supplier<T> loader, Duration refresh, Clock clock) {
        this.loader = Objects.requireNonNull(loader);
        this.refresh = Objects.requireNonNull(refresh);
        this.clock = Objects.requireNonNull(clock);
    }

    /** @return the snapshot loaded less than {@code refresh} ago, else a freshly loaded one */
    public synchronized T get() {
        Instant now = clock.instant();
        if (value == null || !now.isBefore(loadedAt.plus(refresh))) {
            value = Objects.requireNonNull(loader.get(), "snapshot");
            loadedAt = now;
        }
        return value;
    }
}
