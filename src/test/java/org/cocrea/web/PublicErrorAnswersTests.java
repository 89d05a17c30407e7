package org.cocrea.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Error answers of the public pages over real HTTP (Tomcat, not MockMvc: the container's own error handling, the error
 * dispatch and the request-line parser are what is tested), on PostgreSQL: JSON paths ({@code /api/**},
 * {@code *.json}) answer JSON errors naming the field and the reason whatever the {@code Accept} header; pages answer
 * the site's HTML page, also to a client without {@code Accept}; malformed list requests ({@code axis[]=x}, NUL in
 * the search, a 20,000-character search) reach the application and get its 400 naming the field, not Tomcat's page.
 * Requests are written by hand on a socket so that the request target is sent exactly as given.
 */
@CocreaIntegrationTest
class PublicErrorAnswersTests {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void reset() {
        fixtures.reset();
    }

    @AfterEach
    void cleanUp() {
        fixtures.reset();
    }

    @Test
    void theFiguresJsonAnswersJsonErrorsEvenToABrowser() throws Exception {
        Answer bad = get("/co-creation/abc/figures.json", BROWSER);
        assertThat(bad.status).isEqualTo(400);
        assertThat(bad.header("content-type")).startsWith("application/json");
        JsonNode error = json.readTree(bad.body).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("id");
        assertThat(error.get("reason").asText()).isNotBlank();

        Answer unknown = get("/co-creation/987654321/figures.json", BROWSER);
        assertThat(unknown.status).isEqualTo(404);
        assertThat(unknown.header("content-type")).startsWith("application/json");
        assertThat(json.readTree(unknown.body).get("errors").get(0).get("code").asText()).isEqualTo("notFound");

        Answer api = get("/api/proposals/CC-NOSUCH99", BROWSER);
        assertThat(api.status).isEqualTo(404);
        assertThat(api.header("content-type")).startsWith("application/json");
    }

    @Test
    void anUnknownPageAnswersTheSitesHtmlPageAlsoWithoutAnAcceptHeader() throws Exception {
        for (String accept : new String[] {null, "*/*", BROWSER}) {
            Answer page = get("/co-creation/987654321", accept);
            assertThat(page.status).as("Accept " + accept).isEqualTo(404);
            assertThat(page.header("content-type")).as("Accept " + accept).startsWith("text/html");
            assertThat(Jsoup.parse(page.body).select("main").text()).contains("No encontramos lo que buscás.");
        }
    }

    @Test
    void malformedListRequestsGetTheApplications400NamingTheField() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("/proposals?axis[]=x", "axis[]");
        cases.put("/proposals?q=a%00b", "q");
        cases.put("/proposals?q=" + "x".repeat(20_000), "q");
        for (var c : cases.entrySet()) {
            String shown = c.getKey().substring(0, Math.min(60, c.getKey().length()));
            Answer page = get(c.getKey(), BROWSER);
            assertThat(page.status).as(shown).isEqualTo(400);
            assertThat(page.header("content-type")).as(shown).startsWith("text/html");
            Document d = Jsoup.parse(page.body);
            assertThat(d.select("form.filters")).as(shown).hasSize(1);
            assertThat(d.select(".field-error").text()).as(shown).isNotBlank();
            if (c.getValue().equals("q")) {
                assertThat(d.getElementById("q-error")).as(shown).isNotNull();
            } else {
                assertThat(d.select(".field-error").text()).contains("axis[]");
            }
            assertThat(page.body).as(shown).doesNotContain("x".repeat(300)).doesNotContain("\u0000");

            Answer api = get(c.getKey().replace("/proposals?", "/api/proposals?"), BROWSER);
            assertThat(api.status).as("api " + shown).isEqualTo(400);
            assertThat(api.header("content-type")).startsWith("application/json");
            JsonNode error = json.readTree(api.body).get("errors").get(0);
            assertThat(error.get("field").asText()).isEqualTo(c.getValue());
            assertThat(error.get("reason").asText()).isNotBlank();
        }
        Answer tooLong = get("/proposals?q=" + "x".repeat(20_000), BROWSER);
        assertThat(Jsoup.parse(tooLong.body).getElementById("q-error").text())
                .isEqualTo("La búsqueda admite hasta 200 caracteres y tiene 20.000: acortala.");
    }

    /** One HTTP/1.0 exchange (no chunked body, the server closes the connection). */
    private Answer get(String target, String accept) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + (accept == null ? "" : "Accept: " + accept + "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String raw = all.toString(StandardCharsets.UTF_8);
            int split = raw.indexOf("\r\n\r\n");
            String head = split < 0 ? raw : raw.substring(0, split);
            String[] lines = head.split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers,
                    split < 0 ? "" : raw.substring(split + 4));
        }
    }

    private record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }
}
