package org.cocrea.proposal;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cocrea.kernel.CsvFiles;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.HttpCaching;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.Languages;
import org.cocrea.kernel.ProblemTexts;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open data of the public proposal list, with the same filters and order as {@code /proposals} and no paging (at
 * most {@value ProposalCatalogue#MAX_OPEN_DATA} proposals): {@code /api/proposals} (JSON) and
 * {@code /api/proposals.csv} or {@code /proposals.csv} (one row per proposal, {@link #CSV_COLUMNS}). Instants are
 * ISO-8601: in UTC ({@code Z}) in the JSON, as in {@code GET /api/proposals/{trackingCode}}; with the
 * America/Argentina/Buenos_Aires offset in the CSV (for spreadsheets). A {@code page} parameter is ignored. Never the proposers' names, organisations or e-mails. A bad parameter
 * gets a 400 JSON body {@code {"errors":[{"field","code","reason"}]}}, as the rest of the proposal API. Anonymous
 * valid requests are validated and kept as {@code /proposals} is ({@link ProposalListVersion}, {@link HttpCaching}).
 */
@RestController
class ProposalListApiController {

    /**
     * Columns of the CSV, one row per proposal; labels in the request's language, {@code commitment_codes} separated
     * by {@code ;}.
     */
    static final List<String> CSV_COLUMNS = List.of("tracking_code", "url", "call_id", "call_title", "title",
            "description", "axis", "axis_name", "submitter_type", "submitted_at", "status", "status_label",
            "area_group", "area_name", "verdict", "response", "response_sent_at", "round_table_id",
            "round_table_title", "round_table_status", "commitment_codes", "carried_over_from", "carried_over_to",
            "prioritised");

    private static final ZoneId BUENOS_AIRES = ZoneId.of("America/Argentina/Buenos_Aires");

    private final ProposalCatalogue catalogue;
    private final ProposalListVersion version;
    private final ProblemTexts texts;

    ProposalListApiController(ProposalCatalogue catalogue, ProposalListVersion version, MessageSource messages) {
        this.catalogue = catalogue;
        this.version = version;
        this.texts = new ProblemTexts(messages);
    }

    /**
     * The list as JSON.
     *
     * @param filters   the filters applied, as query parameters
     * @param total     proposals matching
     * @param proposals the proposals, in the page's order
     */
    record OpenData(Map<String, String> filters, int total, List<PublicProposalRow> proposals) {
    }

    @Operation(summary = "Every proposal of every call, with its status, responsible area, reasoned response and "
            + "the round-table and commitments it led to (no personal data)")
    @GetMapping(path = "/api/proposals", produces = MediaType.APPLICATION_JSON_VALUE)
    OpenData json(@Parameter(description = "call for proposals id") @RequestParam(required = false) String call,
            @Parameter(description = "axis id, e.g. ambiente") @RequestParam(required = false) String axis,
            @Parameter(description = "responsible area's group, e.g. area-ambiente")
            @RequestParam(required = false) String area,
            @Parameter(description = "RECEIVED, IN_REVIEW, REVIEWED or RESPONDED")
            @RequestParam(required = false) String status,
            @Parameter(description = "words to search for in Spanish (title and description)")
            @RequestParam(required = false) String q, Locale locale, HttpServletRequest request,
            HttpServletResponse response) {
        ProposalCatalogue.ListPage page = all(call, axis, area, status, q, locale, request, response);
        if (page == null) {
            return null;
        }
        return new OpenData(page.query().parameters(), page.total(), page.proposals());
    }

    @Operation(summary = "The same list as CSV")
    @GetMapping(path = {"/api/proposals.csv", "/proposals.csv"}, produces = "text/csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String call,
            @RequestParam(required = false) String axis, @RequestParam(required = false) String area,
            @RequestParam(required = false) String status, @RequestParam(required = false) String q,
            Locale locale, HttpServletRequest request, HttpServletResponse response) {
        ProposalCatalogue.ListPage page = all(call, axis, area, status, q, locale, request, response);
        if (page == null) {
            return null;
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(CSV_COLUMNS.toArray(new String[0])).get())) {
            for (PublicProposalRow p : page.proposals()) {
                var r = p.response();
                var t = p.roundTable();
                // Title, description and response are free text from the public or the areas: no formulas.
                csv.printRecord(p.trackingCode(), p.url(), p.callId(), CsvFiles.neutralise(p.callTitle()),
                        CsvFiles.neutralise(p.title()), CsvFiles.neutralise(p.description()),
                        p.axis(), p.axisName(), p.submitterType(), time(p.submittedAt()), p.status(),
                        p.statusLabel(), p.areaGroup(), p.areaName(), r == null ? null : r.verdict(),
                        r == null ? null : CsvFiles.neutralise(r.text()), r == null ? null : time(r.sentAt()),
                        t == null ? null : t.id(), t == null ? null : CsvFiles.neutralise(t.title()), t == null ? null : t.status(),
                        p.commitments().stream().map(ProposalOutcomes.CommitmentLink::code)
                                .collect(Collectors.joining(";")), p.carriedOverFrom(), p.carriedOverTo(), p.prioritised());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"propuestas.csv\"")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return every matching proposal, or null when the response is already complete (a 304, or the rendering kept
     *         for this version of the list: {@link HttpCaching})
     * @throws InputRefusedException naming every bad parameter
     */
    private ProposalCatalogue.ListPage all(String call, String axis, String area, String status, String q,
            Locale locale, HttpServletRequest request, HttpServletResponse response) {
        String language = Languages.supported(locale).getLanguage();
        String data = HttpCaching.cacheable(request) ? version.current() : null;
        if (data != null && HttpCaching.answeredEarlier(request, response, data, language, request.getQueryString())) {
            return null;
        }
        List<FieldProblem> problems = new ArrayList<>(ProposalListQuery.malformedNames(
                request.getParameterMap().keySet()));
        ProposalListQuery query = null;
        try {
            query = catalogue.parse(catalogue.options(), call, axis, area, status, q);
        } catch (InputRefusedException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        if (data != null && HttpCaching.notModified(request, response, data, language, request.getQueryString())) {
            return null;
        }
        return catalogue.list(query, 1, ProposalCatalogue.MAX_OPEN_DATA, Languages.supported(locale));
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.atZone(BUENOS_AIRES).toOffsetDateTime().toString();
    }

    @ExceptionHandler(InputRefusedException.class)
    ResponseEntity<ApiError> badParameter(InputRefusedException e, Locale locale) {
        Locale language = Languages.supported(locale);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(e.problems().stream().map(problem -> new ApiError.Entry(problem.field(),
                        problem.code().substring(problem.code().lastIndexOf('.') + 1),
                        texts.text(problem, language))).toList()));
    }
}
