package org.cocrea.workflow;

import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The texts of {@code i18n/refusals*.properties}, for refusals made inside the engine (where no Spring
 * {@code MessageSource} is at hand: the process tests' engine has none), in Spanish and English.
 */
final class RefusalTexts {

    static final Locale SPANISH = Locale.forLanguageTag("es");

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("i18n/refusals");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private RefusalTexts() {
    }

    /**
     * @param key  message key, e.g. {@code refusal.unknownTask}
     * @param args message arguments
     * @return the text in Spanish
     */
    static String spanish(String key, Object... args) {
        return MESSAGES.getMessage(key, args, SPANISH);
    }

    /**
     * @param key  message key
     * @param args message arguments
     * @return the text in English
     */
    static String english(String key, Object... args) {
        return MESSAGES.getMessage(key, args, Locale.ENGLISH);
    }

    /**
     * @param key  message key
     * @param args message arguments
     * @return a refusal with the text in both languages
     */
    static RefusedInputException refusal(String key, Object... args) {
        return RefusedInputException.of(spanish(key, args), english(key, args));
    }
}
