package org.cocrea.implementation;

import java.time.Clock;

import org.cocrea.CocreaApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link MinimumRequirements#check} every day ({@code cocrea.implementation.check-cron}, 07:00 in Buenos Aires
 * by default). Only scheduled when {@code cocrea.scheduling.enabled} is not false: tests call the check directly.
 */
@Component
class MinimumRequirementsJob {

    private final MinimumRequirements requirements;
    private final Clock clock;

    MinimumRequirementsJob(MinimumRequirements requirements, Clock clock) {
        this.requirements = requirements;
        this.clock = clock;
    }

    @Scheduled(cron = "${cocrea.implementation.check-cron:0 0 7 * * *}", zone = CocreaApplication.ZONE)
    void daily() {
        requirements.check(clock.instant());
    }
}
