package org.cocrea.commitment;

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
 * The author's private page of a draft comment, reached through the link of the confirmation mail
 * ({@code /drafts/comments/{token}}): edit or withdraw until the comment window closes; afterwards a clear refusal
 * (409 on a change, the page says the window is closed). A bad token is a 404; an empty text shows the form again
 * with its error (400). Changes count against the comment abuse limits.
 */
@Controller
class DraftCommentAuthorController {

    private final DraftCommentAuthors authors;
    private final CommitmentSheets sheets;
    private final AbuseLimits limits;

    DraftCommentAuthorController(DraftCommentAuthors authors, CommitmentSheets sheets, AbuseLimits limits) {
        this.authors = authors;
        this.sheets = sheets;
        this.limits = limits;
    }

    @GetMapping("/drafts/comments/{token}")
    String page(@PathVariable String token, Model model) {
        fill(model, authors.byToken(token));
        return "commitments/comment-author";
    }

    @PostMapping("/drafts/comments/{token}")
    String edit(@PathVariable String token, @RequestParam(defaultValue = "") String body, Model model,
            RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        limits.admit(PublicAction.COMMENT, request, null);
        DraftComment k = authors.byToken(token);
        try {
            authors.edit(token, body);
        } catch (InputRefusedException e) {
            return refused(e, k, body, model, response);
        }
        redirect.addFlashAttribute("edited", true);
        return "redirect:/drafts/comments/" + token;
    }

    @PostMapping("/drafts/comments/{token}/withdraw")
    String withdraw(@PathVariable String token, Model model, RedirectAttributes redirect,
            HttpServletRequest request, HttpServletResponse response) {
        limits.admit(PublicAction.COMMENT, request, null);
        DraftComment k = authors.byToken(token);
        try {
            authors.withdraw(token);
        } catch (InputRefusedException e) {
            return refused(e, k, null, model, response);
        }
        redirect.addFlashAttribute("withdrawn", true);
        return "redirect:/drafts/comments/" + token;
    }

    private String refused(InputRefusedException e, DraftComment k, String typed, Model model,
            HttpServletResponse response) {
        boolean closed = e.problems().stream().anyMatch(p -> p.field().equals("deadline"));
        response.setStatus(closed ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("problems", e.problems());
        fill(model, authors.byToken(k.getAuthorToken()));
        if (typed != null && !closed) {
            model.addAttribute("typed", typed);
        }
        return "commitments/comment-author";
    }

    private void fill(Model model, DraftComment k) {
        model.addAttribute("comment", k);
        model.addAttribute("commitment", sheets.get(k.getCommitmentId()));
        model.addAttribute("open", authors.open(k));
        model.addAttribute("token", k.getAuthorToken());
    }
}
