package org.cocrea.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;

/**
 * What every error answer of the site decides the same way: whether a path answers JSON (the public API under
 * {@code /api/} and the open-data files ending in {@code .json}) or the site's HTML error page; the human label of a
 * refused field on that page; and the link back to the page the visitor came from.
 */
final class ErrorResponses {

    /** Paths whose errors are left to their own machinery (Camunda's REST API and webapps, Actuator, OpenAPI). */
    private static final List<String> OWN_ERRORS = List.of("/engine-rest", "/camunda/", "/actuator", "/v3/api-docs",
            "/swagger-ui");

    private ErrorResponses() {
    }

    /**
     * @param path the request path within the application, e.g. {@code /co-creation/3/figures.json}; may be null
     * @return whether its errors are JSON: {@code /api/**} and {@code *.json}
     */
    static boolean answersJson(String path) {
        return path != null && (path.startsWith("/api/") || path.endsWith(".json"));
    }

    /**
     * @param path the request path within the application; may be null
     * @return whether its errors are the site's HTML page whatever the client's {@code Accept} header says (a
     *         client without one, such as {@code curl}, gets the same page as a browser): every path but the JSON
     *         ones ({@link #answersJson}) and those with their own error handling (engine REST, Camunda webapps,
     *         Actuator, OpenAPI)
     */
    static boolean answersHtml(String path) {
        return path != null && !answersJson(path) && OWN_ERRORS.stream().noneMatch(path::startsWith);
    }

    /**
     * @param messages the bundles
     * @param field    a request parameter's name as sent, e.g. {@code consent}
     * @param locale   the reader's language
     * @return its label for people ({@code field.<name>} in the bundles, e.g. "Consentimiento"), else the name
     */
    static String fieldLabel(MessageSource messages, String field, Locale locale) {
        if (field == null) {
            return null;
        }
        return messages.getMessage("field." + field, null, field, locale);
    }

    /**
     * The page the visitor came from, for the error page's "back" link: the {@code Referer} when it is a page of
     * this site (same host, or a relative address), as a path with its query; never another site's address.
     *
     * @param request the request that failed (on an error dispatch, the headers are the original request's)
     * @return the path, e.g. {@code /proposals/CC-ABC?lang=en}; null when there is none or it is not this site's
     */
    static String backLink(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null || referer.isBlank() || referer.length() > 2000) {
            return null;
        }
        try {
            URI uri = new URI(referer.strip());
            if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(request.getServerName())) {
                return null;
            }
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return null;
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
