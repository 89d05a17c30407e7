package org.cocrea.kernel;

import java.util.List;
import java.util.Locale;

/**
 * The two languages every user-facing text of Cocrea exists in: Spanish (the default) and English.
 */
public final class Languages {

    /** Spanish, the default language. */
    public static final Locale SPANISH = Locale.forLanguageTag("es");
    /** The languages every user-facing text exists in. */
    public static final List<Locale> SUPPORTED = List.of(SPANISH, Locale.ENGLISH);

    private Languages() {
    }

    /**
     * @param requested a locale asked for, may be null
     * @return English when the request's language is English, Spanish otherwise
     */
    public static Locale supported(Locale requested) {
        return requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : SPANISH;
    }
}
