package org.cocrea;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Provides the {@link Clock} every feature reads "now" from, in America/Argentina/Buenos_Aires. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of(CocreaApplication.ZONE));
    }
}
