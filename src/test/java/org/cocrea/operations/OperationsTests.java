package org.cocrea.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.cocrea.notification.MailOutbox;
import org.cocrea.notification.OutgoingMail;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.cocrea.support.TestSmtp;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Operators' conventions (issue 13, item 4): the OpenAPI description is valid OpenAPI 3 and lists every JSON endpoint
 * of Cocrea's controllers and no page; Swagger UI is for staff only and alone may run scripts; {@code
 * /actuator/prometheus} refuses anonymous and other users and serves the named metrics to the {@code metrics} group
 * and to staff; the outbox gauges and mail counters move with the outbox.
 */
@CocreaIntegrationTest
class OperationsTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SMTP);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    MockMvc mvc;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    MailOutbox outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @LocalServerPort
    int port;

    @BeforeEach
    void setUp() {
        fixtures.reset();
        fixtures.user("ops-prometheus", "prometheus@test.cocrea.local", "metrics");
        fixtures.user("ops-equipo", "ops-equipo@test.cocrea.local", "og-team");
        fixtures.user("ops-area", "ops-area@test.cocrea.local", "area-ambiente");
    }

    @Test
    void apiDocsIsValidOpenApiWithEveryJsonEndpointAndTheErrorFormat() throws Exception {
        String json = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        Files.writeString(Path.of("target/openapi.json"), json); // to read by hand
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json);
        assertThat(parsed.getMessages()).as("OpenAPI validation messages").isEmpty();
        var api = parsed.getOpenAPI();
        assertThat(api.getOpenapi()).startsWith("3.");

        // Every handler of Cocrea's controllers that answers a body (@RestController or @ResponseBody) is described.
        Set<String> jsonPaths = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getName().startsWith("org.cocrea.")
                    && (AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
                            || AnnotatedElementUtils.hasAnnotation(method.getMethod(), ResponseBody.class))) {
                jsonPaths.addAll(info.getPatternValues());
            }
        });
        assertThat(jsonPaths).contains("/api/proposals", "/api/proposals/{trackingCode}", "/api/action-plan",
                "/api/dashboard", "/my-data/{token}/export", "/staff/calls/{callId}/participation.json");
        assertThat(api.getPaths().keySet()).containsAll(jsonPaths)
                .doesNotContain("/proposals/new", "/staff/outbox", "/login", "/dashboard");
        assertThat(api.getPaths().get("/api/proposals").getPost().getResponses()).containsKeys("201", "4XX", "429");

        var error = api.getComponents().getSchemas().get("ErrorResponse");
        assertThat(error.getRequired()).containsExactly("errors");
        assertThat(api.getPaths().get("/api/dashboard").getGet().getResponses().get("4XX").getContent()
                .get("application/json").getSchema().get$ref()).isEqualTo("#/components/schemas/ErrorResponse");
        assertThat(api.getPaths().get("/staff/calls/{callId}/participation.json").getGet().getSecurity())
                .isNotEmpty();
    }

    @Test
    void swaggerUiIsForStaffOnlyAndAloneMayRunScripts() throws Exception {
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/swagger-ui/index.html").with(user("ops-area")
                .authorities(new SimpleGrantedAuthority("GROUP_area-ambiente")))).andExpect(status().isForbidden());
        mvc.perform(get("/swagger-ui/index.html").with(user("ops-equipo")
                        .authorities(new SimpleGrantedAuthority("GROUP_og-team"))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy",
                        Matchers.containsString("script-src 'self'")));
        mvc.perform(get("/swagger-ui/swagger-initializer.js").with(user("ops-equipo")
                        .authorities(new SimpleGrantedAuthority("GROUP_og-team"))))
                .andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.containsString("/v3/api-docs")));
        // The description itself is public; every other page keeps the no-script policy.
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andExpect(header().string(
                "Content-Security-Policy", Matchers.containsString("script-src 'none'")));
        mvc.perform(get("/")).andExpect(header().string("Content-Security-Policy",
                Matchers.containsString("script-src 'none'")));
    }

    @Test
    void prometheusNeedsTheMetricsGroupOrStaff() throws Exception {
        HttpResponse<String> anonymous = scrape(null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Basic"));
        assertThat(scrape("ops-prometheus", "wrong").statusCode()).isEqualTo(401);
        assertThat(scrape("ops-area", "secret").statusCode()).isEqualTo(403);
        assertThat(scrape("ops-equipo", "secret").statusCode()).isEqualTo(200);
        assertThat(scrape("demo", "demo").statusCode()).isEqualTo(200);

        HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/action-plan")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> ok = scrape("ops-prometheus", "secret");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Set-Cookie")).as("stateless").isEmpty();
        assertThat(ok.body()).contains("cocrea_engine_jobs{application=\"cocrea\",state=\"executable\"}",
                "cocrea_engine_jobs{application=\"cocrea\",state=\"failed\"}", "cocrea_engine_incidents_open",
                "cocrea_engine_job_executor_active", "cocrea_outbox_queued", "cocrea_outbox_failed",
                "cocrea_outbox_oldest_queued_age_seconds", "cocrea_mail_sent_total", "cocrea_mail_failed_total",
                "cocrea_followup_reports_overdue", "http_server_requests_seconds_bucket",
                "uri=\"/api/action-plan\"");
    }

    @Test
    void outboxGaugesAndMailCountersFollowTheOutbox() throws Exception {
        Map<String, Double> before = metrics();
        assertThat(before.get("cocrea_outbox_queued")).isZero();
        assertThat(before.get("cocrea_outbox_oldest_queued_age_seconds")).isZero();

        tx.executeWithoutResult(s -> outbox.enqueue(new OutgoingMail("ops@test.cocrea.local", Locale.forLanguageTag("es"),
                "mail/task-created", "mail.taskCreated.subject", new Object[] {"Revisar"}, model(), "task-created",
                "ops-1")));
        fixtures.jdbc().update("update mail_outbox set created_at = created_at - interval '90 seconds'");
        Map<String, Double> queued = metrics();
        assertThat(queued.get("cocrea_outbox_queued")).isEqualTo(1);
        assertThat(queued.get("cocrea_outbox_oldest_queued_age_seconds")).isBetween(90.0, 600.0);

        assertThat(fixtures.flushOutbox()).isEqualTo(1);
        Map<String, Double> sent = metrics();
        assertThat(sent.get("cocrea_outbox_queued")).isZero();
        assertThat(sent.get("cocrea_mail_sent_total")).isEqualTo(before.get("cocrea_mail_sent_total") + 1);
    }

    private static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("firstName", "Ana");
        model.put("taskName", "Revisar");
        model.put("subject", "Prueba");
        model.put("dueDate", "30/04/2021 18:00");
        model.put("link", "http://localhost:8080/tasklist");
        model.put("preferencesLink", "http://localhost:8080/me/notifications");
        return model;
    }

    /** Sample values by metric name (without labels; counters with labels summed). */
    private Map<String, Double> metrics() throws Exception {
        HttpResponse<String> response = scrape("ops-prometheus", "secret");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Double> values = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^(cocrea_[a-z_]+)(\\{[^}]*\\})? ([0-9.eE+-]+|NaN)$").matcher(response.body());
        while (m.find()) {
            values.merge(m.group(1), Double.parseDouble(m.group(3)), Double::sum);
        }
        return values;
    }

    private HttpResponse<String> scrape(String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
