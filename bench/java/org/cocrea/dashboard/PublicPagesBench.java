package org.cocrea.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.cocrea.CocreaApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public pages under load (issue 12, benchmark 5): starts the real application (profile {@code test} with the
 * template cache on, a random port, PostgreSQL {@code BENCH_DB_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/cocrea_bench}), writes 500 published commitments with 24 monthly reports
 * (the generator of {@code DashboardTests}) and 10,000 proposals, and for each page writes a static file of the same
 * byte size that the same application serves (a {@code file:} static location under {@code /css/bench/}). Each page
 * and then its static twin get the same paced rate of requests from {@code hey} (Debian package: {@code rate}
 * workers with keep-alive, each limited to 1 request per second, so the rate holds while a response takes less than
 * a second); its per-request CSV gives p50 and p99. Prints them and the ratio of the p99s (goal ≤ 3).
 * Then the same for a conditional request ({@code If-None-Match} with the page's ETag, a 304) against the static file.
 *
 * <p>Environment: {@code BENCH_RATE} requests per second (default 10), {@code BENCH_SECONDS} per measurement
 * (default 30), {@code BENCH_DB_URL}/{@code BENCH_DB_USER}/{@code BENCH_DB_PASSWORD}. The database must be a
 * scratch one: it empties the commitment, follow-up and proposal tables first, and refuses a URL without
 * {@code bench} in it. Not a test: {@code ./mvnw -q -Pbench -Dbench=org.cocrea.dashboard.PublicPagesBench test-compile exec:java}.
 */
public final class PublicPagesBench {

    private PublicPagesBench() {
    }

    /**
     * @param args ignored
     * @throws Exception when hey is missing, the application does not start or a page does not answer 200
     */
    public static void main(String[] args) throws Exception {
        checkHey();
        int rate = Integer.parseInt(env("BENCH_RATE", "10"));
        int seconds = Integer.parseInt(env("BENCH_SECONDS", "30"));
        Path root = Files.createTempDirectory("cocrea-bench");
        Path staticDir = Files.createDirectories(root.resolve("css/bench"));
        String url = env("BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/cocrea_bench");
        if (!url.contains("bench")) {
            // the bench empties the commitment, follow-up and proposal tables
            throw new IllegalArgumentException("BENCH_DB_URL must name a scratch database with 'bench' in its name");
        }
        // command-line arguments: above application*.yaml (a profile's ${TEST_DB_URL:...} too)
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CocreaApplication.class).profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + env("BENCH_DB_USER", "cocrea"),
                        "--spring.datasource.password=" + env("BENCH_DB_PASSWORD", "cocrea"),
                        "--spring.thymeleaf.cache=true", "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off",
                        "--spring.web.resources.static-locations=classpath:/static/,file:" + root + "/");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            data(jdbc);
            String base = "http://127.0.0.1:" + port;
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("/dashboard", "dashboard.html");
            pages.put("/dashboard/P00001", "commitment.html");
            pages.put("/api/dashboard", "dashboard.json");
            pages.put("/action-plan", "action-plan.html");
            pages.put("/api/action-plan", "action-plan.json");
            pages.put("/proposals", "proposals.html");
            pages.put("/proposals?q=participacion", "proposals-search.html");
            pages.put("/api/proposals", "proposals.json");
            HttpClient http = HttpClient.newHttpClient();
            List<String[]> rows = new ArrayList<>();
            for (Map.Entry<String, String> page : pages.entrySet()) {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + page.getKey()))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(page.getKey() + " answered " + response.statusCode());
                }
                byte[] body = response.body();
                Files.write(staticDir.resolve(page.getValue()), filler(body.length));
                if (Boolean.parseBoolean(env("BENCH_PRINT_HEADERS", "false"))) {
                    System.out.println(page.getKey() + " " + response.headers().map());
                }
                String twin = base + "/css/bench/" + page.getValue();
                String etag = response.headers().firstValue("ETag").orElse(null);
                warmUp(http, base + page.getKey(), twin);
                double[] dynamic = load(base + page.getKey(), rate, seconds, null, 200);
                double[] still = load(twin, rate, seconds, null, 200);
                rows.add(row(page.getKey() + " (200)", body.length, dynamic, still));
                if (etag != null) {
                    double[] conditional = load(base + page.getKey(), rate, seconds, etag, 304);
                    rows.add(row(page.getKey() + " (304, If-None-Match)", 0, conditional, still));
                }
            }
            System.out.printf(Locale.ROOT, "Public pages at %d requests/s for %d s each (hey, %d workers at 1 "
                    + "request/s each), 500 commitments x 24 monthly reports, 10,000 proposals; static twin = a file of the "
                    + "same size served by the same application%n", rate, seconds, rate);
            System.out.printf(Locale.ROOT, "%-40s %10s %9s %9s %11s %11s %10s%n", "page", "bytes", "p50 ms",
                    "p99 ms", "static p50", "static p99", "p99 ratio");
            for (String[] r : rows) {
                System.out.printf(Locale.ROOT, "%-40s %10s %9s %9s %11s %11s %10s%n", (Object[]) r);
            }
        } finally {
            app.close();
        }
    }

    private static String[] row(String name, int bytes, double[] page, double[] still) {
        return new String[] {name, bytes == 0 ? "-" : Integer.toString(bytes), fmt(page[0]), fmt(page[1]),
                fmt(still[0]), fmt(still[1]), String.format(Locale.ROOT, "%.1fx", page[1] / still[1])};
    }

    private static String fmt(double ms) {
        return String.format(Locale.ROOT, "%.2f", ms);
    }

    /** 500 commitments × 24 months (as DashboardTests) and 10,000 proposals, on emptied tables. */
    private static void data(JdbcTemplate jdbc) {
        for (String table : List.of("evidence", "milestone_progress", "monitoring_evaluation", "follow_up_report",
                "milestone", "endorsement", "commitment", "proposal")) {
            jdbc.update("delete from " + table);
        }
        new DashboardTestData(jdbc).bulk("P", 500, 24);
        Long call = jdbc.queryForObject("""
                insert into call_for_proposals (action_plan, title, axes, opens_at, closes_at, status, created_at)
                values ('ARBA-2021-2023', 'Convocatoria de prueba', 'ambiente', current_timestamp,
                  current_timestamp, 'CLOSED', current_timestamp) returning id
                """, Long.class);
        // a quarter in each status, one in ten about participation (the search finds 1,000), the responded ones
        // with their reasoned response
        jdbc.update("""
                insert into proposal (tracking_code, call_id, title, description, axis, submitter_type, contact_name,
                  email, consent, language, channel, submitted_at, status, area_group, verdict, response_text,
                  response_sent_at)
                select 'BENCH-' || g, ?,
                  'Propuesta ' || g || case when g % 10 = 0 then ' de participación ciudadana'
                                            else ' de datos abiertos' end,
                  repeat('Descripción de la propuesta. ', 20), 'ambiente', 'INDIVIDUAL', 'Vecina ' || g,
                  'vecina' || g || '@example.org', true, 'es', 'WEB', current_timestamp - g * interval '1 minute',
                  (array['RECEIVED', 'IN_REVIEW', 'REVIEWED', 'RESPONDED'])[g % 4 + 1],
                  case when g % 4 > 0 then 'area-ambiente' end,
                  case when g % 4 = 3 then 'feasible' end,
                  case when g % 4 = 3 then repeat('Respuesta fundamentada. ', 10) end,
                  case when g % 4 = 3 then current_timestamp end
                  from generate_series(1, 10000) g
                """, call);
        jdbc.execute("analyze");
    }

    /** @return {@code size} bytes of HTML-like ASCII text */
    private static byte[] filler(int size) {
        byte[] out = new byte[size];
        byte[] line = "<p>static baseline of the same size as the page</p>\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            out[i] = line[i % line.length];
        }
        return out;
    }

    /** 50 sequential requests to each, for the JIT and the database caches. */
    private static void warmUp(HttpClient http, String page, String twin) throws Exception {
        for (int i = 0; i < 50; i++) {
            http.send(HttpRequest.newBuilder(URI.create(page)).build(), HttpResponse.BodyHandlers.discarding());
            http.send(HttpRequest.newBuilder(URI.create(twin)).build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    /**
     * @return p50 and p99 in milliseconds of {@code rate × seconds} requests sent by {@code hey}: {@code rate}
     *         workers each paced at 1 request per second ({@code -q 1}); fails when a response has another status
     *         than {@code expected}
     */
    private static double[] load(String url, int rate, int seconds, String etag, int expected) throws Exception {
        int n = rate * seconds;
        List<String> command = new ArrayList<>(List.of("hey", "-n", Integer.toString(n), "-c",
                Integer.toString(rate), "-q", "1", "-o", "csv"));
        if (etag != null) {
            command.addAll(List.of("-H", "If-None-Match: " + etag));
        }
        command.add(url);
        Process process = new ProcessBuilder(command).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("hey failed on " + url + ": " + String.join(" ", command) + "\n"
                    + output);
        }
        // response-time,DNS+dialup,DNS,Request-write,Response-delay,Response-read,status-code,offset
        List<Double> ms = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] cols = line.split(",");
            if (cols.length < 8 || !cols[0].matches("[0-9.]+")) {
                continue;
            }
            if (Integer.parseInt(cols[6].trim()) != expected) {
                throw new IllegalStateException(url + " answered " + cols[6] + " under load, expected " + expected);
            }
            ms.add(Double.parseDouble(cols[0]) * 1000);
        }
        if (ms.size() < n * 0.98) {
            throw new IllegalStateException(url + ": only " + ms.size() + " of " + n + " requests completed: "
                    + String.join(" ", command) + "\n" + output);
        }
        ms.sort(null);
        return new double[] {ms.get((int) Math.ceil(ms.size() * 0.50) - 1),
                ms.get((int) Math.ceil(ms.size() * 0.99) - 1)};
    }

    private static void checkHey() throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder("hey", "-n", "1", "http://127.0.0.1:9/").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(); // any exit status: it ran
            return;
        } catch (IOException e) {
            // not installed: fall through
        }
        System.err.println("PublicPagesBench needs hey (Debian package hey): apt-get install -y hey");
        System.exit(2);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
