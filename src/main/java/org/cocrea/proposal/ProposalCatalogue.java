package org.cocrea.proposal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cocrea.area.Area;
import org.cocrea.area.Areas;
import org.cocrea.consultation.CallForProposals;
import org.cocrea.consultation.Consultations;
import org.cocrea.kernel.HttpCaching;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public list of every proposal of every call (OGP Participation &amp; Co-Creation Standard: publish what was
 * proposed and what happened to it): filters by call, axis, responsible area and status, and a search in Spanish.
 * <p>
 * On PostgreSQL the search is full-text with the {@code spanish} configuration over the title and the description,
 * accents removed ({@code unaccent}) on both sides, through {@code cocrea_proposal_document}, which the GIN index
 * {@code proposal_search} holds ({@link ProposalSearchMigration}): "participacion" finds "participación", "datos"
 * finds "dato abierto"; the words are read as {@code websearch_to_tsquery} reads them (all words, {@code "..."} for
 * a phrase, {@code -word} to leave out, {@code or}); results come by relevance (title first). On H2 (the first-run
 * demo) it is simpler: every word, accents and case ignored and a final {@code s}/{@code es} dropped, must appear
 * in the title or the description ({@code like}). Without a search the list comes newest call first, then by
 * submission. The proposers' name, organisation and e-mail are never read.
 */
@Component
class ProposalCatalogue {

    /** Proposals per page. */
    static final int PAGE_SIZE = 20;
    /** Most proposals in one open-data response (JSON or CSV). */
    static final int MAX_OPEN_DATA = 10_000;

    private static final String COLUMNS = "p.id, p.carried_over_from, p.tracking_code, p.call_id, p.title, p.description, p.axis,"
            + " p.submitter_type, p.submitted_at, p.status, p.area_group, p.verdict, p.response_text,"
            + " p.response_sent_at, p.prioritised";
    private static final String DOCUMENT = "cocrea_proposal_document(p.title, p.description)";
    private static final String H2_TEXT = "translate(lower(p.title || ' ' || p.description),"
            + " 'áéíóúüñàèìòù', 'aeiouunaeiou')";

    private final NamedParameterJdbcTemplate jdbc;
    private final Consultations consultations;
    private final Areas areas;
    private final MessageSource messages;
    private final ObjectProvider<ProposalOutcomes> outcomes;
    private volatile Boolean postgres;

    ProposalCatalogue(NamedParameterJdbcTemplate jdbc, Consultations consultations, Areas areas,
            MessageSource messages, ObjectProvider<ProposalOutcomes> outcomes) {
        this.jdbc = jdbc;
        this.consultations = consultations;
        this.areas = areas;
        this.messages = messages;
        this.outcomes = outcomes;
    }

    /**
     * The choices of the filters, and what {@link ProposalListQuery#parse} accepts.
     *
     * @param calls    every call for proposals, newest first
     * @param axes     the axes of those calls, in the order the calls list them
     * @param areas    the government areas
     * @param statuses the statuses
     */
    record Options(List<CallForProposals> calls, List<String> axes, List<Area> areas, ProposalStatus[] statuses) {
    }

    /**
     * One page of the list.
     *
     * @param query     the filters
     * @param page      1-based page number
     * @param pageSize  proposals per page
     * @param total     proposals matching
     * @param proposals this page's proposals
     */
    record ListPage(ProposalListQuery query, int page, int pageSize, int total, List<PublicProposalRow> proposals) {

        /** @return number of pages, at least 1 */
        public int pages() {
            return Math.max(1, (total + pageSize - 1) / pageSize);
        }
    }

    @Transactional(readOnly = true)
    Options options() {
        List<CallForProposals> calls = new ArrayList<>(consultations.all());
        calls.sort((a, b) -> Long.compare(b.getId(), a.getId()));
        Set<String> axes = new LinkedHashSet<>();
        calls.forEach(c -> axes.addAll(c.getAxes()));
        return new Options(calls, List.copyOf(axes), areas.all(), ProposalStatus.values());
    }

    /**
     * Reads the filters against the options that exist; see {@link ProposalListQuery#parse}.
     *
     * @throws org.cocrea.kernel.InputRefusedException naming the first bad parameter
     */
    ProposalListQuery parse(Options options, String call, String axis, String area, String status, String q) {
        return ProposalListQuery.parse(call, axis, area, status, q,
                options.calls().stream().map(CallForProposals::getId).toList(), options.axes(),
                options.areas().stream().map(Area::getCandidateGroup).toList());
    }

    /**
     * @param query    the filters
     * @param page     1-based page number
     * @param pageSize proposals per page
     * @param locale   the reader's language (labels, titles)
     * @return that page, with the total matching
     */
    @Transactional(readOnly = true)
    ListPage list(ProposalListQuery query, int page, int pageSize, Locale locale) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(query, params);
        Integer total = jdbc.queryForObject("select count(*) from proposal p where 1 = 1" + where, params,
                Integer.class);
        String order = query.q() != null && postgres()
                ? "ts_rank(" + DOCUMENT + ", websearch_to_tsquery('spanish', cocrea_unaccent(:q))) desc, p.id desc"
                : "p.call_id desc, p.submitted_at desc, p.id desc";
        params.addValue("limit", pageSize).addValue("offset", (long) (page - 1) * pageSize);
        List<Raw> raws = jdbc.query("select " + COLUMNS + " from proposal p where 1 = 1" + where + " order by "
                + order + " limit :limit offset :offset", params, ProposalCatalogue::raw);
        return new ListPage(query, page, pageSize, total == null ? 0 : total, rows(raws, locale));
    }

    private String where(ProposalListQuery query, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder();
        if (query.call() != null) {
            where.append(" and p.call_id = :call");
            params.addValue("call", query.call());
        }
        if (query.axis() != null) {
            where.append(" and p.axis = :axis");
            params.addValue("axis", query.axis());
        }
        if (query.area() != null) {
            where.append(" and p.area_group = :area");
            params.addValue("area", query.area());
        }
        if (query.status() != null) {
            where.append(" and p.status = :status");
            params.addValue("status", query.status().name());
        }
        if (query.q() != null) {
            if (postgres()) {
                where.append(" and ").append(DOCUMENT).append(" @@ websearch_to_tsquery('spanish', cocrea_unaccent(:q))");
                params.addValue("q", query.q());
            } else {
                List<String> words = h2Words(query.q());
                for (int i = 0; i < words.size(); i++) {
                    where.append(" and ").append(H2_TEXT).append(" like :w").append(i).append(" escape '!'");
                    params.addValue("w" + i, "%" + words.get(i) + "%");
                }
            }
        }
        return where.toString();
    }

    /** The H2 search's words: lower case, accents removed, a final "es"/"s" dropped, {@code like} wildcards escaped. */
    static List<String> h2Words(String q) {
        List<String> out = new ArrayList<>();
        for (String word : java.text.Normalizer.normalize(q.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty() || out.size() >= 10) {
                continue;
            }
            String stem = word.length() > 5 && word.endsWith("es") ? word.substring(0, word.length() - 2)
                    : word.length() > 3 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
            out.add(stem.replace("!", "!!").replace("%", "!%").replace("_", "!_"));
        }
        return out;
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = HttpCaching.isPostgres(jdbc.getJdbcTemplate());
            postgres = known;
        }
        return known;
    }

    /** The columns read, before labels and outcomes are added. */
    private record Raw(long id, Long carriedOverFrom, String trackingCode, long callId, String title, String description, String axis,
            String submitterType, Timestamp submittedAt, String status, String areaGroup, String verdict,
            String responseText, Timestamp responseSentAt, boolean prioritised) {
    }

    private static Raw raw(ResultSet rs, int n) throws SQLException {
        long from = rs.getLong("carried_over_from");
        return new Raw(rs.getLong("id"), rs.wasNull() ? null : from, rs.getString("tracking_code"), rs.getLong("call_id"), rs.getString("title"),
                rs.getString("description"), rs.getString("axis"), rs.getString("submitter_type"),
                rs.getTimestamp("submitted_at"), rs.getString("status"), rs.getString("area_group"),
                rs.getString("verdict"), rs.getString("response_text"), rs.getTimestamp("response_sent_at"),
                rs.getBoolean("prioritised"));
    }

    private List<PublicProposalRow> rows(List<Raw> raws, Locale locale) {
        Map<Long, String> callTitles = consultations.all().stream()
                .collect(Collectors.toMap(CallForProposals::getId, CallForProposals::getTitle, (a, b) -> a));
        Map<String, Area> areaByGroup = areas.all().stream()
                .collect(Collectors.toMap(Area::getCandidateGroup, Function.identity(), (a, b) -> a));
        Map<String, ProposalOutcomes.Outcome> outcome = outcomes.getIfAvailable(() -> ProposalOutcomes.NONE)
                .of(raws.stream().map(r -> new ProposalOutcomes.Subject(r.trackingCode(), r.callId(), r.axis(),
                        r.prioritised())).toList(), locale);
        Map<Long, String> codeOf = new HashMap<>();
        Map<Long, String> copyOf = new HashMap<>();
        carryOvers(raws, codeOf, copyOf);
        List<PublicProposalRow> out = new ArrayList<>(raws.size());
        for (Raw r : raws) {
            boolean responded = ProposalStatus.RESPONDED.name().equals(r.status());
            PublicProposalView.Response response = !responded ? null
                    : new PublicProposalView.Response(r.verdict(),
                            messages.getMessage("verdict." + r.verdict(), null, r.verdict(), locale),
                            r.responseText(), r.responseSentAt() == null ? null : r.responseSentAt().toInstant());
            Area area = r.areaGroup() == null ? null : areaByGroup.get(r.areaGroup());
            ProposalOutcomes.Outcome o = ProposalOutcomes.outcomeOf(outcome, new ProposalOutcomes.Subject(
                    r.trackingCode(), r.callId(), r.axis(), r.prioritised()));
            out.add(new PublicProposalRow(r.trackingCode(), "/proposals/" + r.trackingCode(), r.callId(),
                    callTitles.get(r.callId()), r.title(), r.description(), r.axis(),
                    Proposals.axisName(messages, r.axis(), locale), r.submitterType(),
                    messages.getMessage("submitterType." + r.submitterType(), null, r.submitterType(), locale),
                    r.submittedAt().toInstant(), r.status(),
                    messages.getMessage("proposal.status." + r.status(), null, r.status(), locale), r.areaGroup(),
                    area == null ? null : area.name(locale), response, o.prioritised(), o.roundTable(), o.commitments(),
                    r.carriedOverFrom() == null ? null : codeOf.get(r.carriedOverFrom()), copyOf.get(r.id())));
        }
        return out;
    }

    /**
     * The other ends of the carry-over between co-creation instances ({@code proposal.carried_over_from}): the
     * originals of the copies on the page ({@code codeOf}, id to tracking code) and the copies of the originals on
     * the page ({@code copyOf}, original's id to the copy's tracking code).
     */
    private void carryOvers(List<Raw> raws, Map<Long, String> codeOf, Map<Long, String> copyOf) {
        if (raws.isEmpty()) {
            return;
        }
        List<Long> ids = raws.stream().map(Raw::id).toList();
        List<Long> originals = raws.stream().map(Raw::carriedOverFrom).filter(java.util.Objects::nonNull).toList();
        MapSqlParameterSource params = new MapSqlParameterSource("ids", ids)
                .addValue("originals", originals.isEmpty() ? List.of(-1L) : originals);
        jdbc.query("select id, tracking_code, carried_over_from from proposal where id in (:originals)"
                + " or carried_over_from in (:ids)", params, rs -> {
                    codeOf.put(rs.getLong("id"), rs.getString("tracking_code"));
                    long from = rs.getLong("carried_over_from");
                    if (!rs.wasNull()) {
                        copyOf.put(from, rs.getString("tracking_code"));
                    }
                });
    }
}
