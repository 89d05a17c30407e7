package org.cocrea.workflow;

import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the Camunda webapps trust the Spring Security login instead of their own login form: Camunda's
 * {@link ContainerBasedAuthenticationFilter} runs on {@code /camunda/app/*} and {@code /camunda/api/*} right after the
 * Spring Security filter chain and before the webapps' own filters (authentication cache, CSRF), and puts the user
 * named by {@link SpringSecurityWebappAuthentication} into the webapps' session. Spring Security itself sends
 * anonymous visitors of the webapps to {@code /login} ({@code org.cocrea.web.SecurityConfiguration}). Registered as
 * Camunda's own starter does for OAuth2 ({@code CamundaSpringSecurityOAuth2AutoConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class WebappSingleLogin {

    @Bean
    FilterRegistrationBean<Filter> webappContainerAuthentication(CamundaBpmProperties camunda) {
        String webapps = camunda.getWebapp().getApplicationPath();
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("camunda-webapp-single-login");
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SpringSecurityWebappAuthentication.class.getName()));
        registration.addUrlPatterns(webapps + "/app/*", webapps + "/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
