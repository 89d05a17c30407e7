package org.cocrea.proposal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.cocrea.kernel.InputRefusedException;
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
 * per page); the page links and the open-data links keep the filters. A bad parameter shows the page with the form
 * error on that field (HTTP 400) and no results, never the error page.
 */
@Controller
class ProposalListController {

    private final ProposalCatalogue catalogue;

    ProposalListController(ProposalCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/proposals")
    String list(@RequestParam(required = false) String call, @RequestParam(required = false) String axis,
            @RequestParam(required = false) String area, @RequestParam(required = false) String status,
            @RequestParam(required = false) String q, @RequestParam(required = false) String page, Model model,
            Locale locale, HttpServletResponse response) {
        ProposalCatalogue.Options options = catalogue.options();
        model.addAttribute("options", options);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("call", call == null ? "" : call.trim());
        form.put("axis", axis == null ? "" : axis.trim());
        form.put("area", area == null ? "" : area.trim());
        form.put("status", status == null ? "" : status.trim().toUpperCase(Locale.ROOT));
        form.put("q", q == null ? "" : q.strip());
        model.addAttribute("form", form);
        try {
            ProposalListQuery query = catalogue.parse(options, call, axis, area, status, q);
            int p = ProposalListQuery.page(page);
            ProposalCatalogue.ListPage result = catalogue.list(query, p, ProposalCatalogue.PAGE_SIZE,
                    Languages.supported(locale));
            model.addAttribute("result", result);
            model.addAttribute("filterQuery", queryString(query.parameters(), 1));
            model.addAttribute("previousPage", p > 1 ? "/proposals" + queryString(query.parameters(), p - 1) : null);
            model.addAttribute("nextPage",
                    p < result.pages() ? "/proposals" + queryString(query.parameters(), p + 1) : null);
        } catch (InputRefusedException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", e.first());
            model.addAttribute("filterQuery", "");
        }
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
