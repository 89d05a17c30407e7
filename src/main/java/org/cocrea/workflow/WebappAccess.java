package org.cocrea.workflow;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What the engine lets a user open in the Camunda webapps, read from the same Camunda authorizations the webapps
 * check ({@code APPLICATION} resource with {@code ACCESS}; {@code DEPLOYMENT} with {@code CREATE}; granted in
 * {@link IdentitySetup}). The navigation ({@code org.cocrea.web.Navigation}) asks here, so that Camunda stays in
 * this package.
 */
@Component
public class WebappAccess {

    private final AuthorizationService authorizations;

    WebappAccess(@Lazy AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    /**
     * @param user   the Camunda user id
     * @param groups the user's Camunda group ids
     * @param webapp a Camunda webapp: {@code tasklist}, {@code cockpit} or {@code admin}
     * @return whether those groups (or the user) have {@code ACCESS} to the webapp
     */
    public boolean mayOpen(String user, List<String> groups, String webapp) {
        return authorizations.isUserAuthorized(user, groups, Permissions.ACCESS, Resources.APPLICATION, webapp);
    }

    /**
     * @param user   the Camunda user id
     * @param groups the user's Camunda group ids
     * @return whether the user may deploy process models (Camunda Modeler's deploy): {@code CREATE} on
     *     {@code DEPLOYMENT}
     */
    public boolean mayDeploy(String user, List<String> groups) {
        return authorizations.isUserAuthorized(user, groups, Permissions.CREATE, Resources.DEPLOYMENT, "*");
    }
}
