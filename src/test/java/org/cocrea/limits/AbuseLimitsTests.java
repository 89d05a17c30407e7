package org.cocrea.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cocrea.roundtable.RoundTableScheduler;
import org.cocrea.roundtable.RoundTables;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.LoginSession;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The abuse limits with low settings, on PostgreSQL: every public POST that stores data or mails answers 429 with
 * {@code Retry-After} and a readable page (or the API's JSON error) once a client address, or an e-mail address from
 * any number of clients, is over its allowance; confirmation mails to one address are capped in the outbox while the
 * page stays the same; failed logins are throttled per client and per account on {@code /login} (the one login of the staff
 * pages and the Camunda webapps) and {@code /engine-rest}, and no client can lock a user out.
 *
 * <p>Client addresses: MockMvc requests set their remote address (documentation ranges 198.51.100.0/24 and
 * 203.0.113.0/24); real HTTP requests to the server send {@code X-Forwarded-For}, which Tomcat honours only because
 * this context sets {@code server.forward-headers-strategy=native} and the test connects from 127.0.0.1, a trusted
 * internal proxy. Without that setting the header is ignored.
 */
@CocreaIntegrationTest
@TestPropertySource(properties = {
        "server.forward-headers-strategy=native",
        "cocrea.limits.client.proposal.requests=3",
        "cocrea.limits.client.subscription.requests=3",
        "cocrea.limits.client.registration.requests=3",
        "cocrea.limits.client.comment.requests=3",
        "cocrea.limits.client.my-data.requests=3",
        "cocrea.limits.recipient.proposal.requests=4",
        "cocrea.limits.recipient.subscription.requests=6",
        "cocrea.limits.recipient.registration.requests=4",
        "cocrea.limits.recipient.comment.requests=4",
        "cocrea.limits.confirmation-mail.proposal-received.requests=2",
        "cocrea.limits.confirmation-mail.subscription-confirm.requests=2",
        "cocrea.limits.confirmation-mail.round-table-registration.requests=2",
        "cocrea.limits.login.client.requests=3",
        "cocrea.limits.login.client.per=PT1H",
        "cocrea.limits.login.account.requests=5",
        "cocrea.limits.login.account.per=PT1H"})
class AbuseLimitsTests {

    private static final String VICTIM = "victima@example.org";
    private static final Pattern SECONDS = Pattern.compile("[1-9][0-9]*");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    AbuseLimits limits;
    @Autowired
    ObjectMapper json;
    @Autowired
    RoundTables roundTables;
    @Autowired
    RoundTableScheduler scheduler;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<RoundTableScheduler.Slot> taken = new ArrayList<>();

    @BeforeEach
    void reset() {
        fixtures.reset();
        fixtures.openCall(Duration.ofDays(2));
        limits.clear();
    }

    // ---- public forms: per client address ----------------------------------------------------------------------

    @Test
    void proposalApiOverTheClientLimitGets429WithRetryAfterAndTheApiErrorBody() throws Exception {
        for (int i = 1; i <= 3; i++) {
            mvc.perform(apiProposal("ana" + i + "@example.org").with(from("198.51.100.1")))
                    .andExpect(status().isCreated());
        }
        MvcResult refused = mvc.perform(apiProposal("ana4@example.org").with(from("198.51.100.1")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern(SECONDS)))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].code").value("tooManyRequests"))
                .andExpect(jsonPath("$.errors[0].reason", containsString("Demasiadas solicitudes"))).andReturn();
        // 3 per hour, refilled gradually: the next one is due in at most 20 minutes
        assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After"))).isBetween(1L, 1200L);
        mvc.perform(apiProposal("ana5@example.org").with(from("198.51.100.1")).header("Accept-Language", "en"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.errors[0].reason", containsString("Too many requests")));
        assertThat(rows("proposal")).isEqualTo(3);

        mvc.perform(apiProposal("ana6@example.org").with(from("198.51.100.2"))).andExpect(status().isCreated());
        assertThat(rows("proposal")).isEqualTo(4);
    }

    @Test
    void proposalFormOverTheClientLimitGets429PageInTheVisitorsLanguage() throws Exception {
        for (int i = 1; i <= 3; i++) {
            mvc.perform(formProposal("luis" + i + "@example.org").with(from("198.51.100.3")))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(formProposal("luis4@example.org").with(from("198.51.100.3")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern(SECONDS)))
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("<h1>Demasiadas solicitudes</h1>")))
                .andExpect(content().string(containsString("Podés volver a intentarlo en")));
        mvc.perform(formProposal("luis5@example.org").with(from("198.51.100.3")).header("Accept-Language", "en"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("<h1>Too many requests</h1>")))
                .andExpect(content().string(containsString("You can try again in")));
        assertThat(rows("proposal")).isEqualTo(3);
    }

    @Test
    void subscribeOverTheClientLimitGets429Page() throws Exception {
        for (int i = 1; i <= 3; i++) {
            mvc.perform(subscribe("socia" + i + "@example.org").with(from("198.51.100.4")))
                    .andExpect(status().isOk());
        }
        mvc.perform(subscribe("socia4@example.org").with(from("198.51.100.4")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern(SECONDS)))
                .andExpect(content().string(containsString("<h1>Demasiadas solicitudes</h1>")));
        assertThat(rows("contact")).isEqualTo(3);
    }

    @Test
    void roundTableRegistrationOverTheClientLimitGets429Page() throws Exception {
        long table = scheduledTable("ambiente");
        for (int i = 1; i <= 3; i++) {
            mvc.perform(register(table, "persona" + i + "@example.org").with(from("198.51.100.5")))
                    .andExpect(status().isOk());
        }
        mvc.perform(register(table, "persona4@example.org").with(from("198.51.100.5")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern(SECONDS)))
                .andExpect(content().string(containsString("<h1>Demasiadas solicitudes</h1>")));
        assertThat(rows("round_table_registration")).isEqualTo(3);
    }

    @Test
    void draftCommentsOverTheClientLimitGet429PageRefusedOnesCountToo() throws Exception {
        for (int i = 1; i <= 3; i++) {
            mvc.perform(comment("comenta" + i + "@example.org").with(from("198.51.100.6")))
                    .andExpect(status().isNotFound()); // no such draft: refused, and counted
        }
        mvc.perform(comment("comenta4@example.org").with(from("198.51.100.6")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern(SECONDS)))
                .andExpect(content().string(containsString("<h1>Demasiadas solicitudes</h1>")));
    }

    @Test
    void myDataRequestsOverTheClientLimitGet429Page() throws Exception {
        String token = "0123456789abcdef0123456789abcdef";
        mvc.perform(get("/my-data/" + token).with(from("198.51.100.7"))).andExpect(status().isNotFound());
        mvc.perform(get("/my-data/" + token + "/export").with(from("198.51.100.7"))).andExpect(status().isNotFound());
        mvc.perform(post("/subscribe/confirm/" + token).with(csrf()).with(from("198.51.100.7")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/my-data/" + token + "/erase").with(csrf()).with(from("198.51.100.7")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern(SECONDS)))
                .andExpect(content().string(containsString("<h1>Demasiadas solicitudes</h1>")));
        // one-click unsubscribe is never limited (mail providers post it from shared addresses)
        mvc.perform(post("/unsubscribe/" + token).with(from("198.51.100.7"))).andExpect(status().isNotFound());
    }

    // ---- public forms: per recipient, across client addresses --------------------------------------------------

    @Test
    void oneRecipientIsLimitedAcrossClientAddressesAndGetsAtMostTheCapOfConfirmations() throws Exception {
        List<String> variants = List.of(VICTIM, "Victima@Example.org", "victima+1@example.org", " victima@example.org ");
        for (int i = 0; i < variants.size(); i++) {
            mvc.perform(apiProposal(variants.get(i)).with(from("203.0.113." + (10 + i))))
                    .andExpect(status().isCreated());
        }
        mvc.perform(apiProposal(VICTIM).with(from("203.0.113.20")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern(SECONDS)))
                .andExpect(jsonPath("$.errors[0].code").value("tooManyRequests"));
        assertThat(rows("proposal")).isEqualTo(4);
        // every proposal is stored, but the victim is mailed at most twice (cocrea.limits.confirmation-mail)
        assertThat(confirmations("proposal-received", "victima")).isEqualTo(2);

        mvc.perform(apiProposal("otra@example.org").with(from("203.0.113.20"))).andExpect(status().isCreated());
        assertThat(confirmations("proposal-received", "otra")).isEqualTo(1);
    }

    @Test
    void subscriptionConfirmationsToOneVictimAreCappedWhileEveryAnswerStaysTheSame() throws Exception {
        // The victim's address is already in the directory after the first request; the page never says so.
        String first = null;
        for (int i = 0; i < 6; i++) {
            String page = mvc.perform(subscribe(VICTIM).with(from("203.0.113." + (30 + i))))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"subscribed\"")))
                    .andReturn().getResponse().getContentAsString();
            first = first == null ? page : first;
            assertThat(page).as("answer " + (i + 1)).isEqualTo(first);
        }
        assertThat(confirmations("subscription-confirm", "victima")).isEqualTo(2);

        // beyond the per-address allowance of requests, from yet another client: 429
        mvc.perform(subscribe(VICTIM).with(from("203.0.113.40")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern(SECONDS)));
        assertThat(confirmations("subscription-confirm", "victima")).isEqualTo(2);
    }

    @Test
    void roundTableRegistrationMailsToOneAddressAreCapped() throws Exception {
        List<String> axes = List.of("ambiente", "diversidad", "ninez");
        for (int i = 0; i < axes.size(); i++) {
            mvc.perform(register(scheduledTable(axes.get(i)), VICTIM).with(from("203.0.113." + (50 + i))))
                    .andExpect(status().isOk());
        }
        assertThat(rows("round_table_registration")).isEqualTo(3);
        assertThat(confirmations("round-table-registration", "victima")).isEqualTo(2);
    }

    // ---- logins ------------------------------------------------------------------------------------------------

    @Test
    void formLoginIsThrottledPerClientAndTheUserIsNotLockedOut() throws Exception {
        fixtures.user("limits-ana", "limits-ana@example.org");
        for (int i = 0; i < 3; i++) {
            mvc.perform(login("limits-ana", "wrong").with(from("198.51.100.20")))
                    .andExpect(status().isFound()).andExpect(redirectedUrl("/login?error"));
        }
        // The attacker's client is out of attempts, even with the right password.
        mvc.perform(login("limits-ana", "secret").with(from("198.51.100.20")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern(SECONDS)));
        // The user, from their own address, logs in at once: no per-user delay or lock.
        mvc.perform(login("limits-ana", "secret").with(from("198.51.100.21")))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/me/notifications"));
        // Successful logins are not counted.
        for (int i = 0; i < 5; i++) {
            mvc.perform(login("limits-ana", "secret").with(from("198.51.100.22")))
                    .andExpect(status().isFound()).andExpect(redirectedUrl("/me/notifications"));
        }
    }

    @Test
    void oneAccountIsThrottledAcrossClientAddresses() throws Exception {
        fixtures.user("limits-luis", "limits-luis@example.org");
        for (int i = 0; i < 5; i++) {
            mvc.perform(login("Limits-Luis", "wrong" + i).with(from("203.0.113." + (60 + i))))
                    .andExpect(status().isFound()).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login("limits-luis", "wrong").with(from("203.0.113.70")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern(SECONDS)));
        // other accounts are not affected, and the refused attempt cost the new client nothing
        for (int i = 0; i < 3; i++) {
            mvc.perform(login("nadie-" + i, "wrong").with(from("203.0.113.70")))
                    .andExpect(status().isFound()).andExpect(redirectedUrl("/login?error"));
        }
    }

    @Test
    void formLogin429IsAReadablePageInTheVisitorsLanguage() throws Exception {
        fixtures.user("limits-eva", "limits-eva@example.org");
        BrowserSession browser = new BrowserSession("203.0.113.80");
        for (int i = 0; i < 3; i++) {
            assertThat(browser.login("limits-eva", "wrong", "es").statusCode()).isEqualTo(302);
        }
        HttpResponse<String> spanish = browser.login("limits-eva", "wrong", "es");
        assertThat(spanish.statusCode()).isEqualTo(429);
        assertThat(spanish.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(v).matches(SECONDS));
        assertThat(spanish.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/html"));
        assertThat(spanish.body()).contains("<h1>Demasiadas solicitudes</h1>").contains("Podés volver a intentarlo en");
        HttpResponse<String> english = browser.login("limits-eva", "wrong", "en");
        assertThat(english.statusCode()).isEqualTo(429);
        assertThat(english.body()).contains("<h1>Too many requests</h1>").contains("You can try again in");
    }

    @Test
    void theWebappsClosedLoginChecksNoPasswordSoItNeedsNoThrottle() throws Exception {
        // The webapps' own login form is closed (one login at /login): it opens nothing, even with the right password,
        // and checks no password, so it costs the client none of its allowance for /login.
        fixtures.user("limits-area", "limits-area@example.org", "area-ambiente");
        LoginSession browser = new LoginSession(port, "X-Forwarded-For", "198.51.100.30");
        for (int i = 0; i < 5; i++) {
            assertThat(browser.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
                    "username=limits-area&password=" + (i < 4 ? "wrong" : "secret")).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> login = browser.submitLogin("limits-area", "secret");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("login"));
    }

    @Test
    void engineRestBasicAuthIsThrottledPerClient() throws Exception {
        fixtures.user("limits-rest", "limits-rest@example.org", "og-team");
        for (int i = 0; i < 3; i++) {
            assertThat(engineRest("limits-rest", "wrong", "198.51.100.40").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = engineRest("limits-rest", "secret", "198.51.100.40");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(v).matches(SECONDS));
        assertThat(json.readTree(refused.body()).get("type").asText()).isEqualTo("TooManyRequests");
        // the right password from another client, many times over: never counted
        for (int i = 0; i < 5; i++) {
            assertThat(engineRest("limits-rest", "secret", "198.51.100.41").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void forwardedForIsIgnoredWithoutTheForwardHeadersSetting() {
        // This context trusts X-Forwarded-For from 127.0.0.1 only because of server.forward-headers-strategy=native;
        // the production default leaves it unset, so the TCP peer is the client (checked on the servlet request).
        var request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.1");
        request.addHeader("X-Forwarded-For", "203.0.113.99");
        assertThat(Keys.client(request)).isEqualTo("192.0.2.1");
    }

    @Test
    void ipv6ClientsAreGroupedByTheirSlash64() {
        var a = new MockHttpServletRequest();
        a.setRemoteAddr("2001:db8:1:2:aaaa::1");
        var b = new MockHttpServletRequest();
        b.setRemoteAddr("2001:db8:1:2:bbbb:cccc:dddd:eeee");
        var c = new MockHttpServletRequest();
        c.setRemoteAddr("2001:db8:1:3::1");
        assertThat(Keys.client(a)).isEqualTo(Keys.client(b)).isEqualTo("20010db800010002::/64");
        assertThat(Keys.client(c)).isNotEqualTo(Keys.client(a));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** The request comes from this client address (MockMvc only; a real request's address is the TCP peer's). */
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private MockHttpServletRequestBuilder apiProposal(String email) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Huertas comunitarias en plazas");
        body.put("description", "Crear huertas en las plazas del barrio con las escuelas y los vecinos.");
        body.put("axis", "ambiente");
        body.put("submitterType", "ciudadania");
        body.put("name", "Ana Pérez");
        body.put("email", email);
        body.put("consent", true);
        return post("/api/proposals").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
    }

    private static MockHttpServletRequestBuilder formProposal(String email) {
        return post("/proposals/new").with(csrf()).param("title", "Huertas comunitarias")
                .param("description", "Crear huertas en las plazas del barrio.").param("axis", "ambiente")
                .param("submitterType", "ciudadania").param("name", "Luis Gómez").param("email", email)
                .param("consent", "true");
    }

    private static MockHttpServletRequestBuilder subscribe(String email) {
        return post("/subscribe").with(csrf()).param("email", email).param("consent", "true");
    }

    private static MockHttpServletRequestBuilder register(long table, String email) {
        return post("/round-tables/" + table + "/register").with(csrf()).param("name", "Persona")
                .param("email", email).param("organization", "Org").param("organizationType", "academia")
                .param("consent", "true");
    }

    private static MockHttpServletRequestBuilder comment(String email) {
        return post("/drafts/999999/comments").with(csrf()).param("section", "objective").param("name", "Eva")
                .param("email", email).param("consent", "true").param("body", "Un comentario.");
    }

    private static MockHttpServletRequestBuilder login(String user, String password) {
        return post("/login").with(csrf()).param("username", user).param("password", password);
    }

    /** A SCHEDULED round-table of the axis with 10 seats, on the first free slot the scheduler proposes. */
    private long scheduledTable(String axis) {
        long id = roundTables.create(fixtures.openCallId(), axis, null).getId();
        Instant start = scheduler.propose(Duration.ofHours(2), taken);
        roundTables.confirm(id, start, 120, "https://meet.example.org/ambiente", 10);
        taken.add(new RoundTableScheduler.Slot(start, start.plus(Duration.ofHours(2))));
        return id;
    }

    private long rows(String table) {
        return fixtures.jdbc().queryForObject("select count(*) from " + table, Long.class);
    }

    /** @return outbox rows of a kind whose recipient's local part is {@code local} (any case or +tag) */
    private long confirmations(String kind, String local) {
        return fixtures.jdbc().queryForObject("select count(*) from mail_outbox where kind = ? and "
                + "split_part(split_part(lower(recipient), '@', 1), '+', 1) = ?", Long.class, kind, local);
    }

    private HttpResponse<String> engineRest(String user, String password, String client) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/engine-rest/user/" + user
                + "/profile")).header("Accept", "application/json").header("X-Forwarded-For", client)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A browser at a client address (sent as {@code X-Forwarded-For}) on Cocrea's login page. */
    private final class BrowserSession {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        private final String address;

        BrowserSession(String address) {
            this.address = address;
        }

        HttpResponse<String> login(String user, String password, String language) throws Exception {
            String page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                    .header("X-Forwarded-For", address).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(csrf.find()).as("CSRF field on the login page").isTrue();
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                    .header("X-Forwarded-For", address).header("Accept", "text/html")
                    .header("Accept-Language", language)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
