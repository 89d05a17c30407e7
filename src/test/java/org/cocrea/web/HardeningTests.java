package org.cocrea.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.LoginSession;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9.7, over real HTTP (Tomcat writes the cookies, not MockMvc): the session cookie's flags, the
 * Content-Security-Policy of the application's pages, and no Camunda version in what the webapps serve (anonymous
 * visitors only get a redirect to {@code /login}; a logged-in user without admin rights gets the masked pages).
 */
@CocreaIntegrationTest
class HardeningTests {

    static final String VERSION = ProductPropertiesUtil.getProductVersion();

    static final String USER = "hardening-ambiente";
    static final String ADMIN = "hardening-admin";

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;

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
    void theSessionCookieAfterTheOneLoginIsSameSiteLaxToo() throws Exception {
        // the login changes the session id (session fixation); the new cookie, shared with the webapps, keeps the flags
        fixtures.user(USER, USER + "@areas.example.org", "area-ambiente");
        HttpResponse<String> login = new LoginSession(port).submitLogin(USER, "secret");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(sessionCookie(login)).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    /** An area user (Tasklist only), logged in at {@code /login}, the one login of the webapps. */
    private LoginSession areaUser() throws Exception {
        fixtures.user(USER, USER + "@areas.example.org", "area-ambiente");
        return new LoginSession(port).logIn(USER, "secret");
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
        HttpResponse<String> tasklist = areaUser().get("/camunda/app/tasklist/default/");
        assertThat(tasklist.statusCode()).isEqualTo(200);
        List<String> policies = tasklist.headers().allValues("Content-Security-Policy");
        assertThat(policies).hasSize(1);
        assertThat(policies.get(0)).contains("nonce-").isNotEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"welcome", "tasklist", "cockpit", "admin"})
    void usersSeeNoCamundaVersionInTheWebapps(String app) throws Exception {
        assertThat(VERSION).matches("\\d+\\.\\d+\\.\\d+.*");
        HttpResponse<String> anonymous = get("/camunda/app/" + app + "/default/");
        assertThat(anonymous.statusCode()).as("anonymous visitors are sent to /login").isEqualTo(302);
        assertThat(anonymous.body()).doesNotContain(VERSION);
        // Cockpit and Admin open only for their users: an administrator opens all four.
        fixtures.user(ADMIN, ADMIN + "@gobierno.example.org", "camunda-admin");
        LoginSession user = new LoginSession(port).logIn(ADMIN, "secret");
        HttpResponse<String> index = user.get("/camunda/app/" + app + "/default/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).doesNotContain(VERSION).doesNotContain("version=\"v");
        // camunda-tasklist-bootstrap.js on Camunda, operaton-tasklist-bootstrap.js on Operaton
        Matcher bust = Pattern.compile("/app/" + app + "/([a-z]+-" + app + "-bootstrap)\\.js\\?bust=([A-Za-z0-9]+)")
                .matcher(index.body());
        assertThat(bust.find()).as("the index still loads its bootstrap script with a cache-busting token").isTrue();
        for (String asset : List.of("/camunda/app/" + app + "/" + bust.group(1) + ".js",
                "/camunda/app/" + app + "/" + bust.group(1) + ".css")) {
            HttpResponse<String> response = user.get(asset + "?bust=" + bust.group(2));
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.body()).as(asset).doesNotContain(VERSION).contains(bust.group(2));
            assertThat(response.headers().firstValueAsLong("Content-Length")).as(asset)
                    .hasValue(response.body().getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void everyWebappPageCarriesTheNonceOfItsOwnPolicyUnderConcurrentRequests() throws Exception {
        fixtures.user(ADMIN, ADMIN + "@gobierno.example.org", "camunda-admin");
        LoginSession user = new LoginSession(port).logIn(ADMIN, "secret");
        Pattern headerNonce = Pattern.compile("'nonce-([^']+)'");
        Pattern pageNonce = Pattern.compile("nonce=\"([^\"]+)\"");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> requests = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                // API calls write a nonce too (every /camunda answer carries the policy), as a loading page's do.
                String path = i % 2 == 0 ? "/camunda/app/tasklist/default/"
                        : "/camunda/api/engine/engine/default/task/count";
                requests.add(() -> {
                    HttpResponse<String> response = user.get(path);
                    if (!path.contains("/app/")) {
                        return null;
                    }
                    Matcher header = headerNonce.matcher(
                            response.headers().firstValue("Content-Security-Policy").orElse(""));
                    Matcher page = pageNonce.matcher(response.body());
                    assertThat(header.find()).as("the policy has a nonce").isTrue();
                    assertThat(page.find()).as("the page has a nonce").isTrue();
                    return header.group(1).equals(page.group(1)) ? null
                            : "policy " + header.group(1) + ", page " + page.group(1);
                });
            }
            List<String> mismatches = new ArrayList<>();
            for (Future<String> result : pool.invokeAll(requests)) {
                if (result.get() != null) {
                    mismatches.add(result.get());
                }
            }
            assertThat(mismatches).as("pages whose scripts the browser would block").isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRangeRequestGetsTheWholeMaskedScript() throws Exception {
        HttpResponse<String> response = areaUser().get("/camunda/app/tasklist/camunda-tasklist-bootstrap.js",
                "Range", "bytes=0-99");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain(VERSION).hasSizeGreaterThan(1000);
    }
}
