package org.cocrea.moderation;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.cocrea.kernel.InputRefusedException;
import org.cocrea.limits.AbuseLimits;
import org.cocrea.limits.PublicAction;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Moderation pages. Public: {@code POST /moderation/reports}, the small report form under each public comment (abuse
 * limits {@code cocrea.limits.*.report}: 429 page); a refused report shows the form again with its error (400).
 * Staff ({@code /staff/moderation}, the open-government team): the queue of reported items, the hide/keep form of each
 * and the log of decisions.
 */
@Controller
class ModerationController {

    private final Moderation moderation;
    private final AbuseLimits limits;

    ModerationController(Moderation moderation, AbuseLimits limits) {
        this.moderation = moderation;
        this.limits = limits;
    }

    @PostMapping("/moderation/reports")
    String report(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "0") long id,
            @RequestParam(defaultValue = "") String reason, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        limits.admit(PublicAction.REPORT, request, null);
        try {
            model.addAttribute("item", moderation.report(kind, id, reason));
            return "moderation/reported";
        } catch (InputRefusedException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", e.problems());
            model.addAttribute("kind", kind);
            model.addAttribute("id", id);
            model.addAttribute("reason", reason);
            return "moderation/report";
        }
    }

    @GetMapping("/staff/moderation")
    String queue(Model model) {
        fill(model);
        return "staff/moderation";
    }

    @PostMapping("/staff/moderation/{kind}/{id}")
    String decide(@PathVariable String kind, @PathVariable long id, @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "") String reason, Principal principal, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            ModerationDecision d = moderation.decide(kind, id, outcome, reason, principal.getName());
            redirect.addFlashAttribute("decided", d);
            return "redirect:/staff/moderation";
        } catch (InputRefusedException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", e.problems());
            model.addAttribute("problemItem", kind + "/" + id);
            model.addAttribute("typedReason", reason);
            fill(model);
            return "staff/moderation";
        }
    }

    private void fill(Model model) {
        model.addAttribute("queue", moderation.queue());
        model.addAttribute("log", moderation.log());
    }
}
