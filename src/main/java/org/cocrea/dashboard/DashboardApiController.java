package org.cocrea.dashboard;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.HttpCaching;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.Languages;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open data of the dashboard, with the same filters as the page ({@code axis}, {@code status}, {@code leadArea}) and
 * no paging (at most {@value Dashboard#MAX_OPEN_DATA} commitments): {@code /api/dashboard} (JSON, one object per
 * commitment) and {@code /api/dashboard.csv} (one row per milestone, {@link #CSV_COLUMNS}). Dates are Buenos Aires
 * calendar dates ({@code yyyy-MM-dd}; a report's period is the first day of its month) and instants carry the
 * Buenos Aires offset. A bad parameter gets a 400 JSON body {@code {"errors":[{"parameter","code","reason"}]}}.
 * Anonymous responses carry an {@code ETag} (the data version of {@link DashboardVersion}, the language and the
 * filters) and a matching {@code If-None-Match} gets a 304 without reading the data ({@link HttpCaching}).
 */
@RestController
class DashboardApiController {

    /**
     * Columns of the CSV, one row per milestone (a commitment without milestones has one row, milestone empty). Texts
     * in Spanish ({@code lead_area} in the request's language), with {@code lead_area_en} and
     * {@code milestone_title_en} in English.
     */
    static final List<String> CSV_COLUMNS = List.of("commitment_code", "action_plan", "title_es", "title_en", "axis",
            "lead_area_group", "lead_area", "commitment_status", "commitment_percent_complete",
            "last_accepted_period", "accepted_reports", "completion_level", "opened_government",
            "milestone_position", "milestone_title", "milestone_start_date", "milestone_end_date", "milestone_status",
            "milestone_percent_complete", "milestone_last_period", "lead_area_en", "milestone_title_en");

    private final Dashboard dashboard;
    private final MessageSource messages;
    private final DashboardVersion version;

    DashboardApiController(Dashboard dashboard, MessageSource messages, DashboardVersion version) {
        this.dashboard = dashboard;
        this.messages = messages;
        this.version = version;
    }

    /** @return true when the client's copy is current (the response is then a 304): the caller returns null */
    private boolean notModified(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        return HttpCaching.cacheable(request) && HttpCaching.notModified(request, response, version.current(),
                Languages.supported(locale).getLanguage(), request.getQueryString());
    }

    /**
     * The open data as JSON.
     *
     * @param filters     the filters applied, as query parameters
     * @param total       commitments matching
     * @param commitments the commitments, by code
     */
    record OpenData(Map<String, String> filters, int total, List<CommitmentProgress> commitments) {
    }

    /**
     * A bad parameter.
     *
     * @param errors one entry per bad parameter
     */
    record Errors(List<Entry> errors) {
        record Entry(String parameter, String code, String reason) {
        }
    }

    @GetMapping(path = "/api/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
    OpenData json(@RequestParam(required = false) String axis, @RequestParam(required = false) String status,
            @RequestParam(required = false) String leadArea, Locale locale, HttpServletRequest request,
            HttpServletResponse response) {
        DashboardQuery query = DashboardQuery.parse(axis, status, leadArea);
        if (notModified(request, response, locale)) {
            return null;
        }
        DashboardPage page = dashboard.list(query, 1, Dashboard.MAX_OPEN_DATA,
                Languages.supported(locale).getLanguage());
        return new OpenData(query.parameters(), page.total(), page.commitments());
    }

    @GetMapping(path = "/api/dashboard.csv", produces = "text/csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String axis,
            @RequestParam(required = false) String status, @RequestParam(required = false) String leadArea,
            Locale locale, HttpServletRequest request, HttpServletResponse response) {
        DashboardQuery query = DashboardQuery.parse(axis, status, leadArea);
        if (notModified(request, response, locale)) {
            return null;
        }
        DashboardPage page = dashboard.list(query, 1, Dashboard.MAX_OPEN_DATA,
                Languages.supported(locale).getLanguage());
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(CSV_COLUMNS.toArray(new String[0])).get())) {
            for (CommitmentProgress c : page.commitments()) {
                List<Object> common = Arrays.asList(c.code(), c.actionPlan(), c.titleEs(), c.titleEn(),
                        c.axis(), c.leadAreaGroup(), c.leadArea(), c.status(), c.percentComplete(),
                        c.lastAcceptedPeriod(), c.acceptedReports(),
                        c.evaluation() == null ? null : c.evaluation().completionLevel(),
                        c.evaluation() == null ? null : c.evaluation().openedGovernment());
                if (c.milestones().isEmpty()) {
                    csv.printRecord(concat(common, Arrays.asList(null, null, null, null, null, null, null,
                            c.leadAreaNames().english(), null)));
                }
                for (MilestoneState m : c.milestones()) {
                    csv.printRecord(concat(common, Arrays.asList(m.position(), m.titles().spanish(),
                            m.startDate(), m.endDate(), m.status(), m.percentComplete(), m.lastPeriod(),
                            c.leadAreaNames().english(), m.titles().english())));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"seguimiento-plan-de-accion.csv\"")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    @ExceptionHandler(InputRefusedException.class)
    ResponseEntity<Errors> badParameter(InputRefusedException e, Locale locale) {
        FieldProblem problem = e.first();
        String reason = messages.getMessage(problem.code(), new Object[] {DashboardController.MAX_PAGE},
                DashboardController.reason(problem), Languages.supported(locale));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(new Errors(List.of(new Errors.Entry(problem.field(), DashboardController.reason(problem),
                        reason))));
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
