package org.cocrea.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.cocrea.operations.CachedSnapshot;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gauges of the mail outbox for {@code /actuator/prometheus}:
 * <ul>
 * <li>{@code cocrea_outbox_queued}: rows not yet delivered nor given up (PENDING or SENDING);
 * <li>{@code cocrea_outbox_oldest_queued_age_seconds}: seconds since the oldest of them was written, 0 when none (a
 * growing age with SMTP configured means mails are not leaving);
 * <li>{@code cocrea_outbox_failed}: rows given up after {@code cocrea.mail.max-attempts} (staff re-queue them on
 * {@code /staff/outbox}).
 * </ul>
 * Read together at most once per {@code cocrea.metrics.refresh} (default 15 s). Deliveries themselves are counted by
 * {@link OutboxSender} ({@code cocrea_mail_sent_total}, {@code cocrea_mail_failed_total}).
 */
@Component
class OutboxMetrics implements MeterBinder {

    /** One reading; {@code oldestQueuedAt} null when nothing is queued. */
    record Counts(long queued, long failed, Instant oldestQueuedAt) {
    }

    private final CachedSnapshot<Counts> counts;
    private final Clock clock;

    OutboxMetrics(OutboxRepository repository, TransactionTemplate tx,
            Clock clock, @Value("${cocrea.metrics.refresh:PT15S}") Duration refresh) {
        this.clock = clock;
        this.counts = new CachedSnapshot<>(() -> tx.execute(s -> new Counts(repository.countQueued(),
                repository.countByStatus(OutboxStatus.FAILED), repository.oldestQueuedAt())), refresh, clock);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("cocrea.outbox.queued", counts, c -> c.get().queued())
                .description("Outbox rows waiting to be delivered (pending or being sent)").register(registry);
        Gauge.builder("cocrea.outbox.failed", counts, c -> c.get().failed())
                .description("Outbox rows given up after the last attempt").register(registry);
        Gauge.builder("cocrea.outbox.oldest.queued.age", counts, this::oldestAgeSeconds).baseUnit("seconds")
                .description("Age of the oldest outbox row waiting to be delivered").register(registry);
    }

    private double oldestAgeSeconds(CachedSnapshot<Counts> snapshot) {
        Instant oldest = snapshot.get().oldestQueuedAt();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }
}
