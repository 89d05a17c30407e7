package org.cocrea.proposal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.HttpCaching;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.InputText;
import org.cocrea.kernel.Languages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public list of proposals, {@code /proposals}: filters {@code call}, {@code axis}, {@code area},
 * {@code status}, the search {@code q} ({@link ProposalCatalogue}) and {@code page} ({@value ProposalCatalogue#PAGE_SIZE}
 * per page); the page links and the open-data links keep the filters. Bad parameters show the page with a form error
 * on every bad field (HTTP 400) and no results, never the error page; a parameter name no form sends (e.g.
 * {@code axis[]}) is one of them. A search without letters or digits ({@code q=!!!}) is no search: the page lists
 * with the other filters and says the search had no words.
 * <p>
 * A page after the last one ({@code page=4} of 3, from an old link or after the list shrank) redirects (302) to the
 * last page with the same filters (page 1 when nothing matches), so a page number shown is always one that exists
 * ("Página 3 de 3"), and the link a visitor follows still lands on the list they asked for. A page number that is
 * not one at all ({@code page=0}, {@code page=dos}) is a 400 like the other filters.
 * <p>
 * An anonymous valid request gets an {@code ETag} of the list's data version ({@link ProposalListVersion}), the
 * language and the query: a matching {@code If-None-Match} gets a 304, and another reader of the same version the
 * page rendered for the first ({@link HttpCaching}); a 400 carries no validator.
 */
@Controller
class ProposalListController {

    private final ProposalCatalogue catalogue;
    private final ProposalListVersion version;

    ProposalListController(ProposalCatalogue catalogue, ProposalListVersion version) {
        this.catalogue = catalogue;
        this.version = version;
    }

    @GetMapping("/proposals")
    String list(@RequestParam(required = false) String call, @RequestParam(required = false) String axis,
            @RequestParam(required = false) String area, @RequestParam(required = false) String status,
            @RequestParam(required = false) String q, @RequestParam(required = false) String page, Model model,
            Locale locale, HttpServletRequest request, HttpServletResponse response) {
        String language = Languages.supported(locale).getLanguage();
        String data = HttpCaching.cacheable(request) ? version.current() : null;
        if (data != null && HttpCaching.answeredEarlier(request, response, data, language, request.getQueryString())) {
            return null;
        }
        ProposalCatalogue.Options options = catalogue.options();
        model.addAttribute("options", options);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("call", call == null ? "" : call.trim());
        form.put("axis", axis == null ? "" : axis.trim());
        form.put("area", area == null ? "" : area.trim());
        form.put("status", status == null ? "" : status.trim().toUpperCase(Locale.ROOT));
        form.put("q", q == null ? "" : InputText.withoutForbiddenCharacters(InputText.cut(q.strip(),
                ProposalListQuery.MAX_SEARCH)));
        model.addAttribute("form", form);
        List<FieldProblem> problems = new ArrayList<>(ProposalListQuery.malformedNames(
                request.getParameterMap().keySet()));
        ProposalListQuery query = null;
        try {
            query = catalogue.parse(options, call, axis, area, status, q);
        } catch (InputRefusedException e) {
            problems.addAll(e.problems());
        }
        int p = 1;
        try {
            p = ProposalListQuery.page(page);
        } catch (InputRefusedException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problems", problems);
            model.addAttribute("problemFields", problems.stream().map(FieldProblem::field).toList());
            model.addAttribute("filterQuery", "");
            return "proposals/list";
        }
        if (data != null && HttpCaching.notModified(request, response, data, language, request.getQueryString())) {
            return null;
        }
        ProposalCatalogue.ListPage result = catalogue.list(query, p, ProposalCatalogue.PAGE_SIZE,
                Languages.supported(locale));
        if (p > result.pages()) {
            return "redirect:/proposals" + queryString(query.parameters(), result.pages());
        }
        model.addAttribute("result", result);
        model.addAttribute("searchWithoutWords", query.q() == null && q != null && !q.isBlank());
        model.addAttribute("filterQuery", queryString(query.parameters(), 1));
        model.addAttribute("previousPage", p > 1 ? "/proposals" + queryString(query.parameters(), p - 1) : null);
        model.addAttribute("nextPage",
                p < result.pages() ? "/proposals" + queryString(query.parameters(), p + 1) : null);
        return "proposals/list";
    }

    /** @return {@code ?name=value&page=n} (encoded; page left out when 1), or an empty string */
    static String queryString(Map<String, String> parameters, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
        parameters.forEach(uri::queryParam);
        if (page > 1) {
            uri.queryParam("page", page);
        }
        String query = uri.encode().build().getQuery();
        return query == null || query.isEmpty() ? "" : "?" + query;
    }
}
