package org.cocrea.kernel;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Renders {@link FieldProblem}s from the message bundles. Inside Spring, use the application's {@link MessageSource}
 * ({@link #ProblemTexts(MessageSource)}); where none is at hand (the engine's delegates in the process tests, which run
 * without Spring), {@link #bundles()} reads the same bundles as {@code spring.messages.basename}.
 */
public final class ProblemTexts {

    /** The bundles of {@code spring.messages.basename} in {@code application.yaml}, plus {@code i18n/refusals}. */
    public static final List<String> BASENAMES = List.of("messages", "i18n/migrations", "i18n/stage3",
            "i18n/followup", "i18n/dashboard", "i18n/implementation", "i18n/limits", "i18n/login", "i18n/usability",
            "i18n/bilingual", "i18n/accessibility", "i18n/publicproposals", "i18n/following", "i18n/cocreation",
            "i18n/moderation", "i18n/forum", "i18n/community", "i18n/refusals");

    private static final ProblemTexts BUNDLES = new ProblemTexts(bundleSource());

    private final MessageSource messages;

    /**
     * @param messages the application's message source
     */
    public ProblemTexts(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * @return texts read straight from the bundles, for code that runs without Spring
     */
    public static ProblemTexts bundles() {
        return BUNDLES;
    }

    /**
     * @param problem the refused field
     * @param locale  the reader's language; anything but English reads Spanish
     * @return the reason's text
     * @throws NoSuchMessageException when the bundles have no such key (a programming error, caught by the tests)
     */
    public String text(FieldProblem problem, Locale locale) {
        return messages.getMessage(problem.code(), problem.argArray(), language(locale));
    }

    /**
     * A refused field as a form's error summary shows it: its label, then the reason.
     *
     * @param problem     the refused field
     * @param labelPrefix the prefix of the form's label keys, e.g. {@code forum.field.}; the field's name is shown when
     *                    the bundles have no label for it
     * @param locale      the reader's language; anything but English reads Spanish
     * @return e.g. "Sector: elegí un sector de la lista"
     * @throws NoSuchMessageException when the bundles have no text for the reason
     */
    public String labelled(FieldProblem problem, String labelPrefix, Locale locale) {
        return messages.getMessage(labelPrefix + problem.field(), null, problem.field(), language(locale)) + ": "
                + text(problem, locale);
    }

    /**
     * @param code   a message key, e.g. {@code refusal.invalidData}
     * @param locale the reader's language; anything but English reads Spanish
     * @param args   the message arguments
     * @return the text
     * @throws NoSuchMessageException when the bundles have no such key
     */
    public String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, language(locale));
    }

    /**
     * @param refusal a refusal
     * @param locale  the reader's language
     * @return the texts of all its problems, joined by a space, in the order they were found
     */
    public String text(InputRefusedException refusal, Locale locale) {
        return String.join(" ", refusal.problems().stream().map(p -> text(p, locale)).toList());
    }

    private static Locale language(Locale locale) {
        return Languages.supported(locale);
    }

    private static MessageSource bundleSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(BASENAMES.toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
