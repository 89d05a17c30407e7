package org.cocrea.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded generator of hostile input for property-style fuzz tests: text with odd characters (lone surrogates, NUL
 * and other controls, bidirectional overrides and isolates, emoji, stacked combining marks, non-characters, markup and
 * injection payloads, lengths around and far beyond the limits), JSON of the wrong types or cut short, raw bytes that
 * are not UTF-8, and URL path segments built from all of those. The same seed gives the same inputs.
 */
public final class FuzzInput {

    private static final String[] ODD = {
        "\u0000", "\u0001", "\u0007", "\u001b", "\u007f", "\u0085", "\u009f", // controls (C0, DEL, C1)
        "\uD83D", "\uDE00", "\uDBFF", "\uDC00", // lone surrogates
        "\u202E", "\u202D", "\u202A", "\u2066", "\u2067", "\u2069", "\u200F", "\u061C", // bidi overrides, isolates, marks
        "😀", "👩🏽‍💻", "🏳️‍🌈", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\uD800\uDC00", // astral characters, ZWJ sequences
        "e\u0301\u0301\u0301\u0301", "\u0301", "\u20DD", "Z\u0351\u0352\u0357\u0358\u035B\u0346", // combining marks
        "\uFEFF", "\u200B", "\u200D", "\u2028", "\u2029", "\u00A0", "\u3000", // invisible and separators
        "\uFFFF", "\uFFFE", "\uFDD0", "\uE000", // non-characters, private use
        "ñ", "Ñandú", "São", "Ελληνικά", "عربى", "עברית", "日本語", "한국어",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' or '1'='1", "'; drop table contact; --",
        "${7*7}", "#{7*7}", "{{7*7}}", "[[${7*7}]]", "%00", "%s%n", "\\", "\"", "../../etc/passwd", "\r\n\r\n",
        "null", "true", "[]", "{}", "0", "-1", "1e309", "NaN",
    };
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzáéíóúñ ABCXYZ0123456789.,;:-_";
    private static final int[] LIMITS = {20, 32, 50, 64, 100, 150, 200, 254, 255, 300, 500, 1000, 2000, 4000};

    private final Random random;

    /** @param seed the seed; print it so a failing run can be repeated */
    public FuzzInput(long seed) {
        this.random = new Random(seed);
    }

    /** @return the generator itself, for choices the test makes */
    public Random random() {
        return random;
    }

    /** @return true with the given probability */
    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** @return one of the values */
    @SafeVarargs
    public final <T> T oneOf(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** @return one of the values */
    public <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** @return a plausible value (letters) of a length up to {@code max} */
    public String plain(int max) {
        int n = 1 + random.nextInt(Math.max(1, max));
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        String v = s.toString().strip();
        return v.isEmpty() ? "x" : v;
    }

    /**
     * @return text of odd characters: mostly short mixes of letters and {@link #ODD} pieces, sometimes exactly around
     *         a common limit (in code points or in UTF-16 units), sometimes very long
     */
    public String text() {
        int shape = random.nextInt(10);
        if (shape == 0) {
            return oneOf("", " ", "\t", "\u00A0\u200B", "\n\n");
        }
        if (shape == 1) {
            // around a limit, made of one piece that is 1 or 2 UTF-16 units long
            int limit = LIMITS[random.nextInt(LIMITS.length)] + random.nextInt(3) - 1;
            return oneOf("a", "ñ", "😀", "e\u0301", "\u0000", "\uD83D").repeat(Math.max(0, limit));
        }
        if (shape == 2 && chance(0.3)) {
            return oneOf("x", "😀", "\u0301").repeat(5000 + random.nextInt(40000));
        }
        StringBuilder s = new StringBuilder();
        int pieces = 1 + random.nextInt(8);
        for (int i = 0; i < pieces; i++) {
            s.append(chance(0.5) ? plain(12) : ODD[random.nextInt(ODD.length)]);
        }
        return s.toString();
    }

    /** @return a text that is either odd ({@link #text()}) or, with probability {@code plain}, a plausible value */
    public String text(double plainProbability, int max) {
        return chance(plainProbability) ? plain(max) : text();
    }

    /** @return a JSON value of any type: odd text, number, boolean, null, array, object */
    public Object anyJson() {
        return switch (random.nextInt(8)) {
            case 0 -> random.nextInt();
            case 1 -> oneOf(1.5e308, -0.0, 12345678901234567890.0);
            case 2 -> random.nextBoolean();
            case 3 -> null;
            case 4 -> List.of(text(), 1);
            case 5 -> Map.of("value", text());
            case 6 -> new JsonRaw(oneOf("12345678901234567890123456789", "1e99999", "-", "0x1F", "01", "[[[[[[[[[["
                    + "]]]]]]]]]]", "{\"a\":{\"a\":{\"a\":{}}}}", "\"\\uD83D\"", "\"\\u0000\"", "\"\\ud800\\udc00\""));
            default -> text();
        };
    }

    /** A JSON value written as is (no quoting). */
    public record JsonRaw(String json) {
    }

    /**
     * Writes JSON by hand, so that text can carry what a JSON library refuses to write: lone surrogates (as
     * {@code \\uXXXX} escapes, valid JSON) and NUL.
     *
     * @param value a Map, List, String, Number, Boolean, {@link JsonRaw} or null
     * @return the JSON text
     */
    public String json(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof JsonRaw raw) {
            out.append(raw.json());
        } else if (value instanceof String s) {
            out.append('"');
            boolean escapeAll = chance(0.2);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || Character.isSurrogate(c) && (escapeAll || !paired(s, i)) || escapeAll && c > 0x7e) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                write(out, String.valueOf(e.getKey()));
                out.append(':');
                write(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(out, list.get(i));
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }

    private static boolean paired(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /**
     * @param text text, may hold lone surrogates
     * @return its UTF-8 bytes, a lone surrogate written as the 3 bytes CESU-8 would use (which is not UTF-8), so
     *         that it reaches the server as an invalid sequence rather than as {@code ?}
     */
    public static byte[] utf8(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.writeBytes(text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else if (Character.isSurrogate(c)) {
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    /** @return bytes that are not valid UTF-8 (stray continuation, overlong, truncated, 0xFF), or random ones */
    public byte[] badBytes() {
        byte[][] samples = {{(byte) 0xC3, 0x28}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xFF, (byte) 0xFE}, {(byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {0}};
        if (chance(0.7)) {
            return samples[random.nextInt(samples.length)];
        }
        byte[] b = new byte[1 + random.nextInt(64)];
        random.nextBytes(b);
        return b;
    }

    /**
     * @param text a value, may hold lone surrogates
     * @return it percent-encoded byte by byte (form bodies and URL path segments), sometimes with a malformed escape
     *         or invalid UTF-8 spliced in
     */
    public String percentEncoded(String text) {
        return percentEncoded(text, true);
    }

    /**
     * @param text      a value, may hold lone surrogates
     * @param malformed whether a malformed escape ({@code %G0}) may be appended, which {@link java.net.URI} refuses
     * @return see {@link #percentEncoded(String)}
     */
    public String percentEncoded(String text, boolean malformed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(utf8(text));
        if (chance(0.1)) {
            bytes.writeBytes(badBytes());
        }
        StringBuilder out = new StringBuilder();
        for (byte b : bytes.toByteArray()) {
            int v = b & 0xFF;
            if (v < 0x80 && (Character.isLetterOrDigit(v) || "-_.~".indexOf(v) >= 0)) {
                out.append((char) v);
            } else {
                out.append('%').append(String.format("%02X", v));
            }
        }
        if (malformed && chance(0.05)) {
            out.append(oneOf("%", "%G0", "%2", "%%"));
        }
        return out.toString();
    }

    /** @return the bytes cut at a random point (possibly empty, never all of them) */
    public byte[] truncate(byte[] bytes) {
        if (bytes.length == 0) {
            return bytes;
        }
        return Arrays.copyOf(bytes, random.nextInt(bytes.length));
    }
}
