package org.cocrea.web;

/** Rules every free text typed by a person must follow before it is stored. */
public final class InputText {

    private InputText() {
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
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7f && c < 0xa0)
                    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
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
