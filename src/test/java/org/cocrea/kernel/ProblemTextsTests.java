package org.cocrea.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@link ProblemTexts#BASENAMES} must be the bundles of {@code spring.messages.basename} plus the engine-side
 * {@code i18n/refusals}: code that renders refusals without Spring (engine delegates, process tests) must find every
 * key the pages find.
 */
class ProblemTextsTests {

    @Test
    @SuppressWarnings("unchecked")
    void bundlesAreThoseOfTheApplicationPlusTheEngineRefusals() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/application.yaml")) {
            Map<String, Object> messages = null;
            for (Object document : new Yaml().loadAll(in)) {
                Object spring = ((Map<String, Object>) document).get("spring");
                if (spring instanceof Map<?, ?> s && s.get("messages") instanceof Map<?, ?> m) {
                    messages = (Map<String, Object>) m;
                    break;
                }
            }
            assertThat(messages).as("spring.messages in application.yaml").isNotNull();
            List<String> expected = new ArrayList<>(Arrays.asList(((String) messages.get("basename")).split(",")));
            expected.add("i18n/refusals");
            assertThat(ProblemTexts.BASENAMES).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aProblemReadsInTheReadersLanguage() {
        FieldProblem required = FieldProblem.of("title", "validation.required");
        assertThat(ProblemTexts.bundles().text(required, Locale.ENGLISH))
                .isNotEqualTo(ProblemTexts.bundles().text(required, Languages.SPANISH));
        assertThat(ProblemTexts.bundles().text(required, Locale.FRENCH))
                .isEqualTo(ProblemTexts.bundles().text(required, Languages.SPANISH));
    }
}
