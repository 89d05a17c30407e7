package org.cocrea.demo;

import org.cocrea.workflow.DemoStages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff actions that exist only in the demo ({@code cocrea.demo.enabled=true}), so a tour need not wait for a
 * process's timer. Staff pages ({@code /staff/**}) need the open-government team or an administrator.
 */
@Controller
@ConditionalOnProperty(name = "cocrea.demo.enabled", havingValue = "true")
class DemoActionsController {

    private final DemoStages stages;

    DemoActionsController(DemoStages stages) {
        this.stages = stages;
    }

    /**
     * "Close the comment window now" on the staff comments page of a circulating draft: the process's comment-window
     * timer fires at once (see {@link DemoStages#closeCommentWindowNow(long)}).
     *
     * @param id the draft commitment's id
     * @return back to its staff comments page, with a notice saying whether the window was closed
     */
    @PostMapping("/staff/commitments/{id}/demo/close-comments")
    String closeCommentsNow(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("demoNotice", stages.closeCommentWindowNow(id) ? "demo.closeComments.done"
                : "demo.closeComments.none");
        return "redirect:/staff/commitments/" + id + "/comments";
    }
}
