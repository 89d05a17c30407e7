package org.cocrea.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.cocrea.support.WebappTranslations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Spanish translations of the Camunda webapps stay complete against the webapps we run: every key of the
 * webjar's {@code en.json} (the file Camunda adds keys to when it changes a webapp) has a Spanish text in our
 * {@code es.json}, with the same {@code {{placeholders}}}, and no key of ours is gone from Camunda's file. A Camunda
 * upgrade that adds, renames or removes texts fails here, naming the keys. Also checks that each webapp's
 * {@code config.js} offers es and en, falls back to the browser's language when it is one of them and to es otherwise
 * (so only one locale file loads: {@code TasklistLanguageBrowserTests} checks it in a browser), and loads {@code cocrea/webapp-locale.js}, and that its
 * {@code user-styles.css} hides the Camunda 8 banner.
 */
class WebappTranslationsTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");

    /** Texts Camunda ships that we leave empty on purpose: the Camunda 8 banner (hidden by user-styles.css too). */
    private static final Set<String> LEFT_EMPTY = Set.of("BANNER_CE_EOL_TEXT");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishKeyHasASpanishText(String webapp) {
        Map<String, String> english = WebappTranslations.labels(webapp, "en");
        Map<String, String> spanish = WebappTranslations.labels(webapp, "es");

        assertThat(new TreeSet<>(spanish.keySet())).as("keys of %s/locales/es.json (missing ones are new in Camunda's "
                + "en.json and need a Spanish text; extra ones were removed by Camunda)", webapp)
                .isEqualTo(new TreeSet<>(english.keySet()));
        List<String> problems = new ArrayList<>();
        english.forEach((key, text) -> {
            String translation = spanish.get(key);
            if (!text.isBlank() && translation.isBlank() && !LEFT_EMPTY.contains(key)) {
                problems.add(key + ": empty");
            }
            if (!placeholders(text).equals(placeholders(translation))) {
                problems.add(key + ": placeholders " + placeholders(text) + " became " + placeholders(translation));
            }
        });
        assertThat(problems).as("%s/locales/es.json", webapp).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theSpanishTextsAreTranslations(String webapp) {
        Map<String, String> english = WebappTranslations.labels(webapp, "en");
        Map<String, String> spanish = WebappTranslations.labels(webapp, "es");
        // sentences (three words or more, placeholders aside) that read the same in both files were not translated
        List<String> untranslated = english.entrySet().stream()
                .filter(e -> Pattern.compile("\\p{L}+").matcher(PLACEHOLDER.matcher(e.getValue()).replaceAll(""))
                        .results().count() >= 3)
                .filter(e -> e.getValue().equals(spanish.get(e.getKey())))
                .map(Map.Entry::getKey).toList();
        assertThat(untranslated).as("%s: English sentences copied into es.json", webapp).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void datesAreSpanish(String webapp) {
        JsonNode dates = WebappTranslations.file(webapp, "es").get("dateLocales");
        assertThat(dates).as("%s: dateLocales (moment.js, used for every date the app writes)", webapp).isNotNull();
        assertThat(dates.get("months").get(0).asText()).isEqualTo("enero");
        assertThat(dates.get("weekdays").get(3).asText()).isEqualTo("miércoles");
        assertThat(dates.get("relativeTime").get("past").asText()).isEqualTo("hace %s");
        assertThat(dates.get("longDateFormat").get("L").asText()).isEqualTo("DD/MM/YYYY");
        assertThat(dates.get("week").get("dow").asInt()).as("weeks start on Monday").isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void configOffersSpanishAndEnglishFallingBackToSpanish(String webapp) throws IOException {
        String config = resource("META-INF/resources/webjars/camunda/app/" + webapp + "/scripts/config.js");
        assertThat(config).contains("const languages = ['es', 'en'];", "availableLocales: languages",
                "fallbackLocale: languages.includes(browserLanguage) ? browserLanguage : 'es'",
                "ngDeps: ['cocrea.webappLocale']", "'/app/cocrea/webapp-locale'");
        String styles = resource("META-INF/resources/webjars/camunda/app/" + webapp + "/styles/user-styles.css");
        assertThat(styles.replaceAll("\\s+", " ")).contains(".ce-eol-banner { display: none; }");
        assertThat(resource("META-INF/resources/webjars/camunda/app/cocrea/webapp-locale.js"))
                .contains("angular.module('cocrea.webappLocale'");
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = WebappTranslationsTests.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
