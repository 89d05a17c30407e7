package org.cocrea.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import org.cocrea.support.MutableClock;
import org.junit.jupiter.api.Test;

/** The gauges' cache loads once per refresh period and never keeps a failed load. */
class CachedSnapshotTests {

    @Test
    void loadsOncePerRefreshPeriod() {
        MutableClock clock = new MutableClock(Instant.parse("2021-04-01T12:00:00Z"), ZoneId.of("America/Argentina/Buenos_Aires"));
        AtomicInteger loads = new AtomicInteger();
        CachedSnapshot<Integer> snapshot = new CachedSnapshot<>(loads::incrementAndGet, Duration.ofSeconds(15), clock);

        assertThat(snapshot.get()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(14));
        assertThat(snapshot.get()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(snapshot.get()).isEqualTo(2);
    }

    @Test
    void zeroRefreshLoadsEveryTimeAndAFailureIsNotCached() {
        MutableClock clock = new MutableClock(Instant.parse("2021-04-01T12:00:00Z"), ZoneId.of("America/Argentina/Buenos_Aires"));
        AtomicInteger loads = new AtomicInteger();
        CachedSnapshot<Integer> snapshot = new CachedSnapshot<>(() -> {
            if (loads.incrementAndGet() == 2) {
                throw new IllegalStateException("database down");
            }
            return loads.get();
        }, Duration.ZERO, clock);

        assertThat(snapshot.get()).isEqualTo(1);
        assertThatThrownBy(snapshot::get).hasMessage("database down");
        assertThat(snapshot.get()).isEqualTo(3);
    }
}
