package org.cocrea.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Chooses the error answer by the path that failed, not by the client's {@code Accept} header: Spring Boot's error
 * controller answers JSON to a client that does not ask for HTML (no {@code Accept}, or {@code *}{@code /*}) and HTML
 * to a browser, so {@code curl /co-creation/999} got Spring's raw JSON and a browser opening
 * {@code /co-creation/999/figures.json} got the HTML page. On the error dispatch only, this filter makes the
 * {@code Accept} header say {@code application/json} for the JSON paths and {@code text/html} for the site's pages
 * ({@link ErrorResponses}); the original request is not changed.
 */
@Configuration(proxyBeanMethods = false)
class ErrorDispatchNegotiation {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> errorDispatchAccept() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new AcceptByPath());
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.addUrlPatterns("/*");
        return registration;
    }

    static final class AcceptByPath extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getDispatcherType() != DispatcherType.ERROR
                    || !(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri)) {
                chain.doFilter(request, response);
                return;
            }
            String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
            String accept = ErrorResponses.answersJson(path) ? MediaType.APPLICATION_JSON_VALUE
                    : ErrorResponses.answersHtml(path) ? MediaType.TEXT_HTML_VALUE : null;
            chain.doFilter(accept == null ? request : new WithAccept(request, accept), response);
        }
    }

    private static final class WithAccept extends HttpServletRequestWrapper {

        private final String accept;

        WithAccept(HttpServletRequest request, String accept) {
            super(request);
            this.accept = accept;
        }

        @Override
        public String getHeader(String name) {
            return "accept".equalsIgnoreCase(name) ? accept : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "accept".equalsIgnoreCase(name) ? Collections.enumeration(List.of(accept))
                    : super.getHeaders(name);
        }
    }
}
