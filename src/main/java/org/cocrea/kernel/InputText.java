package org.cocrea.kernel;

/**
 * Rules every free text typed by a person must follow before it is stored, and the one way Cocrea counts its length.
 * <p>
 * Lengths are counted in Unicode code points, as people count characters and as PostgreSQL counts them in a
 * {@code varchar(n)} column: an emoji or a letter outside the Basic Multilingual Plane is one character, not the two
 * UTF-16 units {@link String#length()} counts (a combining accent is a code point of its own, as in PostgreSQL). Every
 * length limit of public input and staff forms uses {@link #length}, {@link #exceeds} or {@link #cut}, so a value one
 * check accepts is never refused by another check, nor by the database.
 */
public final class InputText {

    private InputText() {
    }

    /**
     * @param value text, may be null
     * @return its length in Unicode code points (0 for null); a lone surrogate counts as one
     */
    public static int length(String value) {
        return value == null ? 0 : value.codePointCount(0, value.length());
    }

    /**
     * @param value text, may be null (never too long)
     * @param max   the limit, in code points
     * @return whether the text has more than {@code max} code points
     */
    public static boolean exceeds(String value, int max) {
        // a String of at most max UTF-16 units has at most max code points: skip the count for short values
        return value != null && value.length() > max && length(value) > max;
    }

    /**
     * @param value text, may be null
     * @param max   the limit, in code points
     * @return the text cut to its first {@code max} code points (never in the middle of a surrogate pair); null for
     *         null
     */
    public static String cut(String value, int max) {
        if (!exceeds(value, max)) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, max));
    }

    /**
     * @param value    text, may be null
     * @param max      the limit, in code points, of the result
     * @param ellipsis what marks the cut, e.g. {@code "..."}
     * @return the text unchanged when within {@code max}, else cut so that it and the ellipsis fit in {@code max}
     */
    public static String abbreviate(String value, int max, String ellipsis) {
        if (!exceeds(value, max)) {
            return value;
        }
        return cut(value, Math.max(0, max - length(ellipsis))) + ellipsis;
    }

    /**
     * For text Cocrea keeps though it may not refuse it (an uploaded file's name): the text without the characters
     * {@link #hasForbiddenCharacters} refuses, and without tabs and line breaks.
     *
     * @param value text, may be null
     * @return the text without control characters, unpaired surrogates and bidirectional overrides/isolates (so
     *         {@code "acta\u202Efdp.exe"} cannot pass for {@code "actaexe.pdf"}); null for null
     */
    public static String withoutForbiddenCharacters(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.append(c).append(value.charAt(++i));
            } else if (!Character.isSurrogate(c) && !forbidden(c) && c != '\n' && c != '\r' && c != '\t') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean forbidden(char c) {
        return (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7f && c < 0xa0)
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }

    /**
     * @param value text, may be null
     * @return whether it has a character one can see: false for null, white space only, no-break spaces and format
     *         characters such as the zero-width space (a name made of those is empty to a reader)
     */
    public static boolean visible(String value) {
        return value != null && value.codePoints().anyMatch(cp -> !Character.isWhitespace(cp)
                && !Character.isSpaceChar(cp) && Character.getType(cp) != Character.FORMAT);
    }

    /**
     * @param value text, may be null
     * @return whether it holds a control character (C0 other than tab and line breaks, DEL, C1; PostgreSQL refuses
     *         NUL), an unpaired surrogate or a bidirectional override/isolate (which can disguise text)
     */
    public static boolean hasForbiddenCharacters(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (forbidden(c)) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
