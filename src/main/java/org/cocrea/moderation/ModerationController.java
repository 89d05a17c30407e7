package org.cocrea.moderation;

import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.InputText;
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
 * limits {@code cocrea.limits.*.report}: 429 page); a refused report shows the form again with its error (400), the text
 * as it could be sent (forbidden characters removed, cut to {@value Moderation#MAX_REASON} characters) and a link back
 * to the item's page. A visitor who reported an item already (same session) is told so and nothing is stored again.
 * Staff ({@code /staff/moderation}, the open-government team): the queue of reported items, the hide/keep form of each
 * and the log of decisions.
 */
@Controller
class ModerationController {

    private static final String REPORTED = ModerationController.class.getName() + ".reported";
    private static final int MAX_REMEMBERED = 200;

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
        String reported = kind + "/" + id;
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(REPORTED) instanceof Set<?> done && done.contains(reported)) {
            model.addAttribute("item", moderation.find(kind, id));
            model.addAttribute("alreadyReported", true);
            return "moderation/reported";
        }
        try {
            model.addAttribute("item", moderation.report(kind, id, reason));
            remember(request.getSession(), reported);
            return "moderation/reported";
        } catch (InputRefusedException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", e.problems());
            model.addAttribute("kind", kind);
            model.addAttribute("id", id);
            // the text is given back only as it could be sent: without forbidden characters, cut to the limit
            model.addAttribute("reason", InputText.cut(InputText.withoutForbiddenCharacters(reason),
                    Moderation.MAX_REASON));
            model.addAttribute("back", moderation.find(kind, id).page());
            return "moderation/report";
        }
    }

    /**
     * The items this visitor (their session; no address or other personal data is kept) reported, so a second
     * report of the same item is answered "you already reported it" and stores nothing. At most
     * {@value #MAX_REMEMBERED} are remembered.
     */
    @SuppressWarnings("unchecked")
    private static void remember(HttpSession session, String reported) {
        Set<String> done = session.getAttribute(REPORTED) instanceof Set<?> s ? (Set<String>) s : null;
        Set<String> next = new LinkedHashSet<>(done == null ? Set.of() : done);
        if (next.size() >= MAX_REMEMBERED) {
            next.remove(next.iterator().next());
        }
        next.add(reported);
        session.setAttribute(REPORTED, next);
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
