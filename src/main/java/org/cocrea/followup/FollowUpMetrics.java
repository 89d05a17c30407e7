package org.cocrea.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.cocrea.CocreaApplication;
import org.cocrea.operations.CachedSnapshot;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code cocrea_followup_reports_overdue}: monthly follow-up reports still with the lead area (REQUESTED or
 * CHANGES_REQUESTED) after their due date, that is whose due date is before today in Buenos Aires (a report is due
 * until 23:59 of its due date, {@link FollowUps}). Read at most once per {@code cocrea.metrics.refresh} (default 15 s).
 */
@Component
class FollowUpMetrics implements MeterBinder {

    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);
    private final CachedSnapshot<Long> overdue;

    FollowUpMetrics(ReportRepository reports, Clock clock,
            @Value("${cocrea.metrics.refresh:PT15S}") Duration refresh) {
        this.overdue = new CachedSnapshot<>(() -> reports.countOverdue(LocalDate.now(clock.withZone(ZONE))), refresh,
                clock);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("cocrea.followup.reports.overdue", overdue, CachedSnapshot::get)
                .description("Follow-up reports past their due date and not yet submitted").register(registry);
    }
}
