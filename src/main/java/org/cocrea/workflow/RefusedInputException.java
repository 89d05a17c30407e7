package org.cocrea.workflow;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import org.camunda.bpm.engine.BadUserRequestException;
import org.cocrea.kernel.BilingualText;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.Languages;
import org.cocrea.kernel.ProblemTexts;

/**
 * Input a user submitted to the engine (a task completion, a start form, a variable) was refused by Cocrea's
 * server-side validation. It carries the reason in Spanish and in English when the thrower knows both
 * ({@link #RefusedInputException(String, String, Throwable)}, {@link #of(String, String)}); {@link #getMessage()} is
 * then "Spanish / English", as before. The one-message constructors keep a text that is already bilingual (or in one
 * language only) and give it in every language.
 * <p>
 * {@link RefusedCommands} makes it the exception the engine throws even when a task listener's refusal was wrapped
 * (ENGINE-03051), so the engine logs it at DEBUG, not ERROR. {@link RefusedInputRestMapper} answers it with HTTP 400
 * (404 for {@link UnknownTaskException}) whose message is only the reason, in the caller's language, on
 * {@code /engine-rest} and on the webapps' internal API that Tasklist uses.
 */
public class RefusedInputException extends BadUserRequestException {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    /** The reason in Spanish, or null when only {@link #getMessage()} is known. */
    private final String spanish;
    /** The reason in English, or null when only {@link #getMessage()} is known. */
    private final String english;

    /**
     * @param message what is wrong, for the user, in Spanish then English ("es / en"); given as is in every language
     * @param cause   the feature's refusal, may be null
     */
    public RefusedInputException(String message, Throwable cause) {
        super(message, cause);
        this.spanish = null;
        this.english = null;
    }

    /** @param message what is wrong, for the user, in Spanish then English; given as is in every language */
    public RefusedInputException(String message) {
        this(message, (Throwable) null);
    }

    /**
     * @param spanish what is wrong, in Spanish; not null
     * @param english the same in English; not null
     * @param cause   the feature's refusal, may be null
     */
    public RefusedInputException(String spanish, String english, Throwable cause) {
        super(spanish + " / " + english, cause);
        this.spanish = spanish;
        this.english = english;
    }

    /**
     * The same refusal with another cause: {@link RefusedCommands} rethrows a refusal the engine wrapped this way, so
     * the wrapper stays in the cause chain.
     *
     * @param refusal the refusal found in the chain
     * @param cause   the engine's wrapper
     */
    protected RefusedInputException(RefusedInputException refusal, Throwable cause) {
        super(refusal.getMessage(), cause);
        this.spanish = refusal.spanish;
        this.english = refusal.english;
    }

    /**
     * @param spanish what is wrong, in Spanish
     * @param english the same in English
     * @return the refusal, without cause
     */
    public static RefusedInputException of(String spanish, String english) {
        return new RefusedInputException(spanish, english, null);
    }

    /**
     * The engine-boundary form of a feature's refusal ({@link InputRefusedException}): the texts of its problems,
     * read from the bundles ({@link ProblemTexts#bundles()}) in Spanish and in English, after the head
     * {@code refusal.invalidData} ("Datos inválidos: " / "Invalid data: ") and separated by "; ".
     *
     * @param refusal the feature's refusal; also the cause
     * @return the refusal, translated
     */
    public static RefusedInputException of(InputRefusedException refusal) {
        return of(refusal, "refusal.invalidData");
    }

    /**
     * As {@link #of(InputRefusedException)}, with another head, or none.
     *
     * @param refusal the feature's refusal; also the cause
     * @param headKey the message key of the head, e.g. {@code refusal.invalidCall}; null for no head (the texts of
     *                the problems only, e.g. "Ya hay una convocatoria abierta ...")
     * @return the refusal, translated
     */
    public static RefusedInputException of(InputRefusedException refusal, String headKey) {
        ProblemTexts texts = ProblemTexts.bundles();
        return of(refusal, headKey, texts::text);
    }

    /**
     * The one translation of a feature's refusal for the engine: the head, then each problem as {@code shown}
     * writes it (for example with the field's label), separated by "; ", in Spanish and in English.
     *
     * @param refusal the feature's refusal; also the cause
     * @param headKey the message key of the head in {@code i18n/refusals}, or null for no head
     * @param shown   how one problem reads in a language
     * @return the refusal, translated
     */
    public static RefusedInputException of(InputRefusedException refusal, String headKey,
            BiFunction<FieldProblem, Locale, String> shown) {
        return new RefusedInputException(text(refusal, headKey, shown, Languages.SPANISH),
                text(refusal, headKey, shown, Locale.ENGLISH), refusal);
    }

    private static String text(InputRefusedException refusal, String headKey,
            BiFunction<FieldProblem, Locale, String> shown, Locale locale) {
        List<FieldProblem> problems = refusal.problems();
        return (headKey == null ? "" : ProblemTexts.bundles().text(headKey, locale) + ": ")
                + String.join("; ", problems.stream().map(p -> shown.apply(p, locale)).toList());
    }

    /**
     * A refusal whose text follows the features' convention "Spanish / English" for each problem, optionally after
     * a "Prefix / Prefijo: " head and with problems separated by "; " (e.g. {@code InvalidReviewException}). Split
     * into both languages when the text can be read that way without doubt; otherwise given as is in every language.
     *
     * @param bilingual the feature's message
     * @param cause     the feature's refusal, may be null
     * @return the refusal
     */
    public static RefusedInputException fromBilingual(String bilingual, Throwable cause) {
        BilingualText text = BilingualText.parse(bilingual);
        return text == null ? new RefusedInputException(bilingual, cause)
                : new RefusedInputException(text.spanish(), text.english(), cause);
    }

    /**
     * The reason for a reader of that language.
     *
     * @param locale the reader's language, or null when unknown
     * @return the Spanish text for {@code es}, the English one for {@code en}; otherwise, or when the thrower gave one
     *         text only, {@link #getMessage()}
     */
    public String message(Locale locale) {
        if (locale == null || spanish == null) {
            return getMessage();
        }
        if (SPANISH.getLanguage().equals(locale.getLanguage())) {
            return spanish;
        }
        if (Locale.ENGLISH.getLanguage().equals(locale.getLanguage())) {
            return english;
        }
        return getMessage();
    }

    /** @return whether the reason is known in Spanish and English separately */
    public boolean isTranslated() {
        return spanish != null;
    }

    /**
     * @param cause the engine's wrapper
     * @return this refusal again with that cause, of the same kind
     */
    RefusedInputException rethrownFrom(Throwable cause) {
        return new RefusedInputException(this, cause);
    }
}
