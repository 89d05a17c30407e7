package org.cocrea.commitment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cocrea.kernel.Languages;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The published action plan: {@code /action-plan} (HTML, Spanish or English), {@code /action-plan.pdf}, and open
 * data at {@code /api/action-plan} (JSON) and {@code /api/action-plan.csv}.
 */
@Controller
class ActionPlanController {

    private final ActionPlan plan;

    ActionPlanController(ActionPlan plan) {
        this.plan = plan;
    }

    @GetMapping("/action-plan")
    String page(Model model, Locale locale) {
        model.addAttribute("commitments", plan.published());
        model.addAttribute("endorsements", plan.endorsements());
        model.addAttribute("language", Languages.supported(locale).getLanguage());
        return "action-plan";
    }

    @GetMapping(path = "/action-plan.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(Locale locale) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"plan-de-accion.pdf\"")
                .body(plan.pdf(Languages.supported(locale)));
    }

    @GetMapping(path = "/api/action-plan", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<Map<String, Object>> json(Locale locale) {
        return plan.openData(Languages.supported(locale).getLanguage());
    }

    @GetMapping(path = "/api/action-plan.csv", produces = "text/csv")
    ResponseEntity<byte[]> csv() {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"plan-de-accion.csv\"")
                .body(plan.csv().getBytes(StandardCharsets.UTF_8));
    }
}
