package org.cocrea.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.cocrea.CocreaApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Demo only ({@code cocrea.demo.enabled=true}): the application's {@link Clock} (America/Argentina/Buenos_Aires),
 * which the first demo start moves into the past, together with the engine's clock ({@link ClockUtil}), so that the
 * earlier co-creation instances of the demo run through the same services and processes, with their own rules (a
 * round-table at least 14 days ahead, registration before it starts, timers), at dates that now lie in the past.
 * Outside {@link #travelTo(Instant)} and {@link #backToPresent()} it is the system clock.
 *
 * <p>Only the demo start-up moves it, before the job executor starts ({@code ApplicationReadyEvent}); later starts
 * never do.
 */
@Component
@Primary
@ConditionalOnProperty(name = "cocrea.demo.enabled", havingValue = "true")
public class DemoTime extends Clock {

    private final Clock system;
    private volatile Duration offset = Duration.ZERO;

    DemoTime() {
        this(Clock.system(ZoneId.of(CocreaApplication.ZONE)));
    }

    private DemoTime(Clock system) {
        this.system = system;
    }

    /**
     * Moves the application's and the engine's "now" to the given instant (it then runs on from there).
     *
     * @param instant the instant "now" should show
     */
    public void travelTo(Instant instant) {
        offset = Duration.between(system.instant(), instant);
        ClockUtil.offset(offset.toMillis());
    }

    /** Brings the application's and the engine's clocks back to the real time. */
    public void backToPresent() {
        offset = Duration.ZERO;
        ClockUtil.reset();
    }

    /** @return the real instant, whatever the demo's clock shows */
    public Instant realNow() {
        return system.instant();
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(system.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset);
    }
}
