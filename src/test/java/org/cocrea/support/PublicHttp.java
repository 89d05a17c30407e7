package org.cocrea.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser-like client of the application under test over real HTTP (its own cookie jar, so its own session and
 * CSRF token): what a visitor's browser or an API client sends, including bodies MockMvc cannot build (truncated
 * multipart, raw bytes).
 */
public final class PublicHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrf;

    /** @param port the random port of the application ({@code @LocalServerPort}) */
    public PublicHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Opens a page and keeps the CSRF token of its form (Spring Security's {@code _csrf} hidden field).
     *
     * @param path e.g. {@code /subscribe}
     * @return the response
     */
    public HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    /**
     * Posts a form ({@code application/x-www-form-urlencoded}) with the CSRF token of the last page opened.
     *
     * @param path   form action
     * @param fields field name and values (a list for repeated fields)
     * @return the response
     */
    public HttpResponse<String> postForm(String path, Map<String, ?> fields) {
        StringBuilder body = new StringBuilder();
        if (csrf != null) {
            body.append("_csrf=").append(URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        }
        fields.forEach((name, value) -> {
            List<?> values = value instanceof List<?> l ? l : List.of(value);
            for (Object v : values) {
                body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
            }
        });
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    /**
     * Posts raw bytes with a content type, as a client that builds its own body would.
     *
     * @param path        target
     * @param contentType the {@code Content-Type} header
     * @param body        the bytes sent
     * @return the response
     */
    public HttpResponse<String> post(String path, String contentType, byte[] body) {
        return post(path, contentType, body, Map.of());
    }

    /**
     * As {@link #post(String, String, byte[])}, with more headers (e.g. {@code X-CSRF-TOKEN}, so that Spring
     * Security does not read the body for the token).
     *
     * @param headers header name to value
     * @return the response
     */
    public HttpResponse<String> post(String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request);
    }

    /**
     * A GET of a path sent as is (already percent-encoded by the caller), without reading a CSRF token.
     *
     * @param rawPath the path, e.g. {@code /my-data/%ED%A0%80}
     * @return the response
     */
    public HttpResponse<String> getRaw(String rawPath) {
        return send(HttpRequest.newBuilder(URI.create(base + rawPath)).GET());
    }

    /** {@code server.max-http-request-header-size} of application.yaml. */
    static final int MAX_REQUEST_HEADERS = 64 * 1024;
    /**
     * What {@link #rawStatus} returns when the server closed the connection while a request longer than
     * {@link #MAX_REQUEST_HEADERS} was still being sent (its 400 was lost with the connection).
     */
    public static final int REFUSED_WHILE_SENDING = 400;

    /**
     * Sends a request line as is over a plain socket (for paths {@link URI} refuses, e.g. a malformed escape), with
     * this client's cookies left out.
     *
     * @param method  e.g. {@code GET}
     * @param rawPath the path exactly as it goes on the request line
     * @return the status code of the answer; {@link #REFUSED_WHILE_SENDING} when the server closed the connection
     *         while an over-long request was still being written
     */
    public int rawStatus(String method, String rawPath) {
        URI uri = URI.create(base);
        byte[] request = (method + " " + rawPath + " HTTP/1.1\r\nHost: " + uri.getHost() + ":"
                + uri.getPort() + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(60_000);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (SocketException closed) {
                if (request.length > MAX_REQUEST_HEADERS) {
                    // Tomcat answers a request line over server.max-http-request-header-size with a 400 and closes
                    // the connection without reading the rest: whether the client is still writing then is a
                    // matter of timing, and a reset while writing is the same refusal
                    return REFUSED_WHILE_SENDING;
                }
                throw closed;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(
                    socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String status = in.readLine();
            if (status == null || !status.startsWith("HTTP/1.1 ")) {
                throw new IllegalStateException("no HTTP answer to " + method + " " + rawPath + ": " + status);
            }
            return Integer.parseInt(status.substring(9, 12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the CSRF token of the last page opened, null if none */
    public String csrf() {
        return csrf;
    }

    /**
     * Logs in through the login form ({@code /login}) as a Camunda user.
     *
     * @param user     user id
     * @param password password
     * @throws IllegalStateException when the login is refused
     */
    public void login(String user, String password) {
        get("/login");
        HttpResponse<String> r = postForm("/login", Map.of("username", user, "password", password));
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login of " + user + " refused: " + r.statusCode() + " " + location);
        }
    }

    /**
     * @param fields form fields
     * @return them URL-encoded, for a body built by hand
     */
    public static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
