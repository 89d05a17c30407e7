package org.cocrea.support;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like HTTP session (cookies kept, redirects not followed) that logs in once at {@code /login}, the one login
 * of the staff pages and the Camunda webapps, and then calls either: pages with {@link #get}, the webapps' internal API
 * with {@link #post} (which sends the webapps' CSRF token, as Tasklist does).
 */
public final class LoginSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final String[] extraHeaders;

    /**
     * @param port the application's HTTP port
     * @param headers headers sent with every request, name then value (e.g. {@code "X-Forwarded-For", "10.0.0.1"})
     */
    public LoginSession(int port, String... headers) {
        this.base = "http://localhost:" + port;
        this.extraHeaders = headers;
    }

    /**
     * Logs in at {@code /login} and opens Tasklist, as a user does (Tasklist hands out its CSRF token then).
     *
     * @return this session, logged in
     * @throws AssertionError when the login is refused
     */
    public LoginSession logIn(String user, String password) throws Exception {
        HttpResponse<String> response = submitLogin(user, password);
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("/login")) {
            throw new AssertionError("login of " + user + " refused: " + response.statusCode() + " " + location);
        }
        get("/camunda/app/tasklist/default/");
        return this;
    }

    /**
     * Posts the login form once (with the page's CSRF token), whatever the outcome.
     *
     * @return the answer: 302 to the landing page, 302 to {@code /login?error}, or 429 when throttled
     */
    public HttpResponse<String> submitLogin(String user, String password) throws Exception {
        String page = get("/login").body();
        Matcher csrf = CSRF_FIELD.matcher(page);
        if (!csrf.find()) {
            throw new AssertionError("no CSRF field on the login page");
        }
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        return send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** @return the answer to a GET of {@code path} (redirects are returned, not followed) */
    public HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = request(path).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /**
     * Posts JSON to the webapps' internal API with their CSRF token ({@code X-XSRF-TOKEN}), {@code Origin} and
     * {@code Referer} as Tasklist sends them.
     *
     * @param headers more request headers, name then value, e.g. {@code "Accept-Language", "es"}
     */
    public HttpResponse<String> post(String path, String json, String... headers) throws Exception {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("X-XSRF-TOKEN", webappCsrfToken()).header("Origin", base)
                .header("Referer", base + "/camunda/app/tasklist/default/")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** Posts a form to {@code path} with the webapps' CSRF token, as the webapps' own login form did. */
    public HttpResponse<String> postForm(String path, String form) throws Exception {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", webappCsrfToken()).header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /**
     * Posts a form of one of the application's pages as a browser does: with the CSRF token ({@code _csrf}) that
     * page carries.
     *
     * @param page   the page the form is on, e.g. {@code /staff/migrations/proposal-review}
     * @param action the form's action
     * @param form   the fields, URL-encoded ({@code a=1&b=2})
     * @return the answer (redirects are returned, not followed)
     */
    public HttpResponse<String> submit(String page, String action, String form) throws Exception {
        Matcher csrf = CSRF_FIELD.matcher(get(page).body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF field on " + page);
        }
        return send(request(action).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + csrf.group(1))));
    }

    /** Logs out through the staff pages' form ({@code POST /logout} with the page's CSRF token). */
    public HttpResponse<String> logOutOfTheStaffPages() throws Exception {
        Matcher csrf = CSRF_FIELD.matcher(get("/me/notifications").body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF field on /me/notifications");
        }
        return send(request("/logout").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf.group(1))));
    }

    /** The webapps' CSRF token, from the {@code XSRF-TOKEN} cookie Camunda sets. */
    public String webappCsrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((a, b) -> b).orElse("");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (extraHeaders.length > 0) {
            request.headers(extraHeaders);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
