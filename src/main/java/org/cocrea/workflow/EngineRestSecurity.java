package org.cocrea.workflow;

import jakarta.servlet.Filter;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Requires HTTP Basic authentication on {@code /engine-rest} (the REST starter mounts it with none), as Camunda Run's
 * {@code CamundaBpmRunRestConfiguration} does; the authenticated user is then subject to the engine's authorization
 * checks ({@code camunda.bpm.authorization.enabled=true}). Anonymous requests get 401.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestSecurity {

    @Bean
    FilterRegistrationBean<Filter> engineRestAuthenticationFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-basic-auth");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(1);
        return registration;
    }
}
