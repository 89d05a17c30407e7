package org.cocrea.proposal;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.cocrea.consultation.Consultations;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.Languages;
import org.cocrea.limits.AbuseLimits;
import org.cocrea.limits.PublicAction;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public proposal form ({@code /proposals/new}) and status page ({@code /proposals/{trackingCode}}). A submission
 * over the abuse limits ({@code cocrea.limits}) gets the 429 page.
 */
@Controller
class ProposalPageController {

    private final Proposals proposals;
    private final PublicProposals publicProposals;
    private final Consultations consultations;
    private final AbuseLimits limits;

    ProposalPageController(Proposals proposals, PublicProposals publicProposals, Consultations consultations,
            AbuseLimits limits) {
        this.limits = limits;
        this.proposals = proposals;
        this.publicProposals = publicProposals;
        this.consultations = consultations;
    }

    @GetMapping("/proposals/new")
    String form(Model model) {
        model.addAttribute("form", new ProposalForm());
        return formPage(model);
    }

    @PostMapping("/proposals/new")
    String submit(@ModelAttribute("form") ProposalForm form, BindingResult binding, Model model, Locale locale,
            HttpServletRequest request) {
        limits.admit(PublicAction.PROPOSAL, request, form.getEmail());
        if (binding.hasErrors()) {
            return formPage(model); // type mismatches show messages.properties' typeMismatch text
        }
        try {
            Proposal p = proposals.submit(form.toInput(Languages.supported(locale).getLanguage()), Channel.WEB);
            return "redirect:/proposals/" + p.getTrackingCode() + "?created";
        } catch (InputRefusedException e) {
            for (FieldProblem problem : e.problems()) {
                binding.rejectValue(problem.field(), problem.code(), problem.argArray(), null);
            }
            return formPage(model);
        } catch (NoOpenCallException e) {
            return formPage(model);
        }
    }

    private String formPage(Model model) {
        var call = consultations.acceptingCall().orElse(null);
        model.addAttribute("call", call);
        model.addAttribute("submitterTypes", SubmitterType.values());
        return "proposals/new";
    }

    /**
     * The home page's tracking form. The code is read as people type it: spaces and case do not matter, and the
     * {@code CC-} prefix may be left out or written without its dash. A code that cannot be one gets the not-found
     * page (404) with how codes look, never the generic error page.
     */
    @GetMapping("/proposals/lookup")
    String lookup(@RequestParam(name = "code", defaultValue = "") String code,
            Model model, HttpServletResponse response) {
        String clean = normalise(code);
        if (!clean.matches("[A-Z0-9-]{1,20}")) {
            return notFound(code, model, response);
        }
        return "redirect:/proposals/" + clean;
    }

    /** A tracking code as people type it: no spaces, upper case, {@code CC-} added when left out. */
    static String normalise(String code) {
        String clean = code.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (clean.matches("[A-Z0-9]{8}")) {
            return "CC-" + clean;
        }
        if (clean.matches("CC[A-Z0-9]{8}")) {
            return "CC-" + clean.substring(2);
        }
        return clean;
    }

    /** The status page with the review's steps; an unknown code gets the not-found page (404). */
    @GetMapping("/proposals/{trackingCode}")
    String status(@PathVariable String trackingCode, Model model, Locale locale, HttpServletResponse response) {
        var view = publicProposals.view(trackingCode, locale);
        if (view.isEmpty()) {
            return notFound(trackingCode, model, response);
        }
        model.addAttribute("proposal", view.get());
        return "proposals/status";
    }

    private static String notFound(String typed, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("typed", typed.length() > 40 ? typed.substring(0, 40) + "…" : typed.trim());
        return "proposals/not-found";
    }
}
