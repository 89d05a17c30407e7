package org.cocrea.web;

import java.util.Optional;

import org.cocrea.workflow.EngineUserAuthenticationProvider;
import org.cocrea.workflow.WebappAccess;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Which Camunda webapps the navigation offers the logged-in user: exactly those the engine would let the user's groups
 * open ({@link WebappAccess}). Used by {@code templates/fragments.html} as {@code @navigation}; the staff link itself
 * follows Spring Security's rule for {@code /staff/**}.
 */
@Component("navigation")
public class Navigation {

    /** Longest parameter name or value, encoded, the language link keeps. */
    static final int MAX_KEPT = 600;

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

    /**
     * The header's link to the other language: the same page with the same query string (the list's filters, its
     * search and page), only {@code lang} replaced, so that switching language keeps what the visitor was looking at.
     * A parameter or value longer than {@value #MAX_KEPT} characters (encoded) is left out: no page takes one, and the
     * refusal page of such a request must not repeat it.
     *
     * @param language the language to switch to, {@code es} or {@code en}
     * @return a relative link of the current page, e.g. {@code ?axis=ambiente&q=agua&lang=en} (the other parameters
     *         as the request sent them, already encoded)
     */
    public String languageSwitch(String language) {
        UriComponentsBuilder link = UriComponentsBuilder.newInstance();
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getQueryString() != null) {
            UriComponentsBuilder.newInstance().query(attributes.getRequest().getQueryString()).build()
                    .getQueryParams().forEach((name, values) -> {
                        if (!"lang".equals(name) && name.length() <= MAX_KEPT) {
                            values.stream().filter(v -> v == null || v.length() <= MAX_KEPT)
                                    .forEach(v -> link.queryParam(name, v));
                        }
                    });
        }
        link.queryParam("lang", "en".equals(language) ? "en" : "es");
        return "?" + link.build().getQuery();
    }

    private static Optional<Authentication> currentUser() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        boolean loggedIn = user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken);
        return loggedIn ? Optional.of(user) : Optional.empty();
    }
}
