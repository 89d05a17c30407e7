package org.cocrea.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.cocrea.notification.MailOutbox;
import org.cocrea.notification.OutboxMessage;
import org.cocrea.notification.OutboxStatus;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.cocrea.workflow.ProposalReviewProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The public ways in for a proposal: {@code POST /api/proposals} (201 with a tracking code, 400 naming each bad field,
 * 409 with no open call, never 500 for a bad body), {@code GET /api/proposals/{code}} (never personal data) and the
 * HTML form and status page (language, field errors, CSRF, escaping). Every refused request leaves no proposal row.
 */
@CocreaIntegrationTest
class ProposalApiTests {

    private static final String EMAIL = "ana.perez@example.org";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    ObjectMapper json;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    MailOutbox outbox;
    @LocalServerPort
    int port;

    @BeforeEach
    void openCall() {
        fixtures.reset();
        fixtures.openCall(Duration.ofDays(2));
    }

    // ---- POST /api/proposals: accepted -------------------------------------------------------------------------

    @Test
    void validProposalIsCreatedWithTrackingCodeProcessAndSpanishConfirmation() throws Exception {
        MvcResult result = mvc.perform(post("/api/proposals").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(valid())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.trackingCode").isString())
                .andReturn();
        String code = json.readTree(result.getResponse().getContentAsString()).get("trackingCode").asText();
        assertThat(code).matches("CC-[A-Z0-9]{8}");
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/proposals/" + code);

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ProposalReviewProcess.KEY)
                .processInstanceBusinessKey(code).count()).isEqualTo(1);
        assertThat(proposalRows()).isEqualTo(1);

        OutboxMessage mail = confirmationTo(EMAIL);
        assertThat(mail.getStatus()).isEqualTo(OutboxStatus.PENDING);
        assertThat(mail.getLanguage()).isEqualTo("es");
        assertThat(mail.getReference()).isEqualTo(code);
        assertThat(mail.getSubject()).isEqualTo("Recibimos tu propuesta (" + code + ")");
        assertThat(mail.getBodyHtml()).contains("Hola Ana Pérez").contains("/proposals/" + code);
    }

    @Test
    void acceptLanguageEnglishGivesAnEnglishConfirmation() throws Exception {
        String code = submit(valid(), "en");
        OutboxMessage mail = confirmationTo(EMAIL);
        assertThat(mail.getLanguage()).isEqualTo("en");
        assertThat(mail.getSubject()).isEqualTo("We received your proposal (" + code + ")");
        assertThat(mail.getBodyHtml()).contains("Hello Ana Pérez");
    }

    @Test
    void organizationIsOptionalForCitizens() throws Exception {
        Map<String, Object> body = valid();
        body.put("submitterType", "ciudadania");
        body.remove("organization");
        mvc.perform(post("/api/proposals").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)))
                .andExpect(status().isCreated());
        assertThat(proposalRows()).isEqualTo(1);
    }

    @Test
    void valuesAtTheirLimitsAreAccepted() throws Exception {
        Map<String, Object> body = valid();
        body.put("title", "ñ".repeat(200));
        body.put("description", "á".repeat(4000));
        body.put("organization", "o".repeat(200));
        body.put("name", "n".repeat(150));
        String email = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);
        assertThat(email).hasSize(254);
        body.put("email", email);
        String code = submit(body, null);
        assertThat(fixtures.jdbc().queryForObject("select length(description) from proposal where tracking_code = ?",
                Integer.class, code)).isEqualTo(4000);
    }

    // ---- POST /api/proposals: refused ------------------------------------------------------------------------

    static Stream<Arguments> badFields() {
        return Stream.of(
                bad("missing title", "title", "required", b -> b.remove("title")),
                bad("blank title", "title", "required", b -> b.put("title", "   ")),
                bad("title over 200", "title", "tooLong", b -> b.put("title", "t".repeat(201))),
                bad("description over 4000", "description", "tooLong", b -> b.put("description", "d".repeat(4001))),
                bad("bad email", "email", "email", b -> b.put("email", "ana.perez.example.org")),
                bad("email with spaces", "email", "email", b -> b.put("email", "ana perez@example.org")),
                bad("consent false", "consent", "consent", b -> b.put("consent", false)),
                bad("consent missing", "consent", "consent", b -> b.remove("consent")),
                bad("axis not in the call", "axis", "axis", b -> b.put("axis", "exploracion-espacial")),
                bad("unknown submitter type", "submitterType", "submitterType", b -> b.put("submitterType", "marciano")),
                bad("organization missing for a non-citizen", "organization", "required",
                        b -> b.remove("organization")),
                bad("control character in name", "name", "controlCharacters", b -> b.put("name", "Ana\u0000Pérez")),
                bad("email starting with a dot", "email", "email", b -> b.put("email", ".ana@example.org")),
                bad("email with a doubled dot", "email", "email", b -> b.put("email", "ana..perez@example.org")),
                bad("email local part over 64", "email", "email", b -> b.put("email", "a".repeat(65) + "@example.org")),
                bad("invisible title", "title", "required", b -> b.put("title", "\u200b\u200b\u00a0")),
                bad("C1 control in title", "title", "controlCharacters", b -> b.put("title", "Plaza\u0085verde")),
                bad("bidi override in name", "name", "controlCharacters", b -> b.put("name", "Ana\u202eZepér")),
                bad("consent as a string", "consent", "malformed", b -> b.put("consent", "true")),
                bad("consent as a number", "consent", "malformed", b -> b.put("consent", 1)),
                bad("title as a number", "title", "malformed", b -> b.put("title", 123)));
    }

    private static Arguments bad(String label, String field, String code, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = valid();
        change.accept(body);
        return Arguments.of(label, field, code, body);
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @MethodSource("badFields")
    void eachBadFieldIsRefusedWith400NamingIt(String label, String field, String code, Map<String, Object> body)
            throws Exception {
        mvc.perform(post("/api/proposals").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].code").value(code))
                .andExpect(jsonPath("$.errors[0].reason").isNotEmpty());
        assertNothingStored();
    }

    @Test
    void everyBadFieldIsNamedInOneResponse() throws Exception {
        Map<String, Object> body = Map.of("title", "", "axis", "nope", "submitterType", "academia", "email", "x@",
                "consent", false);
        mvc.perform(post("/api/proposals").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder(
                        "title", "description", "axis", "organization", "name", "email", "consent")));
        assertNothingStored();
    }

    @Test
    void reasonsFollowAcceptLanguage() throws Exception {
        Map<String, Object> body = valid();
        body.remove("title");
        mvc.perform(post("/api/proposals").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)))
                .andExpect(jsonPath("$.errors[0].reason").value("Es obligatorio."));
        mvc.perform(post("/api/proposals").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                .content(json.writeValueAsString(body)))
                .andExpect(jsonPath("$.errors[0].reason").value("Required."));
    }

    @Test
    void malformedJsonIsRefusedWith400() throws Exception {
        mvc.perform(post("/api/proposals").contentType(MediaType.APPLICATION_JSON).content("this is not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].code").value("malformed"));
        for (String body : List.of("{\"title\": \"Plaza", "{\"title\" \"Plaza\"}", "{\"consent\": true,,}", "", "null",
                "[1,2]", "\"a string\"")) {
            mvc.perform(post("/api/proposals").contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").isNotEmpty());
        }
        assertNothingStored();
    }

    @Test
    void consentOfTheWrongTypeIsRefusedWith400NamingConsent() throws Exception {
        for (Object consent : List.<Object>of("yes-please", Map.of("value", true), List.of(true))) {
            Map<String, Object> body = valid();
            body.put("consent", consent);
            mvc.perform(post("/api/proposals").contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(body)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("consent"))
                    .andExpect(jsonPath("$.errors[0].code").value("malformed"));
        }
        assertNothingStored();
    }

    @Test
    void titleOfTheWrongTypeIsRefusedWith400() throws Exception {
        Map<String, Object> body = valid();
        body.put("title", Map.of("es", "Plaza"));
        mvc.perform(post("/api/proposals").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        assertNothingStored();
    }

    /**
     * The API's error handler ({@code ProposalApiErrors#mediaType}) and its message {@code validation.contentType}
     * promise a 400 JSON body; (not Spring's default 415 with an empty body).
     */
    @Test
    void wrongContentTypeIsRefusedWith400Json() throws Exception {
        mvc.perform(post("/api/proposals").contentType(MediaType.TEXT_PLAIN)
                .content(json.writeValueAsString(valid())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("contentType"));
        assertNothingStored();
    }

    @Test
    void wrongContentTypeIsRefusedAsAClientErrorAndStoresNothing() throws Exception {
        for (MediaType type : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_FORM_URLENCODED,
                MediaType.APPLICATION_XML)) {
            int status = mvc.perform(post("/api/proposals").contentType(type)
                    .content(json.writeValueAsString(valid()))).andReturn().getResponse().getStatus();
            assertThat(status).as(type.toString()).isBetween(400, 499);
        }
        assertNothingStored();
    }

    @Test
    void bodyOver64KiBIsRefusedWith400() throws Exception {
        Map<String, Object> body = valid();
        body.put("description", "d".repeat(70 * 1024));
        mvc.perform(post("/api/proposals").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        assertNothingStored();
    }

    @Test
    void bodyOver64KiBOverRealHttpIsRefusedWith400NotServerError() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, Object> body = valid();
        body.put("description", "d".repeat(1024 * 1024));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/proposals")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).at("/errors/0/field").asText()).isEqualTo("body");

        // A body of unknown length (chunked) is counted while read: over the cap it is refused the same way...
        byte[] large = json.writeValueAsBytes(body);
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/proposals")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(400);
        // ...and so is a large body sent to an encoded path that Spring decodes to /api/proposals.
        HttpResponse<String> encoded = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/%61pi/proposals")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(encoded.statusCode()).isBetween(400, 499);
        assertNothingStored();

        // A small chunked body is fine.
        byte[] small = json.writeValueAsBytes(valid());
        HttpResponse<String> smallChunked = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/proposals")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(smallChunked.statusCode()).isEqualTo(201);
    }

    @Test
    void noOpenCallGives409AndStoresNothing() throws Exception {
        fixtures.reset();
        long before = proposalRows();
        mvc.perform(post("/api/proposals").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(valid())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("call"))
                .andExpect(jsonPath("$.errors[0].code").value("noOpenCall"));
        assertThat(proposalRows()).isEqualTo(before).isZero();
        assertThat(outbox.to(EMAIL)).isEmpty();
    }

    // ---- GET /api/proposals/{code} ----------------------------------------------------------------------------

    @Test
    void publicStatusShowsNoPersonalData() throws Exception {
        String code = submit(valid(), null);
        String text = mvc.perform(get("/api/proposals/" + code))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.trackingCode").value(code))
                .andExpect(jsonPath("$.title").value("Huertas comunitarias en plazas"))
                .andExpect(jsonPath("$.axis").value("ambiente"))
                .andReturn().getResponse().getContentAsString();
        assertThat(text).doesNotContain("Ana Pérez").doesNotContain("Ana P\\u00e9rez").doesNotContain(EMAIL)
                .doesNotContain("Universidad Ejemplo").doesNotContain("\"email\"").doesNotContain("\"name\"")
                .doesNotContain("\"organization\"").doesNotContain("\"contactName\"");
    }

    @Test
    void publicStatusFindsLowerCaseCodes() throws Exception {
        String code = submit(valid(), null);
        mvc.perform(get("/api/proposals/" + code.toLowerCase())).andExpect(status().isOk())
                .andExpect(jsonPath("$.trackingCode").value(code));
    }

    @Test
    void unknownTrackingCodeGives404Json() throws Exception {
        for (String code : List.of("CC-ZZZZZZZZ", "x".repeat(300))) {
            mvc.perform(get("/api/proposals/" + code))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("trackingCode"));
        }
        mvc.perform(get("/api/proposals/CC-ZZZZZZZZ").param("lang", "en")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].reason").value("unknown tracking code"));
        mvc.perform(get("/api/proposals/CC-ZZZZZZZZ").header("Accept-Language", "es-AR"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].reason").value("código de seguimiento desconocido"));
    }

    // ---- HTML form and status page ----------------------------------------------------------------------------

    @Test
    void formRendersInSpanishByDefaultAndInEnglishWithLangEn() throws Exception {
        mvc.perform(get("/proposals/new")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Enviar una propuesta")))
                .andExpect(content().string(containsString("lang=\"es\"")));
        mvc.perform(get("/proposals/new").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Submit a proposal")))
                .andExpect(content().string(containsString("lang=\"en\"")))
                .andExpect(content().string(not(
                        containsString("Enviar una propuesta"))));
    }

    @Test
    void formPostWithBadFieldsReRendersWithFieldErrors() throws Exception {
        String html = mvc.perform(post("/proposals/new").with(csrf())
                .param("title", "").param("description", "Texto").param("axis", "ambiente")
                .param("submitterType", "academia").param("organization", "").param("name", "Ana")
                .param("email", "no-es-un-correo"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Revisá los campos marcados.").contains("Es obligatorio.")
                .contains("No es una dirección de correo válida.")
                .contains("Tenés que aceptar el tratamiento de tus datos personales.")
                // what the user typed is kept
                .contains("value=\"no-es-un-correo\"");
        assertNothingStored();
    }

    @Test
    void formPostWithBadFieldsInEnglishShowsEnglishErrors() throws Exception {
        mvc.perform(post("/proposals/new").with(csrf()).param("lang", "en").param("title", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please check the highlighted fields.")));
        assertNothingStored();
    }

    @Test
    void validFormPostRedirectsToTheStatusPage() throws Exception {
        String location = mvc.perform(formPost("Huertas comunitarias en plazas"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/proposals/CC-[A-Z0-9]{8}\\?created");
        String code = location.substring("/proposals/".length(), location.indexOf('?'));
        assertThat(proposalRows()).isEqualTo(1);
        mvc.perform(get("/proposals/" + code).param("created", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(code)))
                .andExpect(content().string(containsString("Recibimos tu propuesta")));
    }

    @Test
    void formPostInEnglishGivesAnEnglishConfirmation() throws Exception {
        mvc.perform(post("/proposals/new").with(csrf()).param("lang", "en").param("title", "Community gardens")
                .param("description", "Gardens in every square.").param("axis", "ambiente")
                .param("submitterType", "ciudadania").param("name", "Ana Pérez").param("email", EMAIL)
                .param("consent", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(confirmationTo(EMAIL).getLanguage()).isEqualTo("en");
    }

    @Test
    void formPostWithAnUnbindableValueReRendersWithAFieldError() throws Exception {
        mvc.perform(post("/proposals/new").with(csrf()).param("title", "Plaza").param("description", "Texto")
                .param("axis", "ambiente").param("submitterType", "ciudadania").param("name", "Ana")
                .param("email", EMAIL).param("consent", "banana"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Valor inválido.")))
                .andExpect(content().string(not(containsString("Failed to convert"))));
        assertNothingStored();
    }

    @Test
    void textsAreMeasuredInCharactersNotUtf16Units() throws Exception {
        Map<String, Object> body = valid();
        body.put("title", "🌳".repeat(200));
        mvc.perform(post("/api/proposals").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated());
    }

    @Test
    void aLoneSurrogateIsRefusedNotStoredAsAQuestionMark() throws Exception {
        String body = json.writeValueAsString(valid()).replace("\"description\":\"", "\"description\":\"roto \\ud800 ");
        assertThat(body).contains("\\ud800");
        mvc.perform(post("/api/proposals").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("description"))
                .andExpect(jsonPath("$.errors[0].code").value("controlCharacters"));
        assertNothingStored();
    }

    @Test
    void trailingContentAfterTheJsonIsRefused() throws Exception {
        mvc.perform(post("/api/proposals").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(valid()) + " {\"title\": \"otra\"}"))
                .andExpect(status().isBadRequest());
        assertNothingStored();
    }

    @Test
    void formPostWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/proposals/new").param("title", "Plaza").param("description", "Texto")
                .param("axis", "ambiente").param("submitterType", "ciudadania").param("name", "Ana")
                .param("email", EMAIL).param("consent", "true"))
                .andExpect(status().isForbidden());
        assertNothingStored();
    }

    @Test
    void formPostWithNoOpenCallStoresNothing() throws Exception {
        fixtures.reset();
        mvc.perform(formPost("Plaza")).andExpect(status().isOk())
                .andExpect(content().string(containsString("No hay una convocatoria abierta")));
        assertNothingStored();
    }

    @Test
    void scriptInTitleIsEscapedOnTheStatusPage() throws Exception {
        Map<String, Object> body = valid();
        body.put("title", "<script>alert(1)</script> Plaza");
        String code = submit(body, null);
        String html = mvc.perform(get("/proposals/" + code)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Plaza");
    }

    @Test
    void unknownCodeOnTheStatusPageIs404() throws Exception {
        mvc.perform(get("/proposals/CC-ZZZZZZZZ")).andExpect(status().isNotFound());
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static Map<String, Object> valid() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Huertas comunitarias en plazas");
        body.put("description", "Crear huertas en las plazas del barrio con las escuelas y los vecinos.");
        body.put("axis", "ambiente");
        body.put("submitterType", "academia");
        body.put("organization", "Universidad Ejemplo");
        body.put("name", "Ana Pérez");
        body.put("email", EMAIL);
        body.put("consent", true);
        return body;
    }

    private RequestBuilder formPost(String title) {
        return post("/proposals/new").with(csrf()).param("title", title)
                .param("description", "Crear huertas en las plazas del barrio.").param("axis", "ambiente")
                .param("submitterType", "ciudadania").param("name", "Ana Pérez").param("email", EMAIL)
                .param("consent", "true");
    }

    private String submit(Map<String, Object> body, String acceptLanguage) throws Exception {
        var request = post("/api/proposals").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        String response = mvc.perform(request).andExpect(status().isCreated())
                .andExpect(header().exists("Location")).andReturn().getResponse().getContentAsString();
        return json.readTree(response).get("trackingCode").asText();
    }

    private OutboxMessage confirmationTo(String recipient) {
        List<OutboxMessage> mails = outbox.to(recipient).stream().filter(m -> "proposal-received".equals(m.getKind()))
                .toList();
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private long proposalRows() {
        return fixtures.jdbc().queryForObject("select count(*) from proposal", Long.class);
    }

    private void assertNothingStored() {
        assertThat(proposalRows()).as("proposal rows after a refused request").isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ProposalReviewProcess.KEY).count())
                .isZero();
        assertThat(outbox.to(EMAIL)).isEmpty();
    }
}
