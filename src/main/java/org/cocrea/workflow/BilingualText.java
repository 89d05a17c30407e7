package org.cocrea.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text the features wrote in both languages at once, split into its Spanish and English parts. The convention
 * (e.g. {@code Proposals.recordReview}, {@code RoundTables}, {@code Consultations}): an optional head
 * "Datos inválidos / Invalid data: ", then problems separated by "; ", each "Spanish / English".
 *
 * @param spanish the Spanish text
 * @param english the English text
 */
record BilingualText(String spanish, String english) {

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
    static BilingualText parse(String text) {
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
     * "es / en" with exactly one separator, or null. A field name the Spanish part starts with ("subject: requerido /
     * required") is kept in the English part too when that part names no field of its own.
     */
    static BilingualText pair(String text) {
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
