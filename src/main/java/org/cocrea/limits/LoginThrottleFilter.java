package org.cocrea.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.cocrea.kernel.Languages;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UrlPathHelper;

/**
 * Throttles failed logins per client address and per account ({@code cocrea.limits.login}) on every way in with a
 * password: the login form ({@code POST /login}, the one login of the staff pages and the Camunda webapps, whose own
 * login form is closed) and HTTP Basic on {@code /engine-rest}. It runs
 * before Spring Security and Camunda's filters, so a refused attempt never reaches the password check. Camunda's own
 * per-user delay and lock are off ({@code camunda.bpm.generic-properties}), since they let anyone lock a chosen user
 * out; this filter replaces them.
 *
 * <p>A refused attempt gets 429 with {@code Retry-After} (seconds): the page {@code error/429} for the form login, a
 * JSON body shaped like Camunda's errors ({@code {"type":"TooManyRequests","message":"..."}}) for {@code /engine-rest}. A
 * login has failed when the form login redirects to {@code /login?error}, or {@code /engine-rest} answers 401.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    /** Request attributes the 429 page reads. */
    static final String RETRY_SECONDS = "retryAfterSeconds";
    static final String RETRY_MINUTES = "retryAfterMinutes";

    private enum Channel { FORM, ENGINE_REST }

    private final AbuseLimits limits;
    private final LocaleResolver locales;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final UrlPathHelper paths = new UrlPathHelper();

    LoginThrottleFilter(AbuseLimits limits, LocaleResolver locales, MessageSource messages, ObjectMapper json) {
        this.limits = limits;
        this.locales = locales;
        this.messages = messages;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Channel channel = limits.enabled() ? channel(request) : null;
        if (channel == null) {
            chain.doFilter(request, response);
            return;
        }
        AbuseLimits.LoginAttempt attempt;
        try {
            attempt = limits.startLogin(request, user(channel, request));
        } catch (TooManyRequestsException e) {
            refuse(channel, request, response, e);
            return;
        }
        boolean failed = false;
        try {
            chain.doFilter(request, response);
            failed = failed(channel, response);
        } finally {
            if (!failed) {
                attempt.succeeded();
            }
        }
    }

    private Channel channel(HttpServletRequest request) {
        String path = paths.getPathWithinApplication(request);
        boolean post = "POST".equals(request.getMethod());
        if (post && path.equals("/login")) {
            return Channel.FORM;
        }
        if ((path.equals("/engine-rest") || path.startsWith("/engine-rest/")) && basic(request) != null) {
            return Channel.ENGINE_REST;
        }
        return null;
    }

    private static String basic(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6) ? header.substring(6).trim() : null;
    }

    /** The account tried: the form's {@code username}, or the user of the Basic credentials. */
    private static String user(Channel channel, HttpServletRequest request) {
        if (channel != Channel.ENGINE_REST) {
            return request.getParameter("username");
        }
        try {
            String credentials = new String(Base64.getDecoder().decode(basic(request)), StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon < 0 ? credentials : credentials.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null; // not Base64: the engine refuses it, and the client's allowance still counts it
        }
    }

    private static boolean failed(Channel channel, HttpServletResponse response) {
        if (channel == Channel.FORM) {
            String location = response.getHeader(HttpHeaders.LOCATION);
            return response.getStatus() == HttpServletResponse.SC_FOUND && location != null
                    && location.contains("/login?error");
        }
        return response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED;
    }

    private void refuse(Channel channel, HttpServletRequest request, HttpServletResponse response,
            TooManyRequestsException e) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        if (channel == Channel.FORM) {
            request.setAttribute(RETRY_SECONDS, e.retryAfterSeconds());
            request.setAttribute(RETRY_MINUTES, e.retryAfterMinutes());
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value()); // rendered by Boot's error page: error/429
            return;
        }
        Locale locale = Languages.supported(locales.resolveLocale(request));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getWriter(), Map.of("type", "TooManyRequests", "message",
                messages.getMessage("limits.login", new Object[] {e.retryAfterSeconds()}, locale)));
    }
}
