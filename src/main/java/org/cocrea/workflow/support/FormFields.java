package org.cocrea.workflow.support;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.cocrea.CocreaApplication;
import org.cocrea.kernel.Languages;
import org.cocrea.kernel.ProblemTexts;
import org.cocrea.workflow.RefusedInputException;

/**
 * Reads values as Tasklist's Camunda Forms submit them (datetime fields arrive as ISO strings, checklists as Json,
 * booleans as Boolean or String) and as Java code sets them (Date, List, Boolean). Every reader is lenient about the
 * representation and strict about the meaning: a value that cannot be read is refused with
 * {@link RefusedInputException} naming the field, which Tasklist and the REST API report as a 400.
 * <p>
 * The readers back {@link ProcessVariable}'s form-field variables ({@link ProcessVariable#text(String)} ...), which
 * code uses instead of calling them; {@link #jsonOptions(List)} writes a select's options.
 */
public final class FormFields {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);

    private FormFields() {
    }

    /**
     * @param field field name for the error message
     * @param value Date, Instant, or ISO string with or without offset (local time in Buenos Aires)
     * @return the instant, or null when absent or blank
     * @throws RefusedInputException when the string is not an ISO date-time
     */
    static Instant instant(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        String s = value.toString().trim();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).atZone(ZONE).toInstant();
            } catch (DateTimeParseException e2) {
                throw refusal("refusal.invalidDateTime", field, s);
            }
        }
    }

    /**
     * @param value Boolean, or the strings true/false
     * @return the boolean, or null when absent
     */
    static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.valueOf(s);
        }
        return null;
    }

    /**
     * Options for a Camunda Form select or checklist ("Input values key"), as a {@code Json} variable: Tasklist then
     * submits the chosen values as Json too, and no Java type is involved (deserialization validation stays strict).
     *
     * @param options {@code {label, value}} entries
     * @return the variable value
     */
    public static SpinJsonNode jsonOptions(List<Map<String, String>> options) {
        try {
            return Spin.JSON(JSON.writeValueAsString(options));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param field field name for the error message
     * @param value a Number (form-js numbers arrive as Integer, Long or Double) or a numeric string
     * @return the whole number, or null when absent
     * @throws RefusedInputException when it is not a whole number
     */
    static Integer integer(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        try {
            double d = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim());
            if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return (int) d;
        } catch (NumberFormatException e) {
            throw refusal("refusal.expectedWholeNumber", field);
        }
    }

    /**
     * @param value String or null
     * @return the value as a string, or null
     */
    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * @param field field name for the error message
     * @param value a Collection, a Spin/Jackson JSON array, a JSON array string, or a comma-separated string
     * @return the elements as strings (empty when absent)
     * @throws RefusedInputException when the value is JSON but not an array
     */
    static List<String> list(String field, Object value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (value instanceof Collection<?> c) {
            c.forEach(o -> out.add(String.valueOf(o)));
            return out;
        }
        String s = value.toString().trim();
        if (s.isEmpty()) {
            return out;
        }
        if (s.startsWith("[") || s.startsWith("{") || s.startsWith("\"")) {
            try {
                JsonNode node = JSON.readTree(s);
                if (!node.isArray()) {
                    throw refusal("refusal.expectedList", field);
                }
                node.forEach(n -> out.add(n.isTextual() ? n.asText() : n.toString()));
                return out;
            } catch (JsonProcessingException e) {
                throw refusal("refusal.unreadableList", field);
            }
        }
        Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).forEach(out::add);
        return out;
    }

    /** A refusal of a form field, its text read from {@code i18n/refusals} in Spanish and English. */
    private static RefusedInputException refusal(String key, Object... args) {
        ProblemTexts texts = ProblemTexts.bundles();
        return RefusedInputException.of(texts.text(key, Languages.SPANISH, args), texts.text(key, Locale.ENGLISH, args));
    }
}
