package org.cocrea.web;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.cocrea.workflow.EngineUserAuthenticationProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Which Camunda webapps the navigation offers the logged-in user: exactly those the engine would let the user's groups
 * open, read from the same Camunda authorizations the webapps check ({@code APPLICATION} resource, {@code ACCESS}
 * permission; see {@code org.cocrea.workflow.IdentitySetup}). Used by {@code templates/fragments.html} as
 * {@code @navigation}; the staff link itself follows Spring Security's rule for {@code /staff/**}.
 */
@Component("navigation")
public class Navigation {

    private final AuthorizationService authorizations;

    Navigation(@Lazy AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    /**
     * @param app a Camunda webapp: {@code tasklist}, {@code cockpit} or {@code admin}
     * @return whether the current user's groups have {@code ACCESS} to it; false for anonymous visitors
     */
    public boolean mayOpen(String app) {
        return allowed(Permissions.ACCESS, Resources.APPLICATION, app);
    }

    /**
     * @return whether the current user may deploy process models (Camunda Modeler's deploy, checked in Cockpit's
     *     deployments view): {@code CREATE} on {@code DEPLOYMENT}
     */
    public boolean mayDeploy() {
        return allowed(Permissions.CREATE, Resources.DEPLOYMENT, "*");
    }

    private boolean allowed(Permission permission, Resource resource, String id) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            return false;
        }
        List<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(EngineUserAuthenticationProvider.GROUP_PREFIX))
                .map(a -> a.substring(EngineUserAuthenticationProvider.GROUP_PREFIX.length())).toList();
        return authorizations.isUserAuthorized(user.getName(), groups, permission, resource, id);
    }
}
