package org.cocrea.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A text in Spanish and English: a title, a milestone, an institution's name, a round-table's title, or a message
 * the features wrote in both languages at once. Public pages show one language at a time with {@link #in(Locale)}:
 * the visitor's language when the text exists in it, otherwise the other language, marked as a fallback (the page
 * then says "(solo en inglés)" / "(Spanish only)" and sets the element's {@code lang}). A side may be an own
 * translation of the other (not an official text): {@link #translated()} names it, and pages say so discreetly.
 *
 * <p>Messages of the features follow a convention that {@link #parse(String)} splits (e.g.
 * {@code Proposals.recordReview}, {@code RoundTables}, {@code Consultations}): an optional head
 * "Datos inválidos / Invalid data: ", then problems separated by "; ", each "Spanish / English".
 *
 * @param spanish    the Spanish text, null when there is none (a blank text counts as none)
 * @param english    the English text, null when there is none (a blank text counts as none)
 * @param translated {@code es} or {@code en}: the side that is an own translation of the other; null when both are
 *                   originals (or one side is missing)
 */
public record BilingualText(String spanish, String english, String translated) {

    /** Spanish. */
    public static final String ES = "es";
    /** English. */
    public static final String EN = "en";

    /**
     * @throws IllegalArgumentException when {@code translated} is neither null, {@code es} nor {@code en}
     */
    public BilingualText {
        spanish = spanish == null || spanish.isBlank() ? null : spanish;
        english = english == null || english.isBlank() ? null : english;
        if (translated != null && !ES.equals(translated) && !EN.equals(translated)) {
            throw new IllegalArgumentException("translated must be es, en or null: " + translated);
        }
        if (ES.equals(translated) && spanish == null || EN.equals(translated) && english == null) {
            translated = null;
        }
    }

    /**
     * Both sides original.
     *
     * @param spanish the Spanish text, may be null
     * @param english the English text, may be null
     */
    public BilingualText(String spanish, String english) {
        this(spanish, english, null);
    }

    /**
     * The text as shown to a reader of one language.
     *
     * @param text       the text, null only when neither language has one
     * @param language   {@code es} or {@code en}: the language of {@code text} (for the element's {@code lang})
     * @param fallback   true when the reader's language has no text and the other language is shown
     * @param translated true when {@code text} is an own translation, not an official text
     */
    public record Shown(String text, String language, boolean fallback, boolean translated) {

        /** @return whether there is a text at all */
        public boolean present() {
            return text != null;
        }

        @Override
        public String toString() {
            return text == null ? "" : text;
        }
    }

    /**
     * @param locale the reader's locale, may be null (Spanish)
     * @return the text in the reader's language (English for {@code en}, Spanish otherwise), else the other language
     *         marked as a fallback
     */
    public Shown in(Locale locale) {
        return in(locale == null ? ES : locale.getLanguage());
    }

    /**
     * @param language {@code en}, or anything else for Spanish
     * @return the text in that language, else the other language marked as a fallback
     */
    public Shown in(String language) {
        String wanted = EN.equals(language) ? EN : ES;
        String text = text(wanted);
        if (text != null) {
            return new Shown(text, wanted, false, wanted.equals(translated));
        }
        String other = EN.equals(wanted) ? ES : EN;
        String fallback = text(other);
        return new Shown(fallback, fallback == null ? wanted : other, fallback != null, other.equals(translated));
    }

    /**
     * @param language {@code es} or {@code en}
     * @return the text written in that language, or null (no fallback)
     */
    public String text(String language) {
        return EN.equals(language) ? english : spanish;
    }

    /** @return whether it has no text in either language */
    @JsonIgnore
    public boolean isEmpty() {
        return spanish == null && english == null;
    }

    private static final String SEPARATOR = " / ";
    /** A variable or field name, e.g. {@code milestones[2].workDone}, then ": ". */
    private static final Pattern FIELD = Pattern.compile("([A-Za-z][A-Za-z0-9_.\\[\\]]*): .+", Pattern.DOTALL);
    /** A text that starts with a label of its own ("link: ..."). */
    private static final Pattern LABELLED = Pattern.compile("\\S+: .+", Pattern.DOTALL);
    /** "Head in Spanish / Head in English: rest", heads without ':', '/' or ';'. */
    private static final Pattern HEAD = Pattern.compile("([^:/;]+) / ([^:/;]+): (.+)", Pattern.DOTALL);

    /**
     * @param text the bilingual text
     * @return both parts, or null when the text does not follow the convention without doubt (a part that holds no
     *         separator or more than one)
     */
    public static BilingualText parse(String text) {
        if (text == null) {
            return null;
        }
        String headEs = "";
        String headEn = "";
        String rest = text;
        Matcher head = HEAD.matcher(text);
        if (head.matches()) {
            headEs = head.group(1) + ": ";
            headEn = head.group(2) + ": ";
            rest = head.group(3);
        }
        List<String> es = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (String problem : rest.split("; ")) {
            BilingualText one = pair(problem);
            if (one == null) {
                // one problem is not a pair: read the whole rest as one pair, or give up
                BilingualText whole = pair(rest);
                return whole == null ? null
                        : new BilingualText(headEs + whole.spanish(), headEn + whole.english());
            }
            es.add(one.spanish());
            en.add(one.english());
        }
        return new BilingualText(headEs + String.join("; ", es), headEn + String.join("; ", en));
    }

    /**
     * @param text a text "es / en"
     * @return both parts when it has exactly one separator, or null. A field name the Spanish part starts with
     *         ("subject: requerido / required") is kept in the English part too when that part names no field of its
     *         own.
     */
    public static BilingualText pair(String text) {
        int at = text.indexOf(SEPARATOR);
        if (at <= 0 || text.indexOf(SEPARATOR, at + 1) >= 0 || at + SEPARATOR.length() >= text.length()) {
            return null;
        }
        String es = text.substring(0, at).strip();
        String en = text.substring(at + SEPARATOR.length()).strip();
        Matcher field = FIELD.matcher(es);
        if (field.matches() && !LABELLED.matcher(en).matches()) {
            en = field.group(1) + ": " + en;
        }
        return new BilingualText(es, en);
    }
}
