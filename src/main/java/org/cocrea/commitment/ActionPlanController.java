package org.cocrea.commitment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.cocrea.kernel.ContentVersions;
import org.cocrea.kernel.HttpCaching;
import org.cocrea.kernel.Languages;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The published action plan: {@code /action-plan} (HTML, Spanish or English), {@code /action-plan.pdf}, and open
 * data at {@code /api/action-plan} (JSON) and {@code /api/action-plan.csv}. Anonymous responses carry an
 * {@code ETag} made of the plan's version (on PostgreSQL the {@code action-plan} counter of {@link ContentVersions},
 * on H2 {@link #version()}) and the language, and a matching {@code If-None-Match} gets a 304 without reading or
 * rendering the plan, another reader the rendering kept for that version ({@link HttpCaching}).
 */
@Controller
class ActionPlanController {

    /**
     * @return the H2 statement of the published plan's version: the latest publication and digests
     *         ({@link HttpCaching#digest}) of the published commitments (short columns, sheet version, translation
     *         marks, lengths of the long texts), their milestones, the endorsements and the areas
     */
    static String version() {
        return """
                select c.n, c.published, c.content, m.content as milestones, e.content as endorsements,
                       a.content as areas
                  from (select count(*) as n, max(published_at) as published, %s as content
                          from commitment where status = :published) c,
                       (select %s as content from milestone mi
                          join commitment mc on mc.id = mi.commitment_id and mc.status = :published) m,
                       (select %s as content from endorsement) e,
                       (select %s as content from area) a
                """.formatted(
                HttpCaching.digest("id, code, version, action_plan, co_creation_instance, axis, "
                        + "lead_area_group, lead_area, lead_area_en, title_es, title_en, title_translated, "
                        + "start_date, end_date, ogp_values, contact, source, description_translated, "
                        + "institutions_translated, length(description), length(description_en), "
                        + "length(supporting_institutions), length(supporting_institutions_en), "
                        + "length(public_problem), length(status_quo), length(objective), length(how_it_helps), "
                        + "length(additional_info), irm_verifiable, irm_relevant, length(irm_notes), "
                        + "length(irm_notes_en), irm_notes_translated", "id"),
                HttpCaching.digest("mi.id, mi.position, mi.title, mi.title_en, mi.title_translated, "
                        + "mi.start_date, mi.end_date, mi.responsible_area, mi.derived", "mi.id"),
                HttpCaching.digest("id, action_plan, organization, person, role, endorsed_on", "id"),
                HttpCaching.digest("id, name_es, name_en, candidate_group", "id"));
    }

    private final ActionPlan plan;
    private final ContentVersions versions;
    private final String versionSql;

    ActionPlanController(ActionPlan plan, ContentVersions versions) {
        this.plan = plan;
        this.versions = versions;
        this.versionSql = version();
    }

    /** @return true when the client's copy is current (the response is then a 304): the caller returns null */
    private boolean notModified(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        if (!HttpCaching.cacheable(request)) {
            return false;
        }
        return HttpCaching.notModified(request, response, Languages.supported(locale).getLanguage(),
                versions.current(ContentVersions.ACTION_PLAN, versionSql,
                        new MapSqlParameterSource("published", PublishedCommitments.STATUS)));
    }

    @GetMapping("/action-plan")
    String page(Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        if (notModified(request, response, locale)) {
            return null;
        }
        model.addAttribute("commitments", plan.published());
        model.addAttribute("endorsements", plan.endorsements());
        model.addAttribute("language", Languages.supported(locale).getLanguage());
        return "action-plan";
    }

    @GetMapping(path = "/action-plan.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(Locale locale, HttpServletRequest request, HttpServletResponse response) {
        if (notModified(request, response, locale)) {
            return null;
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"plan-de-accion.pdf\"")
                .body(plan.pdf(Languages.supported(locale)));
    }

    @GetMapping(path = "/api/action-plan", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<Map<String, Object>> json(Locale locale, HttpServletRequest request, HttpServletResponse response) {
        if (notModified(request, response, locale)) {
            return null;
        }
        return plan.openData(Languages.supported(locale).getLanguage());
    }

    @GetMapping(path = "/api/action-plan.csv", produces = "text/csv")
    ResponseEntity<byte[]> csv(Locale locale, HttpServletRequest request, HttpServletResponse response) {
        if (notModified(request, response, locale)) {
            return null;
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"plan-de-accion.csv\"")
                .body(plan.csv().getBytes(StandardCharsets.UTF_8));
    }
}
