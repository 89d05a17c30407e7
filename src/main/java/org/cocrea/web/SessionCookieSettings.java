package org.cocrea.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Flags of the session cookie ({@code JSESSIONID}), shared by the staff pages and Camunda's webapps: always
 * {@code HttpOnly} and {@code SameSite=Lax}; {@code Secure} when the public address of the installation
 * ({@code cocrea.public-base-url}, environment variable {@code PUBLIC_BASE_URL}) is {@code https}.
 *
 * <p>The flags are derived once, before the application starts, into Spring Boot's
 * {@code server.servlet.session.cookie.*} (cookies Tomcat writes) and Camunda's
 * {@code camunda.bpm.webapp.session-cookie.*} (cookies its {@code SessionCookieFilter} rewrites on {@code /camunda/*}),
 * so both agree. A value set explicitly in any configuration source wins. Rule source: OWASP ASVS 4.0.3, V3.4.1
 * ({@code Secure}), V3.4.2 ({@code HttpOnly}) and V3.4.3 ({@code SameSite}).
 *
 * <p>Registered in {@code META-INF/spring.factories}.
 */
public class SessionCookieSettings implements EnvironmentPostProcessor {

    /** Name of the property source this class adds (last in precedence). */
    public static final String SOURCE = "cocreaSessionCookie";

    /**
     * Adds the derived cookie properties that are not already set.
     *
     * @param environment the environment being prepared; read for {@code cocrea.public-base-url}
     * @param application the application (unused)
     */
    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean https = isHttps(environment.getProperty("cocrea.public-base-url"));
        Map<String, Object> derived = new LinkedHashMap<>();
        putIfAbsent(environment, derived, "server.servlet.session.cookie.http-only", "true");
        putIfAbsent(environment, derived, "server.servlet.session.cookie.same-site", "lax");
        putIfAbsent(environment, derived, "server.servlet.session.cookie.secure", Boolean.toString(https));
        putIfAbsent(environment, derived, "camunda.bpm.webapp.session-cookie.enable-same-site-cookie", "true");
        putIfAbsent(environment, derived, "camunda.bpm.webapp.session-cookie.same-site-cookie-option", "LAX");
        putIfAbsent(environment, derived, "camunda.bpm.webapp.session-cookie.enable-secure-cookie", Boolean.toString(https));
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, derived));
    }

    /**
     * @param publicBaseUrl the installation's public address, may be null or malformed
     * @return true only for a well-formed {@code https://} address (case-insensitive scheme)
     */
    static boolean isHttps(String publicBaseUrl) {
        if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
            return false;
        }
        try {
            String scheme = URI.create(publicBaseUrl.trim()).getScheme();
            return scheme != null && "https".equals(scheme.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void putIfAbsent(ConfigurableEnvironment environment, Map<String, Object> derived, String name,
            String value) {
        if (!environment.containsProperty(name)) {
            derived.put(name, value);
        }
    }
}
