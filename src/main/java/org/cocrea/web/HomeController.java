package org.cocrea.web;

import org.cocrea.cocreation.CoCreationOverviews;
import org.cocrea.consultation.Consultations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public home page and the login page. */
@Controller
class HomeController {

    private final Consultations consultations;
    private final CoCreationOverviews coCreation;

    HomeController(Consultations consultations, CoCreationOverviews coCreation) {
        this.consultations = consultations;
        this.coCreation = coCreation;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("call", consultations.acceptingCall().orElse(null));
        // The current co-creation instance (the newest call's): its open stage, dates and what a visitor can do.
        model.addAttribute("coCreation", coCreation.current().orElse(null));
        return "home";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
