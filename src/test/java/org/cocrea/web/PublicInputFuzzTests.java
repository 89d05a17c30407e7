package org.cocrea.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cocrea.kernel.InputText;
import org.cocrea.participant.ContactCsvImport;
import org.cocrea.proposal.ProposalCsvImport;
import org.cocrea.roundtable.RoundTableScheduler;
import org.cocrea.roundtable.RoundTables;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.FuzzInput;
import org.cocrea.support.PublicHttp;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Property-style fuzzing of every public way in, over real HTTP against the application on PostgreSQL: the proposal
 * JSON API and form, draft comments, round-table registration, subscription, the private-token pages
 * ({@code /my-data/{token}} and its siblings), evidence upload (multipart, as a lead-area user) and the staff CSV
 * imports. Inputs come from {@link FuzzInput} with a fixed seed (printed; {@code -Dfuzz.seed=...} repeats another run;
 * {@code -Dfuzz.scale=4} sends four times as many, 12,600):
 * bad Unicode (lone surrogates, NUL and other controls, RTL overrides, emoji, combining marks, very long), JSON of the
 * wrong types or cut short, bytes that are not UTF-8, malformed or truncated multipart bodies.
 * <p>
 * The properties: no answer is a 5xx; the JSON API answers 201 or 400 with each error's field and reason; a multipart
 * body the server cannot parse gets 400; whatever was accepted is stored exactly as sent (trimmed), and nothing
 * stored holds a forbidden character.
 */
@CocreaIntegrationTest
class PublicInputFuzzTests {

    private static final long SEED = Long.getLong("fuzz.seed", 20_261_206L);
    /** Multiplies every target's request count: 1 (3,150 requests) in the build, {@code -Dfuzz.scale=4} for 12,600. */
    private static final int SCALE = Math.max(1, Integer.getInteger("fuzz.scale", 1));
    private static final String AREA = "area-ambiente";

    @Autowired
    TestFixtures fixtures;
    @Autowired
    ObjectMapper json;
    @Autowired
    RoundTables roundTables;
    @Autowired
    RoundTableScheduler scheduler;
    @LocalServerPort
    int port;

    JdbcTemplate jdbc;
    FuzzInput fuzz;
    final Map<String, Map<Integer, Integer>> outcomes = new TreeMap<>();
    final Map<String, Long> millis = new TreeMap<>();
    final List<String> failures = new ArrayList<>();
    int requests;

    @BeforeEach
    void setUp() {
        fixtures.reset();
        fixtures.openCall(Duration.ofDays(2));
        fixtures.user("fuzz-area", "fuzz-area@areas.example.org", AREA);
        fixtures.user("fuzz-equipo", "fuzz-equipo@gobierno.example.org", "og-team");
        jdbc = fixtures.jdbc();
        fuzz = new FuzzInput(SEED);
        System.out.println("PublicInputFuzzTests seed " + SEED + " (repeat with -Dfuzz.seed=" + SEED + ")");
    }

    @Test
    void noPublicInputGetsA5xxOrCorruptsStoredData() throws Exception {
        Instant started = Instant.now();
        List<ExpectedProposal> accepted = new ArrayList<>();
        PublicHttp api = new PublicHttp(port);
        repeat("api-proposal", 1200 * SCALE, () -> apiProposal(api, accepted));
        PublicHttp visitor = new PublicHttp(port);
        visitor.get("/proposals/new");
        repeat("proposal-form", 300 * SCALE, () -> proposalForm(visitor));
        repeat("subscribe", 250 * SCALE, () -> subscription(visitor));
        long table = scheduledTable();
        repeat("registration", 250 * SCALE, () -> registration(visitor, table));
        long draft = circulatingDraft();
        repeat("comment", 250 * SCALE, () -> comment(visitor, draft));
        String token = jdbc.queryForObject("select token from contact order by id limit 1", String.class);
        repeat("token-pages", 500 * SCALE, () -> tokenPage(visitor, token));
        PublicHttp area = new PublicHttp(port);
        area.login("fuzz-area", "secret");
        long report = openReport();
        area.get("/follow-up/reports/" + report);
        repeat("evidence-upload", 250 * SCALE, () -> evidenceUpload(area, report));
        PublicHttp staff = new PublicHttp(port);
        staff.login("fuzz-equipo", "secret");
        staff.get("/staff/contacts/import");
        repeat("csv-import", 150 * SCALE, () -> csvImport(staff));

        System.out.println("PublicInputFuzzTests seed " + SEED + ": " + requests + " requests in "
                + Duration.between(started, Instant.now()).toSeconds() + " s (ms by target " + millis
                + "), answers by target " + outcomes);
        assertThat(failures.subList(0, Math.min(25, failures.size())))
                .as("seed " + SEED + ": " + failures.size() + " bad answers (first 25 shown)").isEmpty();

        // Accepted proposals are stored exactly as sent (trimmed) ...
        for (ExpectedProposal p : accepted) {
            Map<String, Object> row = jdbc.queryForMap("select title, description, contact_name, organization "
                    + "from proposal where tracking_code = ?", p.trackingCode());
            assertThat(row.get("title")).as(p.trackingCode()).isEqualTo(p.title());
            assertThat(row.get("description")).as(p.trackingCode()).isEqualTo(p.description());
            assertThat(row.get("contact_name")).as(p.trackingCode()).isEqualTo(p.name());
        }
        // ... and no stored text holds a control character, a lone surrogate or a bidirectional override.
        for (String sql : List.of("select title || ' ' || description || ' ' || contact_name || ' ' "
                + "|| coalesce(organization, '') || ' ' || email from proposal",
                "select email || ' ' || coalesce(name, '') || ' ' || coalesce(consent_scope, '') from contact",
                "select name from organization",
                "select name || ' ' || email || ' ' || coalesce(organization, '') from round_table_registration",
                "select author_name || ' ' || coalesce(organization, '') || ' ' || email || ' ' || body "
                        + "from draft_comment",
                "select coalesce(file_name, '') || ' ' || coalesce(description, '') from evidence")) {
            assertThat(jdbc.queryForList(sql, String.class)).as(sql)
                    .noneMatch(InputText::hasForbiddenCharacters);
        }
        assertThat(accepted).as("some proposals got through, so storage was exercised").hasSizeGreaterThan(20);
    }

    // ---- targets -----------------------------------------------------------------------------------------------

    record ExpectedProposal(String trackingCode, String title, String description, String name) {
    }

    private static final List<String> PROPOSAL_FIELDS = List.of("title", "description", "axis", "submitterType",
            "organization", "name", "email", "consent", "language");

    private Object validProposalValue(String field) {
        return switch (field) {
            case "title" -> fuzz.plain(80);
            case "description" -> fuzz.plain(300);
            case "axis" -> fuzz.oneOf(TestFixtures.AXES);
            case "submitterType" -> fuzz.oneOf("osc-tematica", "academia", "ciudadania", "sector-privado");
            case "organization" -> fuzz.plain(60);
            case "name" -> fuzz.plain(40);
            case "email" -> "fuzz" + fuzz.random().nextInt(50) + "@fuzz.example.org";
            case "consent" -> true;
            default -> fuzz.oneOf("es", "en");
        };
    }

    private void apiProposal(PublicHttp client, List<ExpectedProposal> accepted) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : PROPOSAL_FIELDS) {
            double p = fuzz.random().nextDouble();
            if (p < 0.72) {
                body.put(field, validProposalValue(field));
            } else if (p < 0.94) {
                body.put(field, field.equals("consent") ? fuzz.anyJson() : fuzz.text());
            } else if (p < 0.98) {
                body.put(field, fuzz.anyJson());
            } // else missing
        }
        if (fuzz.chance(0.05)) {
            body.put(fuzz.text(), fuzz.anyJson());
        }
        Object document = fuzz.chance(0.03) ? fuzz.anyJson() : body;
        byte[] bytes = FuzzInput.utf8(fuzz.json(document));
        boolean intact = document == body;
        if (fuzz.chance(0.08)) {
            bytes = fuzz.truncate(bytes);
            intact = false;
        } else if (fuzz.chance(0.04)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = fuzz.random().nextInt(bytes.length);
            out.write(bytes, 0, at);
            out.writeBytes(fuzz.badBytes());
            out.write(bytes, at, bytes.length - at);
            bytes = out.toByteArray();
            intact = false;
        }
        String contentType = fuzz.chance(0.95) ? "application/json"
                : fuzz.oneOf("application/json; charset=ISO-8859-1", "text/plain", "application/xml",
                        "application/x-www-form-urlencoded", "application/json; charset=nope");
        HttpResponse<String> r = client.post("/api/proposals", contentType, bytes);
        record("api-proposal", r.statusCode());
        if (r.statusCode() == 201 && intact && contentType.equals("application/json")) {
            String code = json.readTree(r.body()).path("trackingCode").asText();
            accepted.add(new ExpectedProposal(code, strip(body.get("title")), strip(body.get("description")),
                    strip(body.get("name"))));
        } else if (r.statusCode() == 400) {
            expectJsonErrors("api-proposal [" + contentType + "]", r, bytes);
        } else if (r.statusCode() != 201) {
            fail("api-proposal [" + contentType + "]", r, new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private void proposalForm(PublicHttp client) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : PROPOSAL_FIELDS) {
            if (field.equals("language")) {
                continue;
            }
            double p = fuzz.random().nextDouble();
            if (p < 0.72) {
                fields.put(field, String.valueOf(validProposalValue(field)));
            } else if (p < 0.97) {
                fields.put(field, fuzz.text());
            }
        }
        HttpResponse<String> r = postFuzzedForm(client, "/proposals/new", fields);
        // 400: a value Spring cannot bind at all (e.g. consent that is not a boolean)
        expect("proposal-form", r, fields, 200, 302, 400);
    }

    private void subscription(PublicHttp client) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("email", fuzz.chance(0.7) ? "sub" + fuzz.random().nextInt(40) + "@fuzz.example.org" : fuzz.text());
        fields.put("name", fuzz.text(0.5, 40));
        fields.put("organization", fuzz.text(0.5, 40));
        fields.put("organizationType", fuzz.chance(0.7) ? fuzz.oneOf("academia", "osc-tematica") : fuzz.text());
        fields.put("topics", fuzz.chance(0.5) ? "reutilizacion-datos" : fuzz.text());
        fields.put("consent", fuzz.chance(0.85) ? "true" : fuzz.text());
        expect("subscribe", postFuzzedForm(client, "/subscribe", fields), fields, 200, 400);
    }

    private void registration(PublicHttp client, long table) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", fuzz.text(0.5, 40));
        fields.put("email", fuzz.chance(0.7) ? "reg" + fuzz.random().nextInt(1000) + "@fuzz.example.org"
                : fuzz.text());
        fields.put("organization", fuzz.text(0.5, 40));
        fields.put("organizationType", fuzz.chance(0.8) ? fuzz.oneOf("academia", "ciudadania") : fuzz.text());
        fields.put("consent", fuzz.chance(0.85) ? "true" : fuzz.text());
        String id = fuzz.chance(0.95) ? String.valueOf(table) : fuzz.percentEncoded(fuzz.text(), false);
        HttpResponse<String> r = postFuzzedForm(client, "/round-tables/" + id + "/register", fields);
        expect("registration", r, fields, 200, 302, 400, 404);
    }

    private void comment(PublicHttp client, long draft) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("section", fuzz.chance(0.8) ? fuzz.oneOf("objective", "public-problem", "milestones")
                : fuzz.text());
        fields.put("name", fuzz.text(0.5, 40));
        fields.put("organization", fuzz.text(0.5, 40));
        fields.put("email", fuzz.chance(0.7) ? "com" + fuzz.random().nextInt(100) + "@fuzz.example.org"
                : fuzz.text());
        fields.put("consent", fuzz.chance(0.85) ? "true" : fuzz.text());
        fields.put("body", fuzz.text(0.5, 300));
        expect("comment", postFuzzedForm(client, "/drafts/" + draft + "/comments", fields), fields, 200, 302, 400);
    }

    private void tokenPage(PublicHttp client, String realToken) {
        String token = fuzz.chance(0.1) ? realToken : fuzz.percentEncoded(fuzz.text());
        if (fuzz.chance(0.1)) {
            token = fuzz.oneOf("..", ".", "%2F", "%2e%2e", "a;jsessionid=x", "%5C", token + "%00", token + "/x");
        }
        String[] paths = {"/my-data/" + token, "/my-data/" + token + "/export", "/unsubscribe/" + token,
            "/subscribe/confirm/" + token};
        String path = fuzz.oneOf(paths);
        int status;
        if (fuzz.chance(0.2) && !token.equals(realToken)) {
            // the POSTs: erase, one-click unsubscribe, confirm (with the CSRF token)
            String target = fuzz.oneOf("/my-data/" + token + "/erase", "/unsubscribe/" + token,
                    "/subscribe/confirm/" + token);
            status = safely(() -> client.post(target, "application/x-www-form-urlencoded",
                    ("_csrf=" + URLEncoder.encode(client.csrf(), StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.US_ASCII)).statusCode(), "POST", target);
            path = target;
        } else {
            String target = path;
            status = safely(() -> client.getRaw(target).statusCode(), "GET", target);
        }
        record("token-pages", status);
        // 302: a path that no longer matches a public page goes to the login page; 403: the raw socket carries no
        // session, so a POST sent that way has no CSRF token
        boolean ok = status == 200 || status == 302 || status == 400 || status == 404 || status == 403;
        if (!ok) {
            failures.add("token-pages " + status + " " + path);
        }
    }

    /** Sends with {@link java.net.URI} when it takes the path, else over a raw socket. */
    private int safely(IntSupplier send, String method, String path) {
        try {
            return send.getAsInt();
        } catch (IllegalArgumentException notAUri) {
            return new PublicHttp(port).rawStatus(method, path);
        }
    }

    private void evidenceUpload(PublicHttp client, long report) {
        String boundary = "----cocreaFuzz" + fuzz.random().nextInt(1_000_000);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String milestone = fuzz.chance(0.6) ? String.valueOf(milestoneOf(report)) : fuzz.text();
        part(body, boundary, "milestoneId", null, null, FuzzInput.utf8(milestone));
        part(body, boundary, "description", null, null, FuzzInput.utf8(fuzz.text(0.5, 100)));
        byte[] content = fuzz.oneOf(
                "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII),
                "texto plano, ñandú\n".getBytes(StandardCharsets.UTF_8), new byte[0], fuzz.badBytes());
        String fileName = fuzz.chance(0.5) ? "acta.pdf" : fuzz.text() + fuzz.oneOf(".pdf", ".csv", ".exe", "");
        part(body, boundary, "file", fileName, fuzz.oneOf("application/pdf", "text/plain", "", "x/y; q=\"\u00ff"),
                content);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] bytes = body.toByteArray();
        String contentType = "multipart/form-data; boundary=" + boundary;
        String broken = "intact";
        double p = fuzz.random().nextDouble();
        if (p < 0.3) {
            bytes = fuzz.truncate(bytes);
            broken = "truncated";
        } else if (p < 0.4) {
            contentType = "multipart/form-data; boundary=" + boundary + "x";
            broken = "wrong boundary";
        } else if (p < 0.45) {
            contentType = fuzz.oneOf("multipart/form-data", "multipart/form-data; boundary=",
                    "multipart/form-data; boundary=\"" + "b".repeat(200) + "\"", "multipart/mixed; boundary=" + boundary);
            broken = "bad content type";
        } else if (p < 0.5) {
            bytes = fuzz.badBytes();
            broken = "garbage";
        }
        HttpResponse<String> r = client.post("/follow-up/reports/" + report + "/evidence", contentType, bytes,
                Map.of("X-CSRF-TOKEN", client.csrf()));
        record("evidence-upload", r.statusCode());
        // 413: a part header beyond Tomcat's limit (a file name of thousands of characters) is too large, not malformed
        if (r.statusCode() != 302 && r.statusCode() != 400 && r.statusCode() != 413) {
            failures.add("evidence-upload " + r.statusCode() + " (" + broken + ", " + contentType + ") body "
                    + excerpt(new String(bytes, StandardCharsets.UTF_8)));
        }
    }

    private void csvImport(PublicHttp client) {
        boolean contacts = fuzz.random().nextBoolean();
        List<String> columns = contacts ? ContactCsvImport.COLUMNS
                : ProposalCsvImport.COLUMNS;
        StringBuilder csv = new StringBuilder(fuzz.chance(0.9) ? String.join(",", columns) : fuzz.text());
        int rows = 1 + fuzz.random().nextInt(4);
        for (int i = 0; i < rows; i++) {
            csv.append(fuzz.oneOf("\r\n", "\n"));
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                String value = switch (column) {
                    case "email", "contact_email" -> fuzz.chance(0.7) ? "csv" + i + "@fuzz.example.org" : fuzz.text();
                    case "axis", "axes" -> fuzz.chance(0.7) ? "ambiente" : fuzz.text();
                    case "submitted_at", "consent_at" -> fuzz.chance(0.6) ? "2026-01-10T10:00:00-03:00" : fuzz.text();
                    case "ref" -> fuzz.chance(0.6) ? "R-" + fuzz.random().nextInt(100) : fuzz.text();
                    default -> fuzz.text(0.5, 30);
                };
                cells.add(fuzz.chance(0.1) ? "\"" + value : "\"" + value.replace("\"", "\"\"") + "\"");
            }
            csv.append(String.join(fuzz.chance(0.05) ? ";" : ",", cells));
        }
        byte[] content = FuzzInput.utf8(csv.toString());
        if (fuzz.chance(0.05)) {
            content = fuzz.badBytes();
        }
        String boundary = "----cocreaCsv" + fuzz.random().nextInt(1_000_000);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "file", fuzz.chance(0.8) ? "datos.csv" : fuzz.text(), "text/csv", content);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] bytes = fuzz.chance(0.15) ? fuzz.truncate(body.toByteArray()) : body.toByteArray();
        String path = contacts ? "/staff/contacts/import" : "/staff/proposals/import";
        HttpResponse<String> r = client.post(path, "multipart/form-data; boundary=" + boundary, bytes,
                Map.of("X-CSRF-TOKEN", client.csrf()));
        record("csv-import", r.statusCode());
        // the contact import answers 303 to its progress page once the file is queued
        if (r.statusCode() != 200 && !(contacts && r.statusCode() == 303) && r.statusCode() != 400 && r.statusCode() != 413) {
            failures.add("csv-import " + path + " " + r.statusCode() + " body " + excerpt(new String(bytes,
                    StandardCharsets.UTF_8)));
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    interface Attempt {
        void run() throws Exception;
    }

    private void repeat(String target, int times, Attempt attempt) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            attempt.run();
        }
        millis.put(target, (System.nanoTime() - start) / 1_000_000);
    }

    private HttpResponse<String> postFuzzedForm(PublicHttp client, String path, Map<String, String> fields) {
        StringBuilder body = new StringBuilder("_csrf=").append(URLEncoder.encode(client.csrf(),
                StandardCharsets.UTF_8));
        fields.forEach((k, v) -> body.append('&').append(k).append('=').append(fuzz.percentEncoded(v)));
        return client.post(path, "application/x-www-form-urlencoded; charset=UTF-8",
                body.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private void expect(String target, HttpResponse<String> r, Map<String, String> input, int... allowed) {
        record(target, r.statusCode());
        for (int a : allowed) {
            if (r.statusCode() == a) {
                return;
            }
        }
        fail(target, r, input.toString());
    }

    private void expectJsonErrors(String target, HttpResponse<String> r, byte[] sent) {
        try {
            JsonNode errors = json.readTree(r.body()).path("errors");
            boolean ok = errors.isArray() && !errors.isEmpty();
            for (JsonNode e : errors) {
                ok &= !e.path("field").asText().isBlank() && !e.path("reason").asText().isBlank()
                        && !e.path("code").asText().isBlank();
            }
            if (!ok) {
                fail(target + " (400 without field and reason)", r, new String(sent, StandardCharsets.UTF_8));
            }
        } catch (Exception e) {
            fail(target + " (400 not JSON)", r, new String(sent, StandardCharsets.UTF_8));
        }
    }

    private void record(String target, int status) {
        requests++;
        outcomes.computeIfAbsent(target, t -> new TreeMap<>()).merge(status, 1, Integer::sum);
    }

    private void fail(String target, HttpResponse<String> r, String input) {
        failures.add(target + " " + r.statusCode() + " for " + excerpt(input) + " -> " + excerpt(r.body()));
    }

    private static String excerpt(String s) {
        String escaped = s.codePoints().limit(300).collect(StringBuilder::new, (b, c) -> {
            if (c < 0x20 || c >= 0x7f && c < 0xa0 || Character.isSurrogate((char) c) || c >= 0x2000 && c <= 0x206f) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        }, StringBuilder::append).toString();
        return s.length() > 300 ? escaped + "… (" + s.length() + " chars)" : escaped;
    }

    private static String strip(Object value) {
        return value instanceof String s ? s.strip() : null;
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName,
            String contentType, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(("Content-Disposition: form-data; name=\"" + name + "\"").getBytes(StandardCharsets.US_ASCII));
        if (fileName != null) {
            body.writeBytes("; filename=\"".getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(FuzzInput.utf8(fileName.replace("\"", "%22")));
            body.writeBytes("\"".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        if (contentType != null) {
            body.writeBytes(("Content-Type: " + contentType + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** A SCHEDULED round-table of {@code ambiente} with 50 seats. */
    private long scheduledTable() {
        long id = roundTables.create(fixtures.openCallId(), "ambiente", null).getId();
        roundTables.confirm(id, scheduler.propose(Duration.ofHours(2), List.of()), 120,
                "https://meet.example.org/ambiente", 50);
        return id;
    }

    /** A commitment draft circulating for comments until tomorrow. */
    private long circulatingDraft() {
        jdbc.update("""
                insert into commitment (action_plan, co_creation_instance, title_es, start_date, end_date,
                  description, ogp_values, status, axis, lead_area_group, version, comment_deadline)
                values ('ARBA-2021-2023', 1, 'Borrador a comentar', date '2026-01-01', date '2026-12-31',
                  'Descripción', 'Transparencia', 'CIRCULATING', 'ambiente', 'area-ambiente', 1, ?)
                """, Timestamp.from(Instant.now().plus(Duration.ofDays(1))));
        return jdbc.queryForObject("select id from commitment where title_es = 'Borrador a comentar'", Long.class);
    }

    /** This month's follow-up report (REQUESTED) of a published commitment led by {@link #AREA}, one milestone. */
    private long openReport() {
        jdbc.update("""
                insert into commitment (code, action_plan, co_creation_instance, title_es, title_en, start_date,
                  end_date, description, ogp_values, status, published_at, axis, lead_area_group)
                values ('ARBA-FUZZ', 'ARBA-2021-2023', 1, 'Compromiso fuzz', 'Fuzz commitment', date '2026-01-01',
                  date '2027-12-31', 'Descripción', 'Transparencia', 'PUBLISHED', now(), 'ambiente', ?)
                """, AREA);
        long commitment = jdbc.queryForObject("select id from commitment where code = 'ARBA-FUZZ'", Long.class);
        jdbc.update("""
                insert into milestone (commitment_id, position, title, start_date, end_date, responsible_area, derived)
                values (?, 1, 'Hito fuzz', date '2026-01-01', date '2027-12-31', 'Área', false)
                """, commitment);
        jdbc.update("""
                insert into follow_up_report (commitment_id, period, status, due_date)
                values (?, date_trunc('month', current_date)::date, 'REQUESTED', current_date + 10)
                """, commitment);
        return jdbc.queryForObject("select id from follow_up_report where commitment_id = ?", Long.class, commitment);
    }

    private long milestoneOf(long report) {
        return jdbc.queryForObject("select m.id from milestone m join follow_up_report r "
                + "on r.commitment_id = m.commitment_id where r.id = ?", Long.class, report);
    }
}
