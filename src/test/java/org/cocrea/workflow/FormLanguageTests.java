package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Task forms speak one language, Spanish: Tasklist's form renderer (form-js 1.8.7) has no translations, and a form
 * chosen per language cannot follow the person who opens the task (see README, "Tasklist, Cockpit and Admin in
 * Spanish"). So no text a user reads in {@code forms/} (labels, descriptions, texts, date and time labels,
 * placeholders, option labels) carries an English translation next to the Spanish one: no "Español / English"
 * pairs and no English words such as "the", "and", "of" or "your".
 */
class FormLanguageTests {

    private static final Pattern ENGLISH_WORD = Pattern.compile(
            "(?i)(?<![\\p{L}/])(the|and|of|to|is|are|with|your|for|from|this|that|will|be|on|or|it|an|in|by|at)"
                    + "(?![\\p{L}/])");
    private static final List<String> READ_BY_USERS = List.of("label", "description", "text", "dateLabel",
            "timeLabel", "placeholder");

    @Test
    void everyFormTextIsSpanishOnly() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> forms;
        try (Stream<Path> files = Files.list(ModelConventionsTests.FORMS)) {
            forms = files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
        }
        assertThat(forms).isNotEmpty();
        for (Path form : forms) {
            check(form.getFileName().toString(), new ObjectMapper().readTree(form.toFile()), problems);
        }
        assertThat(problems).as("English next to Spanish in forms/").isEmpty();
    }

    private static void check(String form, JsonNode component, List<String> problems) {
        for (JsonNode child : component.path("components")) {
            for (String property : READ_BY_USERS) {
                checkText(form + " " + child.path("id").asText() + "." + property, child.path(property).asText(""),
                        problems);
            }
            for (JsonNode value : child.path("values")) {
                checkText(form + " " + child.path("id").asText() + " option", value.path("label").asText(""),
                        problems);
            }
            check(form, child, problems);
        }
    }

    private static void checkText(String where, String text, List<String> problems) {
        if (text.contains(" / ")) {
            problems.add(where + ": \"" + text + "\" (two languages)");
        }
        Matcher english = ENGLISH_WORD.matcher(text.replaceAll("\\{\\{[^}]*}}|\\([^)]*://[^)]*\\)", ""));
        if (english.find()) {
            problems.add(where + ": English word \"" + english.group() + "\" in \"" + text + "\"");
        }
    }
}
