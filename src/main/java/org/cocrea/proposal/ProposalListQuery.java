package org.cocrea.proposal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.InputText;

/**
 * The filters of the public proposal list ({@code /proposals}, {@code /api/proposals}, {@code /proposals.csv}), as
 * read from the query string. Every field may be null (no filter).
 *
 * @param call   call for proposals id ({@code proposal.call_id})
 * @param axis   thematic axis id, e.g. {@code ambiente}
 * @param area   candidate group of the responsible area, e.g. {@code area-ambiente}
 * @param status the proposal's status
 * @param q      the words searched for in the title and description (Spanish full-text search), trimmed
 */
record ProposalListQuery(Long call, String axis, String area, ProposalStatus status, String q) {

    /** Longest search text accepted, in characters. */
    static final int MAX_SEARCH = 200;
    /** Largest page number accepted. */
    static final int MAX_PAGE = 10_000;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    /**
     * Reads the query parameters; a blank value (the "all" option of the form) means no filter.
     *
     * @param call   {@code call} parameter: the id of a call for proposals, may be null
     * @param axis   {@code axis} parameter, may be null
     * @param area   {@code area} parameter, may be null
     * @param status {@code status} parameter ({@link ProposalStatus}, any case), may be null
     * @param q      {@code q} parameter, may be null
     * @param calls  ids of the calls that exist
     * @param axes   axes of those calls
     * @param areas  candidate groups of the areas
     * @return the filters; a search without any letter or digit ({@link #hasWords}) is no search ({@code q} null)
     * @throws InputRefusedException naming every bad parameter, code {@code publicproposals.error.<reason>}:
     *                               {@code badCall} (not a call's id), {@code badAxis} / {@code badArea} (not one
     *                               of the list's options), {@code badStatus}, {@code searchTooLong} (over
     *                               {@value #MAX_SEARCH} characters, counted as {@link InputText#length}),
     *                               {@code searchCharacters} (control characters such as NUL)
     */
    static ProposalListQuery parse(String call, String axis, String area, String status, String q,
            Collection<Long> calls, Collection<String> axes, Collection<String> areas) {
        List<FieldProblem> problems = new ArrayList<>();
        Long callId = null;
        if (!blank(call)) {
            try {
                callId = Long.valueOf(call.trim());
            } catch (NumberFormatException e) {
                callId = null;
            }
            if (callId == null || !calls.contains(callId)) {
                problems.add(FieldProblem.of("call", "publicproposals.error.badCall"));
            }
        }
        String axisId = option("axis", axis, axes, "publicproposals.error.badAxis", problems);
        String areaGroup = option("area", area, areas, "publicproposals.error.badArea", problems);
        ProposalStatus parsedStatus = null;
        if (!blank(status)) {
            try {
                parsedStatus = ProposalStatus.valueOf(status.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("status", "publicproposals.error.badStatus"));
            }
        }
        String text = blank(q) ? null : q.strip();
        if (text != null && InputText.exceeds(text, MAX_SEARCH)) {
            problems.add(FieldProblem.of("q", "publicproposals.error.searchTooLong", MAX_SEARCH, InputText.length(text)));
        } else if (text != null && InputText.hasForbiddenCharacters(text)) {
            problems.add(FieldProblem.of("q", "publicproposals.error.searchCharacters"));
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        return new ProposalListQuery(callId, axisId, areaGroup, parsedStatus, hasWords(text) ? text : null);
    }

    /**
     * @param q a search text, may be null
     * @return whether it holds a word to search for (a letter or a digit); {@code "!!!"} or {@code "-"} does not,
     *         and is then no search at all (the page says so: {@code publicproposals.searchWithoutWords})
     */
    static boolean hasWords(String q) {
        return q != null && q.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /**
     * Request parameters the list does not know and whose name no form sends: a name with characters other than
     * letters, digits, {@code _} and {@code -} (e.g. {@code axis[]}, the list syntax of some frameworks).
     *
     * @param names the request's parameter names
     * @return one problem per such name (code {@code publicproposals.error.badParameter}), in the given order
     */
    static List<FieldProblem> malformedNames(Collection<String> names) {
        List<FieldProblem> out = new ArrayList<>();
        for (String name : names) {
            if (!PARAMETER_NAME.matcher(name).matches()) {
                out.add(FieldProblem.of(InputText.withoutForbiddenCharacters(InputText.cut(name, 40)),
                        "publicproposals.error.badParameter"));
            }
        }
        return out;
    }

    /**
     * @param value {@code page} parameter, may be null or blank (page 1)
     * @return the 1-based page number
     * @throws InputRefusedException ({@code page}, {@code publicproposals.error.badPage}) when not a whole number
     *                               between 1 and {@value #MAX_PAGE}
     */
    static int page(String value) {
        if (blank(value)) {
            return 1;
        }
        try {
            int page = Integer.parseInt(value.trim());
            if (page >= 1 && page <= MAX_PAGE) {
                return page;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InputRefusedException.of("page", "publicproposals.error.badPage", MAX_PAGE);
    }

    private static String option(String name, String value, Collection<String> known, String code,
            List<FieldProblem> problems) {
        if (blank(value)) {
            return null;
        }
        String id = value.trim();
        if (!ID.matcher(id).matches() || !known.contains(id)) {
            problems.add(FieldProblem.of(name, code));
            return null;
        }
        return id;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** @return the filters set, as query parameters in a stable order (for links that keep them) */
    Map<String, String> parameters() {
        Map<String, String> out = new LinkedHashMap<>();
        if (call != null) {
            out.put("call", String.valueOf(call));
        }
        if (axis != null) {
            out.put("axis", axis);
        }
        if (area != null) {
            out.put("area", area);
        }
        if (status != null) {
            out.put("status", status.name());
        }
        if (q != null) {
            out.put("q", q);
        }
        return out;
    }
}
