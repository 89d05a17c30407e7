package org.cocrea.mailing;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Staff pages of calls for participation: the list and each one's progress (sent / failed / left). */
@Controller
class MailingPageController {

    private final MassMailings mailings;

    MailingPageController(MassMailings mailings) {
        this.mailings = mailings;
    }

    @GetMapping("/staff/mailings")
    String list(Model model) {
        model.addAttribute("mailings", mailings.latest());
        return "staff/mailings";
    }

    @GetMapping("/staff/mailings/{id}")
    String show(@PathVariable long id, Model model) {
        Mailing mailing = mailings.get(id);
        model.addAttribute("mailing", mailing);
        model.addAttribute("progress", mailings.progress(id));
        return "staff/mailing";
    }
}
