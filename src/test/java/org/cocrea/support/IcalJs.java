package org.cocrea.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A second iCalendar parser, independent of ical4j: Mozilla's ical.js (the parser of Thunderbird), pinned in
 * {@code tools/ical-check/package.json} and {@code package-lock.json}, run through Node.js with
 * {@code tools/ical-check/check.mjs}. The first call of a test JVM runs {@code npm ci} there (needs Node 18+ and npm
 * on the PATH and, on a clean clone, the npm registry or a warm npm cache). Without Node or npm every call fails with
 * an {@link AssertionError} saying so: the tests that use it never skip.
 */
public final class IcalJs {

    private static final NodeTool TOOL = new NodeTool("ical-check", "The iCalendar checks");
    private static final ObjectMapper JSON = new ObjectMapper();

    private IcalJs() {
    }

    /**
     * Parses iCalendar texts with ical.js.
     *
     * @param calendars the texts, exactly as received (UTF-8)
     * @return one JSON object per text, in order, as {@code check.mjs} documents it: {@code method}, {@code timezones}
     *         (TZIDs of the VTIMEZONEs), {@code events} (uid, sequence, status, dtstamp, dtstampUtc, startTzid,
     *         startUtc and endUtc computed by ical.js from the file's own VTIMEZONE, organizer, attendees with rsvp,
     *         partstat, role), or {@code error} when ical.js refused the text
     * @throws AssertionError if Node.js or npm is missing, {@code npm ci} failed, or the script failed
     */
    public static synchronized List<JsonNode> read(List<String> calendars) {
        TOOL.install();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("ical-js");
            List<String> command = new ArrayList<>(List.of("node", TOOL.resolve("check.mjs").toString()));
            for (int i = 0; i < calendars.size(); i++) {
                Path file = dir.resolve(i + ".ics");
                Files.writeString(file, calendars.get(i), StandardCharsets.UTF_8);
                command.add(file.toString());
            }
            String out = TOOL.run(command, 60);
            List<JsonNode> result = new ArrayList<>();
            JSON.readTree(out).forEach(result::add);
            return result;
        } catch (IOException e) {
            throw new AssertionError("ical.js could not read the calendars: " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                    Files.deleteIfExists(dir);
                } catch (IOException e) {
                    // a temporary directory left behind is harmless
                }
            }
        }
    }
}
