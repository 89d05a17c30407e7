package org.cocrea.web;

import org.cocrea.workflow.EngineUserAuthenticationProvider;
import org.cocrea.kernel.Groups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /actuator/prometheus} for a Prometheus server: HTTP Basic with a user of the engine's identity service
 * (Camunda Admin) in the group {@value Groups#METRICS} (a technical user that can do nothing else), or a staff user
 * ({@code og-team}, {@code camunda-admin}). Anonymous requests and wrong passwords get 401 with
 * {@code WWW-Authenticate: Basic}; other users get 403. Stateless (no session, no CSRF: it is read-only). Checked
 * before {@link SecurityConfiguration}'s chain, which covers everything else (the rest of {@code /actuator} stays
 * as it is: health public, the other endpoints not exposed).
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurityConfiguration {

    /** Authority of the metrics readers' group. */
    static final String METRICS = Groups.authority(Groups.METRICS);

    @Bean
    @Order(1)
    SecurityFilterChain metricsFilterChain(HttpSecurity http, EngineUserAuthenticationProvider provider)
            throws Exception {
        http.securityMatcher("/actuator/prometheus")
                .authenticationProvider(provider)
                .authorizeHttpRequests(auth -> auth.anyRequest()
                        .hasAnyAuthority(METRICS, SecurityConfiguration.STAFF, SecurityConfiguration.ADMIN))
                .httpBasic(basic -> basic.realmName("cocrea-metrics"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
