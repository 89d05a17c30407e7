package org.cocrea.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.cocrea.support.CocreaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9.7, over real HTTP (Tomcat writes the cookies, not MockMvc): the session cookie's flags, the
 * Content-Security-Policy of the application's pages, and no Camunda version in what the webapps serve to an
 * anonymous visitor.
 */
@CocreaIntegrationTest
class HardeningTests {

    static final String VERSION = ProductPropertiesUtil.getProductVersion();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteLaxWithoutSecureOnAnHttpAddress() throws Exception {
        HttpResponse<String> login = get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        String cookie = sessionCookie(login);
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .doesNotContainIgnoringCase("Secure");
    }

    @Test
    void camundaLoginSessionCookieIsSameSiteLaxToo() throws Exception {
        String cookie = sessionCookie(get("/camunda/api/engine/engine/"));
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    private static String sessionCookie(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login", "/proposals/new", "/dashboard", "/action-plan", "/round-tables",
            "/subscribe", "/no-such-page"})
    void applicationPagesCarryTheContentSecurityPolicy(String path) throws Exception {
        HttpResponse<String> page = get(path);
        assertThat(page.headers().allValues("Content-Security-Policy"))
                .containsExactly(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY).contains("default-src 'self'", "script-src 'none'",
                "object-src 'none'", "frame-ancestors 'self'", "form-action 'self'");
    }

    @Test
    void camundaWebappsKeepTheirOwnSinglePolicy() throws Exception {
        HttpResponse<String> tasklist = get("/camunda/app/tasklist/default/");
        assertThat(tasklist.statusCode()).isEqualTo(200);
        List<String> policies = tasklist.headers().allValues("Content-Security-Policy");
        assertThat(policies).hasSize(1);
        assertThat(policies.get(0)).contains("nonce-").isNotEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"welcome", "tasklist", "cockpit", "admin"})
    void anonymousVisitorsSeeNoCamundaVersionInTheWebapps(String app) throws Exception {
        assertThat(VERSION).matches("\\d+\\.\\d+\\.\\d+.*");
        HttpResponse<String> index = get("/camunda/app/" + app + "/default/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).doesNotContain(VERSION).doesNotContain("version=\"v");
        Matcher bust = Pattern.compile("camunda-" + app + "-bootstrap\\.js\\?bust=([A-Za-z0-9]+)").matcher(index.body());
        assertThat(bust.find()).as("the index still loads its bootstrap script with a cache-busting token").isTrue();
        for (String asset : List.of("/camunda/app/" + app + "/camunda-" + app + "-bootstrap.js",
                "/camunda/app/" + app + "/camunda-" + app + "-bootstrap.css")) {
            HttpResponse<String> response = get(asset + "?bust=" + bust.group(1));
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.body()).as(asset).doesNotContain(VERSION).contains(bust.group(1));
            assertThat(response.headers().firstValueAsLong("Content-Length")).as(asset)
                    .hasValue(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void aRangeRequestGetsTheWholeMaskedScript() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/camunda/app/tasklist/camunda-tasklist-bootstrap.js")).header("Range", "bytes=0-99").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain(VERSION).hasSizeGreaterThan(1000);
    }
}
