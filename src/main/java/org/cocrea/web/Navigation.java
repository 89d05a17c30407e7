package org.cocrea.web;

import java.util.Optional;

import org.cocrea.workflow.EngineUserAuthenticationProvider;
import org.cocrea.workflow.WebappAccess;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Which Camunda webapps the navigation offers the logged-in user: exactly those the engine would let the user's groups
 * open ({@link WebappAccess}). Used by {@code templates/fragments.html} as {@code @navigation}; the staff link itself
 * follows Spring Security's rule for {@code /staff/**}.
 */
@Component("navigation")
public class Navigation {

    private final WebappAccess access;

    Navigation(WebappAccess access) {
        this.access = access;
    }

    /**
     * @param app a Camunda webapp: {@code tasklist}, {@code cockpit} or {@code admin}
     * @return whether the current user's groups have {@code ACCESS} to it; false for anonymous visitors
     */
    public boolean mayOpen(String app) {
        return currentUser().map(user -> access.mayOpen(user.getName(), EngineUserAuthenticationProvider.groupIds(user), app)).orElse(false);
    }

    /**
     * @return whether the current user may deploy process models (Camunda Modeler's deploy, checked in Cockpit's
     *     deployments view); false for anonymous visitors
     */
    public boolean mayDeploy() {
        return currentUser().map(user -> access.mayDeploy(user.getName(), EngineUserAuthenticationProvider.groupIds(user))).orElse(false);
    }

    private static Optional<Authentication> currentUser() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        boolean loggedIn = user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken);
        return loggedIn ? Optional.of(user) : Optional.empty();
    }
}
