package org.cocrea.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.cocrea.kernel.HttpCaching;

import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.NotFoundException;
import org.cocrea.kernel.Languages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public dashboard pages: {@code /dashboard} (filters {@code axis}, {@code status}, {@code leadArea}, paged by
 * {@code page}), {@code /dashboard/{code}} (a commitment with its full timeline, paged by {@code page}) and the Atom
 * feed {@code /dashboard/feed}. Bad query parameters get a 400 page naming the parameter and the reason; an unknown
 * commitment code, 404. Anonymous responses carry an {@code ETag} made of the dashboard's data version
 * ({@link DashboardVersion}) and the language, and a matching {@code If-None-Match} gets a 304 without reading the
 * page's data ({@link HttpCaching}).
 */
@Controller
class DashboardController {

    /** Commitment codes as {@code commitment.code} holds them. */
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{1,20}");
    /** Largest page number accepted. */
    static final int MAX_PAGE = 10_000;

    private final Dashboard dashboard;
    private final DashboardFeed feed;
    private final DashboardVersion version;

    DashboardController(Dashboard dashboard, DashboardFeed feed, DashboardVersion version) {
        this.dashboard = dashboard;
        this.feed = feed;
        this.version = version;
    }

    /**
     * @return true when the request is cacheable and the client's copy is current (the response is then a 304):
     *         the caller returns null
     */
    private boolean notModified(HttpServletRequest request, HttpServletResponse response, String language) {
        return HttpCaching.cacheable(request)
                && HttpCaching.notModified(request, response, version.current(), language, request.getQueryString());
    }

    @GetMapping("/dashboard")
    String list(@RequestParam(required = false) String axis, @RequestParam(required = false) String status,
            @RequestParam(required = false) String leadArea, @RequestParam(required = false) String page, Model model,
            Locale locale, HttpServletRequest request, HttpServletResponse response) {
        DashboardQuery query = DashboardQuery.parse(axis, status, leadArea);
        int p = DashboardQuery.page("page", page, MAX_PAGE);
        String language = Languages.supported(locale).getLanguage();
        if (notModified(request, response, language)) {
            return null;
        }
        DashboardPage result = dashboard.list(query, p, Dashboard.PAGE_SIZE, language);
        model.addAttribute("result", result);
        model.addAttribute("options", dashboard.options(language));
        model.addAttribute("filterQuery", queryString(query.parameters(), 1));
        model.addAttribute("previousPage", p > 1 ? "/dashboard" + queryString(query.parameters(), p - 1) : null);
        model.addAttribute("nextPage",
                p < result.pages() ? "/dashboard" + queryString(query.parameters(), p + 1) : null);
        model.addAttribute("statuses", ProgressStatus.values());
        model.addAttribute("language", language);
        return "dashboard/list";
    }

    @GetMapping("/dashboard/feed")
    ResponseEntity<byte[]> feed(Locale locale, HttpServletRequest request, HttpServletResponse response) {
        String language = Languages.supported(locale).getLanguage();
        if (notModified(request, response, language)) {
            return null;
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "atom+xml", StandardCharsets.UTF_8))
                .body(feed.atom(dashboard.feed(Dashboard.FEED_SIZE), Languages.supported(locale))
                        .getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/dashboard/{code}")
    String commitment(@PathVariable String code, @RequestParam(required = false) String page, Model model,
            Locale locale, HttpServletRequest request, HttpServletResponse response) {
        if (!CODE.matcher(code).matches()) {
            throw InputRefusedException.of("code", "dashboard.error.badCode");
        }
        int p = DashboardQuery.page("page", page, MAX_PAGE);
        String language = Languages.supported(locale).getLanguage();
        if (notModified(request, response, language)) {
            return null;
        }
        CommitmentTimeline timeline = dashboard.commitment(code, p, language)
                .orElseThrow(() -> new NotFoundException("commitment", code));
        String self = "/dashboard/" + timeline.commitment().code();
        model.addAttribute("timeline", timeline);
        model.addAttribute("previousPage", p > 1 ? self + queryString(Map.of(), p - 1) : null);
        model.addAttribute("nextPage", p < timeline.pages() ? self + queryString(Map.of(), p + 1) : null);
        model.addAttribute("language", language);
        return "dashboard/commitment";
    }

    /** @return {@code ?name=value&page=n} (encoded; page left out when 1), or an empty string */
    private static String queryString(Map<String, String> parameters, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
        parameters.forEach(uri::queryParam);
        if (page > 1) {
            uri.queryParam("page", page);
        }
        String query = uri.encode().build().getQuery();
        return query == null || query.isEmpty() ? "" : "?" + query;
    }

    /**
     * @param problem a refused query parameter
     * @return its machine-readable reason as the pages and the open data name it, e.g. {@code unknownStatus} for the
     *         message key {@code dashboard.error.unknownStatus}
     */
    static String reason(FieldProblem problem) {
        return problem.code().substring(problem.code().lastIndexOf('.') + 1);
    }

    @ExceptionHandler(InputRefusedException.class)
    String badParameter(InputRefusedException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("parameter", e.first().field());
        model.addAttribute("code", reason(e.first()));
        model.addAttribute("maxPage", MAX_PAGE);
        return "dashboard/bad-request";
    }
}
