package org.cocrea.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with 400, before any other filter, the request paths Spring Security's firewall refuses anyway (e.g. a
 * doubled slash, {@code /camunda/api//engine/...}, or {@code /./} and {@code /../} segments). Without it such a path
 * under one of the Camunda webapps' servlets ({@code /camunda/api/admin/*}, {@code /camunda/api/engine/*}, ...) got
 * 500: Spring Security's {@code ServletRequestPathFilter}, which runs before the firewall, cannot split the path into
 * the servlet's part and the rest. Uses Spring Security's own {@link StrictHttpFirewall} (its default rules), so the
 * refused paths are exactly those the firewall refuses.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnnormalizedPathFilter extends OncePerRequestFilter {

    private final StrictHttpFirewall firewall = new StrictHttpFirewall();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }
}
