package org.cocrea.workflow;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the Camunda version out of what the webapps send to anyone who asks: Camunda 7 writes its version into the
 * pages, scripts and style sheets of {@code /camunda/app/**} (the footer's {@code version="v7.24.0"} and every
 * {@code ?bust=7.24.0} cache-busting parameter), which the login page serves to anonymous visitors. This filter
 * replaces it, in HTML, JavaScript and CSS answers under {@code /camunda/} except the internal API
 * ({@code /camunda/api/**}), by an opaque token: random for each start of the application, so cache busting still
 * works after an upgrade, and not derivable from the version. The footer then shows no version.
 *
 * <p>Administrators still see the version where Camunda shows it to logged-in users (Admin, System, Diagnostics,
 * read through the authenticated internal API). Rule source: OWASP ASVS 4.0.3, V14.3.3 (no version information of
 * components in responses).
 */
@Configuration(proxyBeanMethods = false)
public class WebappVersionMask {

    /**
     * Registers the filter before every other filter, so it wraps Camunda's {@code ProcessEnginesFilter}, which
     * writes the index pages itself.
     *
     * @return the registration on {@code /camunda/*}
     */
    @Bean
    FilterRegistrationBean<VersionMaskFilter> webappVersionMaskFilter() {
        FilterRegistrationBean<VersionMaskFilter> registration = new FilterRegistrationBean<>(
                new VersionMaskFilter(ProductPropertiesUtil.getProductVersion(), randomToken()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static String randomToken() {
        byte[] bytes = new byte[8];
        new SecureRandom().nextBytes(bytes);
        return "c" + HexFormat.of().formatHex(bytes);
    }

    /** The filter itself; package-private for tests. */
    static final class VersionMaskFilter extends OncePerRequestFilter {

        private final String version;
        private final String footerVersion;
        private final String token;

        /**
         * @param version the Camunda version to hide, e.g. {@code 7.24.0}; blank disables the filter
         * @param token   what to write instead (letters and digits)
         */
        VersionMaskFilter(String version, String token) {
            this.version = version == null ? "" : version.trim();
            this.footerVersion = "version=\"v" + this.version + "\"";
            this.token = token;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String method = request.getMethod();
            return version.isEmpty() || path.startsWith("/camunda/api/")
                    || !("GET".equals(method) || "HEAD".equals(method));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
            // A byte range of the original would not match the rewritten body: always answer the whole resource.
            chain.doFilter(new WithoutRange(request), wrapper);
            String type = wrapper.getContentType() == null ? "" : wrapper.getContentType().toLowerCase(Locale.ROOT);
            boolean text = type.startsWith("text/html") || type.contains("javascript") || type.startsWith("text/css");
            byte[] body = wrapper.getContentAsByteArray();
            if (!text || body.length == 0) {
                wrapper.copyBodyToResponse();
                return;
            }
            Charset charset = wrapper.getCharacterEncoding() == null ? StandardCharsets.UTF_8
                    : Charset.forName(wrapper.getCharacterEncoding());
            String original = new String(body, charset);
            if (!original.contains(version)) {
                wrapper.copyBodyToResponse();
                return;
            }
            byte[] masked = original.replace(footerVersion, "version=\"\"").replace(version, token)
                    .getBytes(charset);
            wrapper.resetBuffer();
            response.setContentLength(masked.length);
            response.getOutputStream().write(masked);
            response.flushBuffer();
        }
    }

    /** The request without {@code Range} / {@code If-Range} headers. */
    private static final class WithoutRange extends HttpServletRequestWrapper {

        WithoutRange(HttpServletRequest request) {
            super(request);
        }

        private static boolean hidden(String name) {
            return "range".equalsIgnoreCase(name) || "if-range".equalsIgnoreCase(name);
        }

        @Override
        public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !hidden(name)).toList());
        }
    }
}
