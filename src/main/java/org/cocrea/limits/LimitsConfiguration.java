package org.cocrea.limits;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/** Installs {@link LoginThrottleFilter} in front of Spring Security and Camunda's webapp and REST filters. */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(AbuseLimits limits, LocaleResolver localeResolver,
            MessageSource messages, ObjectMapper json) {
        FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(
                new LoginThrottleFilter(limits, localeResolver, messages, json));
        registration.setName("cocrea-login-throttle");
        // After the character-encoding filter (the form's user name is read), before Spring Security (-100).
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
