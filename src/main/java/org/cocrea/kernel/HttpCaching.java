package org.cocrea.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * HTTP validation caching of public pages and open data whose content depends only on data whose last change is cheap
 * to know: the caller passes a version of that data (e.g. counts and latest change times read in one SQL statement)
 * and whatever else the representation depends on (the language, today's date), and gets a strong {@code ETag} made
 * of them, of the path and of this application's start (so a new release never answers 304 with an old template).
 *
 * <p>Cacheable responses get {@code Cache-Control: public, no-cache} (caches may keep them but must revalidate every
 * time: the data may change at any moment) and {@code Vary: Accept-Language, Cookie} (the language comes from the
 * {@code cocrea-lang} cookie or the browser). A request with {@code If-None-Match} (or {@code If-Modified-Since}
 * without it) that matches is answered 304 before anything is read or rendered. Not cacheable, and left without
 * any of these headers (so Spring Security's {@code no-cache, no-store} applies): requests of a logged-in user (the
 * navigation shows their name and staff links) and requests with {@code ?lang=} (the response sets the language
 * cookie). A request that does not match gets, when this node has it, the response rendered earlier for the same
 * ETag ({@link RenderedResponses}), so a page is read and rendered once per version of its data, not per reader.
 */
public final class HttpCaching {

    /** This application's start: part of every ETag, so a new release (new templates) never answers 304. */
    private static final String STARTED = Long.toString(Instant.now().toEpochMilli(), 36);

    private HttpCaching() {
    }

    /**
     * Sets the caching headers on a cacheable response and tells whether the client's copy is still current.
     *
     * @param request  the request (its path, {@code If-None-Match}, {@code If-Modified-Since}, user and parameters)
     * @param response the response, which gets {@code ETag}, {@code Cache-Control} and {@code Vary} when cacheable;
     *                 the status 304 when not modified
     * @param parts    what the representation depends on besides the path (a data version, the language, the date);
     *                 compared through their {@code toString()}
     * @return true when the response is complete and the caller must return without reading or rendering anything
     *         ({@code null} from a handler method that takes the {@code HttpServletResponse}): a 304, or a 200 with
     *         the bytes that {@link RenderedResponses} kept from an earlier rendering of the same ETag; false
     *         otherwise, including for non-cacheable requests (the caller renders; a cacheable 200 is then kept)
     * @throws UncheckedIOException when the kept bytes cannot be written (the client went away)
     */
    public static boolean notModified(HttpServletRequest request, HttpServletResponse response, Object... parts) {
        if (!cacheable(request)) {
            return false;
        }
        response.setHeader("Cache-Control", "public, no-cache");
        if (!response.getHeaders("Vary").contains("Accept-Language, Cookie")) {
            response.addHeader("Vary", "Accept-Language, Cookie");
        }
        String etag = etag(request.getRequestURI(), parts);
        if (new ServletWebRequest(request, response).checkNotModified(etag)) {
            return true;
        }
        try {
            return request.getAttribute(RenderedResponses.ATTRIBUTE) instanceof RenderedResponses rendered
                    && rendered.answer(request, response, etag);
        } catch (IOException e) {
            throw new UncheckedIOException("the stored response could not be written to the client", e);
        }
    }

    /**
     * Answers a request whose response is already known, before the caller reads anything to check the request: when
     * the client's {@code If-None-Match} holds the ETag of these parts (a 304) or this node kept the rendering of
     * this path, query and parts ({@link RenderedResponses}). Both exist only for a request that was valid for that
     * version of the data (validators and renderings are only given to valid requests), so checking the parameters
     * again would find nothing new. Otherwise the response is left untouched (no validator on what may turn out to
     * be a 400), and the caller checks the request and then calls {@link #notModified}.
     *
     * @param request  the request
     * @param response the response
     * @param parts    as for {@link #notModified}
     * @return true when the response is complete (the caller returns {@code null})
     * @throws UncheckedIOException when the kept bytes cannot be written (the client went away)
     */
    public static boolean answeredEarlier(HttpServletRequest request, HttpServletResponse response, Object... parts) {
        if (!cacheable(request)) {
            return false;
        }
        String etag = etag(request.getRequestURI(), parts);
        boolean clientCurrent = false;
        for (var values = request.getHeaders("If-None-Match"); values != null && values.hasMoreElements();) {
            for (String value : values.nextElement().split(",")) {
                String tag = value.trim();
                clientCurrent |= tag.equals(etag) || tag.equals("W/" + etag);
            }
        }
        boolean kept = request.getAttribute(RenderedResponses.ATTRIBUTE) instanceof RenderedResponses rendered
                && rendered.has(request, etag);
        return (clientCurrent || kept) && notModified(request, response, parts);
    }

    /**
     * @param request a request
     * @return whether its response may be cached by anyone: an anonymous request without {@code ?lang=}
     */
    public static boolean cacheable(HttpServletRequest request) {
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        return read && request.getUserPrincipal() == null && request.getParameter("lang") == null;
    }

    /**
     * An H2 SQL aggregate that digests the given row expressions of every row of a query, for a data version that
     * sees an edit in place (a renamed area, a reassigned lead area) and not only counts and change times: SHA-256
     * over the rows joined in {@code order}. H2 is the first-run demo's database; on PostgreSQL the versions are
     * counters raised by triggers ({@link ContentVersions}), one primary-key lookup per request.
     *
     * @param columns column expressions of one row, each a text, number or date (nulls are skipped)
     * @param order   the order of the rows, e.g. {@code id}
     * @return the aggregate expression
     */
    public static String digest(String columns, String order) {
        String row = "concat_ws('|', " + columns + ")";
        return "rawtohex(hash('SHA-256', listagg(" + row + ", ',') within group (order by " + order + ")))";
    }

    /**
     * @param jdbc a connection pool
     * @return whether it is PostgreSQL (else H2), for {@link #digest}
     */
    public static boolean isPostgres(JdbcTemplate jdbc) {
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData()
                .getDatabaseProductName());
        return product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
    }

    /** @return a strong ETag, quoted: a SHA-256 of the start, the path and the parts, 128 bits in hex */
    static String etag(String path, Object... parts) {
        StringBuilder text = new StringBuilder(STARTED).append('\n').append(path);
        for (Object part : parts) {
            // an absent part (no query string) is no text a part could be: "?null" must not share the plain page's
            text.append('\n').append(part == null ? "\u0000" : part);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
