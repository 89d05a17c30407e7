package org.cocrea;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on Cocrea's own scheduled jobs (outbox delivery, daily task digest). Tests switch them off with
 * {@code cocrea.scheduling.enabled=false} and run the jobs explicitly, as they do with Camunda's job executor.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "cocrea.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {
}
