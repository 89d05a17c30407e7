package org.cocrea.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The locale files of the Camunda webapps as the running application serves them, read from the classpath:
 * {@code META-INF/resources/webjars/camunda/app/<webapp>/locales/<lang>.json}. {@code en.json} (and {@code de.json})
 * come from the {@code camunda-webapp-webjar} jar; {@code es.json} is ours, in {@code src/main/resources}.
 */
public final class WebappTranslations {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");

    private WebappTranslations() {
    }

    /**
     * @param webapp {@code tasklist}, {@code cockpit}, {@code admin} or {@code welcome}
     * @param lang   language code of the file
     * @return the whole file (keys {@code labels} and, except for welcome, {@code dateLocales})
     * @throws IllegalArgumentException if the classpath has no such file
     */
    public static JsonNode file(String webapp, String lang) {
        String path = "META-INF/resources/webjars/camunda/app/" + webapp + "/locales/" + lang + ".json";
        try (InputStream in = WebappTranslations.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + path + " on the classpath");
            }
            return new ObjectMapper().readTree(in); // Jackson skips the UTF-8 byte order mark of Camunda's files
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the file's {@code labels}, key to text, in file order
     * @see #file(String, String)
     */
    public static Map<String, String> labels(String webapp, String lang) {
        Map<String, String> labels = new LinkedHashMap<>();
        file(webapp, lang).get("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /**
     * The phrases only {@code lang} shows: each label's text cut at its {@code {{placeholders}}} and HTML tags, with
     * HTML entities decoded, keeping the pieces with at least three letters that differ from the other language's
     * text for the same key and do not occur as a whole phrase in any text of the other language (so "Error",
     * which both languages use, is not one).
     *
     * @param webapp the webapp
     * @param lang   the language whose phrases to return
     * @param other  the language to tell them from
     * @return the phrases, without duplicates
     */
    public static List<String> distinctive(String webapp, String lang, String other) {
        Map<String, String> mine = labels(webapp, lang);
        Map<String, String> theirs = labels(webapp, other);
        String theirText = String.join("\n", theirs.values().stream().map(WebappTranslations::plain).toList());
        Set<String> phrases = new LinkedHashSet<>();
        mine.forEach((key, text) -> {
            if (text.equals(theirs.get(key))) {
                return;
            }
            for (String piece : plain(text).split("\n")) {
                String phrase = piece.strip();
                if (phrase.codePoints().filter(Character::isLetter).count() >= 3
                        && !Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase) + "(?![\\p{L}\\p{N}])")
                                .matcher(theirText).find()) {
                    phrases.add(phrase);
                }
            }
        });
        return new ArrayList<>(phrases);
    }

    /** The text with placeholders and HTML tags replaced by line breaks and the common entities decoded. */
    private static String plain(String text) {
        return PLACEHOLDER.matcher(text).replaceAll("\n").replaceAll("<[^>]*>", "\n").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", "\"");
    }
}
