package org.cocrea.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The bare Camunda starter app of {@code bench/bare-starter/} (Camunda 7.24's Spring Boot starters, webapp + REST,
 * nothing of Cocrea's) as a running child process on a scratch database, for baselines driven over HTTP as Cocrea is.
 * Built with {@code ./mvnw -q -B -f bench/bare-starter/pom.xml -DskipTests package} when its jar is missing or older
 * than a file of {@code bench/bare-starter/}. Its log is
 * {@code target/bench-bare-starter.log}.
 */
final class BareStarterProcess implements AutoCloseable {

    private static final File JAR = new File("bench/bare-starter/target/bare-starter.jar");
    private static final Duration DEADLINE = Duration.ofMinutes(5);

    private final Process process;
    private final int port;

    private BareStarterProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the app on a free port and waits (polling every 50 ms, up to 5 minutes) for the first 200 on
     * {@code /actuator/health}.
     *
     * @param database scratch database (created by the caller)
     * @param arguments Spring Boot arguments ({@code --name=value})
     * @return the running app
     * @throws IllegalStateException if it exits or is not healthy in time
     */
    static BareStarterProcess start(String database, String... arguments) throws Exception {
        if (!JAR.isFile() || newerSources()) {
            build(List.of("./mvnw", "-q", "-B", "-f", "bench/bare-starter/pom.xml", "-DskipTests", "package"));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("java", "-Duser.timezone=America/Argentina/Buenos_Aires",
                "-Dfile.encoding=UTF-8", "-jar", JAR.getPath()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DB_URL", Bench.url(database));
        builder.environment().put("DB_USER", Bench.dbUser());
        builder.environment().put("DB_PASSWORD", Bench.dbPassword());
        builder.environment().put("PORT", String.valueOf(port));
        Path log = Path.of("target", "bench-bare-starter.log");
        Files.createDirectories(log.getParent());
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        BareStarterProcess app = new BareStarterProcess(process, port);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the bare starter exited with " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() - start > DEADLINE.toNanos()) {
                app.close();
                throw new IllegalStateException("the bare starter is not healthy within " + DEADLINE + "; see " + log);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return app;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50); // polling interval; the condition is the 200
        }
    }

    /** @return the HTTP port on 127.0.0.1 */
    int port() {
        return port;
    }

    /** Stops the app (SIGTERM, then SIGKILL after a minute). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** @return whether a file of the bare starter's project changed after its jar was built */
    private static boolean newerSources() throws IOException {
        long built = JAR.lastModified();
        try (var files = Files.walk(Path.of("bench", "bare-starter"))) {
            return files.filter(f -> !f.startsWith(Path.of("bench", "bare-starter", "target")))
                    .anyMatch(f -> f.toFile().lastModified() > built);
        }
    }

    private static void build(List<String> command) throws Exception {
        Bench.out("building: %s", String.join(" ", command));
        Process p = new ProcessBuilder(new ArrayList<>(command)).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("build failed: " + command);
        }
    }
}
