package org.cocrea.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.cocrea.workflow.EngineUserAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a session opened at {@code /login} ({@link EngineUserAuthenticationProvider.EngineLogin}) in step with the engine's identity service at every request (the login
 * stores the user's groups once): a user deleted since is logged out (session invalidated, so the request goes on as
 * anonymous: {@code /login} for pages, 401 for the webapps' API), and a user whose groups changed goes on with the
 * current groups, on the staff pages and, through {@code org.cocrea.workflow.SpringSecurityWebappAuthentication}, in
 * the Camunda webapps. Runs in the Spring Security chain before the anonymous filter
 * ({@link SecurityConfiguration}); costs two indexed queries per request of a logged-in user.
 */
final class CurrentAccountFilter extends OncePerRequestFilter {

    private final EngineUserAuthenticationProvider accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    CurrentAccountFilter(EngineUserAuthenticationProvider accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication login = SecurityContextHolder.getContext().getAuthentication();
        if (login instanceof EngineUserAuthenticationProvider.EngineLogin engineLogin && login.isAuthenticated()) {
            Authentication current = accounts.current(engineLogin).orElse(null);
            if (current == null) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (current != login) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(current);
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
