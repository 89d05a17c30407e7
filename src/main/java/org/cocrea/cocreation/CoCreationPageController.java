package org.cocrea.cocreation;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Public, no login: {@code /co-creation} (every instance, newest first), {@code /co-creation/{id}} (the page) and
 * {@code /co-creation/{id}/figures.json} (the participation figures as open data); {@code id} is the call id. An
 * unknown id is a 404.
 */
@Controller
class CoCreationPageController {

    private final CoCreationOverviews overviews;

    CoCreationPageController(CoCreationOverviews overviews) {
        this.overviews = overviews;
    }

    @GetMapping("/co-creation")
    String index(Model model) {
        model.addAttribute("calls", overviews.instances());
        return "cocreation/index";
    }

    @GetMapping("/co-creation/{id}")
    String page(@PathVariable long id, Model model) {
        model.addAttribute("overview", overviews.of(id));
        return "cocreation/process";
    }

    @GetMapping(path = "/co-creation/{id}/figures.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    CoCreationOverviews.PublicFigures figures(@PathVariable long id) {
        return overviews.of(id).figures();
    }
}
