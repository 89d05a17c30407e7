package org.cocrea.implementation;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.cocrea.kernel.Languages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The self-assessment report: public at {@code /self-assessment} and {@code /self-assessment.pdf} once the
 * open-government team published it (404 with a page saying so before that), and the staff preview of any version
 * at {@code /staff/self-assessment} and {@code /staff/self-assessment.pdf} ({@code ?version=n}, default the latest).
 */
@Controller
class SelfAssessmentController {

    private final SelfAssessments assessments;
    private final ActionPlanSettings plan;

    SelfAssessmentController(SelfAssessments assessments, ActionPlanSettings plan) {
        this.assessments = assessments;
        this.plan = plan;
    }

    @GetMapping("/self-assessment")
    String page(Model model, Locale locale, HttpServletResponse response) {
        Optional<SelfAssessment> published = assessments.published(plan.id());
        if (published.isEmpty()) {
            return notPublished(model, response);
        }
        return render(published.get(), false, model, locale);
    }

    private String notPublished(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("actionPlan", plan.id());
        model.addAttribute("endDate", plan.endDate());
        return "implementation/self-assessment-missing";
    }

    private String render(SelfAssessment version, boolean preview, Model model, Locale locale) {
        model.addAttribute("assessment", version);
        model.addAttribute("report", assessments.report(version));
        model.addAttribute("language", Languages.supported(locale).getLanguage());
        model.addAttribute("preview", preview);
        if (preview) {
            model.addAttribute("versions", assessments.versions(plan.id()));
        }
        return "implementation/self-assessment";
    }

    @GetMapping(path = "/self-assessment.pdf")
    Object pdf(Model model, Locale locale, HttpServletResponse response) {
        Optional<SelfAssessment> published = assessments.published(plan.id());
        if (published.isEmpty()) {
            return notPublished(model, response);
        }
        return pdf(published.get(), locale, "autoevaluacion.pdf");
    }

    private ResponseEntity<byte[]> pdf(SelfAssessment version, Locale locale, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + name + "\"")
                .body(assessments.pdf(version, Languages.supported(locale)));
    }

    private Optional<SelfAssessment> version(Integer number) {
        return assessments.versions(plan.id()).stream()
                .filter(v -> number == null || v.getVersion() == number).findFirst();
    }

    @GetMapping("/staff/self-assessment")
    String preview(@RequestParam(required = false) Integer version, Model model, Locale locale,
            HttpServletResponse response) {
        Optional<SelfAssessment> v = version(version);
        if (v.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("actionPlan", plan.id());
            model.addAttribute("endDate", plan.endDate());
            model.addAttribute("staff", true);
            return "implementation/self-assessment-missing";
        }
        return render(v.get(), true, model, locale);
    }

    @GetMapping("/staff/self-assessment.pdf")
    Object previewPdf(@RequestParam(required = false) Integer version, Model model, Locale locale,
            HttpServletResponse response) {
        Optional<SelfAssessment> v = version(version);
        if (v.isEmpty()) {
            return preview(version, model, locale, response);
        }
        return pdf(v.get(), locale, "autoevaluacion-borrador-v" + v.get().getVersion() + ".pdf");
    }
}
