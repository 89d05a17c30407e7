package org.cocrea.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Deque's axe-core accessibility engine, pinned in {@code tools/axe/package.json} and {@code package-lock.json}
 * (integrity hash), run inside the page a {@link WebDriver} shows. The first call of a test JVM runs {@code npm ci} in
 * {@code tools/axe} (Node 18+ and npm on the PATH; on a clean clone the npm registry or a warm npm cache), as
 * {@link IcalJs} does for ical.js; {@code axe.min.js} is then read once and injected into every page analysed. Without
 * Node or npm every call fails with an {@link AssertionError} saying so: the tests that use it never skip.
 *
 * <p>WebDriver's script injection is not subject to the pages' {@code Content-Security-Policy}
 * ({@code script-src 'none'}): the page itself still runs no script of its own.
 */
public final class AxeCore {

    /** The WCAG 2.0 and 2.1 level A and AA rules of axe-core (its tags). */
    public static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final NodeTool TOOL = new NodeTool("axe", "The accessibility checks");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String source;

    private AxeCore() {
    }

    /**
     * One rule axe-core found broken, with the elements that break it.
     *
     * @param rule    axe-core's rule id, e.g. {@code color-contrast}
     * @param impact  {@code minor}, {@code moderate}, {@code serious} or {@code critical}
     * @param help    axe-core's one-line description of the rule (English)
     * @param targets one CSS selector per failing element (frames joined with {@code " >> "})
     * @param details axe-core's failure summary of each element, in the order of {@code targets}
     */
    public record Violation(String rule, String impact, String help, List<String> targets, List<String> details) {

        /** @return true for {@code serious} and {@code critical} */
        public boolean seriousOrWorse() {
            return "serious".equals(impact) || "critical".equals(impact);
        }
    }

    /**
     * Analyses the page the browser shows now with the rules of the given tags.
     *
     * @param driver the browser; its page must have finished loading
     * @param tags   axe-core tags to run, e.g. {@link #WCAG_21_AA}
     * @return every violation found (all impacts), in axe-core's order
     * @throws AssertionError if Node.js or npm is missing, {@code npm ci} failed, or axe-core could not run in the page
     *                        (within 60 s)
     */
    public static List<Violation> analyse(WebDriver driver, List<String> tags) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        js.executeScript(source());
        Object out = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                  .then(r => done(JSON.stringify(r.violations)), e => done('error: ' + e));
                """, tags);
        String text = String.valueOf(out);
        if (text.startsWith("error: ")) {
            throw new AssertionError("axe-core failed on " + driver.getCurrentUrl() + ": " + text);
        }
        try {
            List<Violation> violations = new ArrayList<>();
            for (JsonNode v : JSON.readTree(text)) {
                List<String> targets = new ArrayList<>();
                List<String> details = new ArrayList<>();
                for (JsonNode node : v.path("nodes")) {
                    List<String> frames = new ArrayList<>();
                    node.path("target").forEach(t -> frames.add(t.isTextual() ? t.asText() : t.toString()));
                    targets.add(String.join(" >> ", frames));
                    details.add(node.path("failureSummary").asText());
                }
                violations.add(new Violation(v.path("id").asText(), v.path("impact").asText(), v.path("help").asText(),
                        targets, details));
            }
            return violations;
        } catch (IOException e) {
            throw new AssertionError("unreadable axe-core result: " + text, e);
        }
    }

    private static synchronized String source() {
        if (source == null) {
            TOOL.install();
            try {
                source = Files.readString(TOOL.resolve("node_modules/axe-core/axe.min.js"), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new AssertionError("npm ci in " + TOOL.resolve("") + " left no axe-core/axe.min.js", e);
            }
        }
        return source;
    }
}
