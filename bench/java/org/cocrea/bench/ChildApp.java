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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spring Boot application started from its jar as a child process on a free port of 127.0.0.1 and a scratch
 * database, with the JVM options Cocrea runs with ({@code -Duser.timezone=America/Argentina/Buenos_Aires
 * -Dfile.encoding=UTF-8}) and the environment both apps read ({@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD},
 * {@code PORT}, {@code PUBLIC_BASE_URL}): the cold-start benchmark's two apps ({@link ColdStartBench}) and the bare
 * starter driven over HTTP ({@link Stage1PeakBench}).
 */
final class ChildApp implements AutoCloseable {

    /** The bare Camunda starter app of {@code bench/bare-starter/}. */
    static final File BARE_STARTER_JAR = new File("bench/bare-starter/target/bare-starter.jar");
    private static final Duration DEADLINE = Duration.ofMinutes(5);

    private final Process process;
    private final int port;
    private final long launched;
    private final Path log;

    private ChildApp(Process process, int port, long launched, Path log) {
        this.process = process;
        this.port = port;
        this.launched = launched;
        this.log = log;
    }

    /**
     * @param jar       the application's jar
     * @param env       further environment variables (e.g. {@code SPRING_PROFILES_ACTIVE})
     * @param database  its scratch database (created by the caller)
     * @param log       file for its standard output and error
     * @param arguments Spring Boot arguments ({@code --name=value})
     * @return the started process (not yet waited for)
     */
    static ChildApp launch(File jar, Map<String, String> env, String database, Path log, String... arguments)
            throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("java", "-Duser.timezone=America/Argentina/Buenos_Aires",
                "-Dfile.encoding=UTF-8", "-jar", jar.getPath()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.environment().put("DB_URL", Bench.url(database));
        builder.environment().put("DB_USER", Bench.dbUser());
        builder.environment().put("DB_PASSWORD", Bench.dbPassword());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("PUBLIC_BASE_URL", "http://localhost:" + port);
        Files.createDirectories(log.toAbsolutePath().getParent());
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        long launched = System.nanoTime();
        return new ChildApp(builder.start(), port, launched, log);
    }

    /**
     * Polls {@code /actuator/health} every 50 ms until it answers 200.
     *
     * @return seconds from the launch to that first 200
     * @throws IllegalStateException if the process exits, or is not healthy within 5 minutes of its launch
     */
    double awaitHealthy() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.info().command().orElse("the app") + " exited with "
                        + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() - launched > DEADLINE.toNanos()) {
                throw new IllegalStateException("not healthy within " + DEADLINE + "; see " + log);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Bench.seconds(launched);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50); // polling interval; the condition is the 200
        }
    }

    /** @return CPU seconds (user + system, all threads) the process has used so far; NaN if the OS does not say */
    double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
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

    /**
     * Builds the bare starter's jar with {@code ./mvnw -q -B -f bench/bare-starter/pom.xml -DskipTests package} when
     * asked, when it is missing, or when a file of {@code bench/bare-starter/} changed after it was built.
     *
     * @param rebuild build it whatever its state
     * @return the jar
     */
    static File bareStarterJar(boolean rebuild) throws Exception {
        if (rebuild || !BARE_STARTER_JAR.isFile() || newerSources()) {
            build(List.of("./mvnw", "-q", "-B", "-f", "bench/bare-starter/pom.xml", "-DskipTests", "package"));
        }
        return BARE_STARTER_JAR;
    }

    /** @return whether a file of the bare starter's project changed after its jar was built */
    private static boolean newerSources() throws IOException {
        long built = BARE_STARTER_JAR.lastModified();
        try (var files = Files.walk(Path.of("bench", "bare-starter"))) {
            return files.filter(f -> !f.startsWith(Path.of("bench", "bare-starter", "target")))
                    .anyMatch(f -> f.toFile().lastModified() > built);
        }
    }

    /**
     * Runs a build command in the project, its output on this console.
     *
     * @throws IllegalStateException if it fails
     */
    static void build(List<String> command) throws Exception {
        Bench.out("building: %s", String.join(" ", command));
        Process p = new ProcessBuilder(new ArrayList<>(command)).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("build failed: " + command);
        }
    }
}
