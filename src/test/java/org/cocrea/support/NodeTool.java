package org.cocrea.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Node.js tool of the repository's {@code tools/} folder whose packages are pinned in its {@code package.json} and
 * {@code package-lock.json} ({@code tools/ical-check}, {@code tools/axe}). The first {@link #install()} of a test JVM
 * runs {@code npm ci} there (Node 18+ and npm on the PATH; on a clean clone the npm registry or a warm npm cache).
 * Without Node or npm every call fails with an {@link AssertionError} saying so: the tests that use a tool never skip.
 */
final class NodeTool {

    private final Path folder;
    private final String checks;
    private boolean installed;

    /**
     * @param name   the tool's folder under {@code tools/}, e.g. {@code axe}
     * @param checks what the tool is for, as the failure messages name it, e.g. {@code "The accessibility checks"}
     */
    NodeTool(String name, String checks) {
        this.folder = Path.of(System.getProperty("user.dir"), "tools", name);
        this.checks = checks;
    }

    /** @return a file of the tool, e.g. {@code node_modules/axe-core/axe.min.js} */
    Path resolve(String file) {
        return folder.resolve(file);
    }

    /**
     * Runs {@code npm ci} in the tool's folder, once per test JVM.
     *
     * @throws AssertionError if npm is missing, or {@code npm ci} failed or took more than 300 s
     */
    synchronized void install() {
        if (!installed) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 300);
            installed = true;
        }
    }

    /**
     * Runs a command in the tool's folder.
     *
     * @param command        the program and its arguments, e.g. {@code node check.mjs a.ics}
     * @param timeoutSeconds how long it may take, in seconds
     * @return what it wrote to standard output (UTF-8)
     * @throws AssertionError if the program is not runnable, took longer, or ended with another exit code than 0
     *                        (with what it wrote to standard error)
     */
    String run(List<String> command, int timeoutSeconds) {
        Process process;
        Path log;
        try {
            log = Files.createTempFile("node-tool", ".log");
            process = new ProcessBuilder(command).directory(folder.toFile()).redirectError(log.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError(checks + " need Node.js 18+ and npm on the PATH (" + command.get(0)
                    + " not runnable: " + e.getMessage() + "); see README, \"Test it\"", e);
        }
        try {
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " took more than " + timeoutSeconds + " s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " in " + folder + " failed (exit "
                        + process.exitValue() + "): " + new String(out, StandardCharsets.UTF_8)
                        + Files.readString(log));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(String.join(" ", command) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted", e);
        } finally {
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                // a temporary file left behind is harmless
            }
        }
    }
}
