package org.cocrea.web;

import org.cocrea.consultation.Consultations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public home page and the login page. */
@Controller
class HomeController {

    private final Consultations consultations;

    HomeController(Consultations consultations) {
        this.consultations = consultations;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("call", consultations.acceptingCall().orElse(null));
        return "home";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
