package org.cocrea.workflow;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hands the Spring Security login to the Camunda webapps (Tasklist, Cockpit, Admin), so that one login at
 * {@code /login} opens both the staff pages and the webapps. Camunda's {@code ContainerBasedAuthenticationFilter}
 * (registered by {@link WebappSingleLogin}) asks this provider who the request's user is; Camunda then loads that
 * user's groups and tenants from its identity service and applies the user's Camunda authorizations, exactly as after
 * its own login form. The same pattern as Camunda's {@code OAuth2AuthenticationProvider} of
 * {@code camunda-bpm-spring-boot-starter-security}, which only accepts OAuth2 logins.
 *
 * <p>Camunda instantiates this class by name through its public no-argument constructor.
 */
public class SpringSecurityWebappAuthentication extends ContainerBasedAuthenticationProvider {

    /**
     * @param request the webapp request; its Spring Security context is read from the current thread
     * @param engine the addressed process engine (unused: every engine trusts the same login)
     * @return the Spring Security user's id, with groups and tenants left for Camunda to look up; unsuccessful when
     *     nobody is logged in (Spring Security already answers such requests before they get here)
     */
    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return AuthenticationResult.unsuccessful();
        }
        String user = authentication.getName();
        return user == null || user.isBlank() ? AuthenticationResult.unsuccessful()
                : AuthenticationResult.successful(user);
    }
}
