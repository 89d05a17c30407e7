package org.cocrea.workflow;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
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
     * @return the Spring Security user's id and groups (kept current by {@code org.cocrea.web.CurrentAccountFilter}),
     *     with tenants left for Camunda to look up; unsuccessful when nobody is logged in (Spring Security already
     *     answers such requests before they get here)
     */
    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return AuthenticationResult.unsuccessful();
        }
        String user = authentication.getName();
        if (user == null || user.isBlank()) {
            return AuthenticationResult.unsuccessful();
        }
        List<String> groups = EngineUserAuthenticationProvider.groupIds(authentication);
        forgetOutdatedWebappLogin(request, engine.getName(), user, groups);
        AuthenticationResult result = AuthenticationResult.successful(user);
        result.setGroups(groups);
        return result;
    }

    /**
     * Camunda's filter keeps the webapps' login of the session as long as its user id is the same; when the Spring
     * Security login's groups have changed since ({@code org.cocrea.web.CurrentAccountFilter}), drop it, so that the
     * filter makes a new one with the current groups (and the applications they may open).
     */
    private static void forgetOutdatedWebappLogin(HttpServletRequest request, String engine, String user,
            List<String> groups) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
        if (logins.getAuthenticationForProcessEngine(engine) instanceof UserAuthentication webapp
                && user.equals(webapp.getName())
                && !new HashSet<>(groups).equals(new HashSet<>(Objects.requireNonNullElse(webapp.getGroupIds(),
                        List.of())))) {
            logins.removeByEngineName(engine);
            AuthenticationUtil.updateSession(session, logins);
        }
    }
}
