package org.cocrea.bench.bare;

import jakarta.servlet.Filter;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic on {@code /engine-rest}, the way Camunda's REST API documentation ("Authentication") and Camunda Run set
 * it up, for the Stage 1 benchmark's baseline driven over HTTP as Cocrea is ({@code Stage1PeakBench}): only with
 * {@code bare.engine-rest-auth=true}, so the cold-start baseline is the plain starter.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bare.engine-rest-auth", havingValue = "true")
class EngineRestAuthentication {

    @Bean
    FilterRegistrationBean<Filter> engineRestAuthenticationFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
                new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-basic-auth");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(1);
        return registration;
    }
}
