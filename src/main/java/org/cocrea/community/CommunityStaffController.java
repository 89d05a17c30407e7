package org.cocrea.community;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.cocrea.CocreaApplication;
import org.cocrea.kernel.InputRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff pages of the communities of practice (open-government team and administrators, {@code /staff/**}):
 * create and edit communities ({@code /staff/communities}), schedule their events with a date the scheduling service
 * proposes, and per event ({@code /staff/communities/{slug}/events/{id}}) the registrations, moving or cancelling it,
 * its summary and attendance once held, and its materials. Refused input answers 400 with the form, what was typed,
 * and one line per refused field ("field: reason").
 */
@Controller
class CommunityStaffController {

    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);

    private final Communities communities;
    private final CommunityRegistrations registrations;
    private final CommunityProblems problems;
    private final Clock clock;

    CommunityStaffController(Communities communities, CommunityRegistrations registrations,
            CommunityProblems problems, Clock clock) {
        this.clock = clock;
        this.communities = communities;
        this.registrations = registrations;
        this.problems = problems;
    }

    @GetMapping("/staff/communities")
    String list(Model model) {
        if (!model.containsAttribute("input")) {
            model.addAttribute("input", new Communities.CommunityInput("", "", "", "", ""));
        }
        model.addAttribute("communities", communities.all());
        return "communities/staff-list";
    }

    @PostMapping("/staff/communities")
    String create(@RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String nameEs,
            @RequestParam(defaultValue = "") String nameEn, @RequestParam(defaultValue = "") String descriptionEs,
            @RequestParam(defaultValue = "") String descriptionEn, Principal principal, Model model, Locale locale,
            HttpServletResponse response) {
        Communities.CommunityInput input = new Communities.CommunityInput(slug, nameEs, nameEn, descriptionEs,
                descriptionEn);
        try {
            Community created = communities.create(input, principal.getName());
            return "redirect:/staff/communities/" + created.getSlug() + "?created";
        } catch (InputRefusedException e) {
            refused(e, model, locale, response);
            model.addAttribute("input", input);
            return list(model);
        }
    }

    @GetMapping("/staff/communities/{slug}")
    String community(@PathVariable String slug, Model model) {
        Community community = communities.get(slug);
        if (!model.containsAttribute("input")) {
            model.addAttribute("input", new Communities.CommunityInput(community.getSlug(), community.getNameEs(),
                    community.getNameEn(), community.getDescriptionEs(), community.getDescriptionEn()));
        }
        if (!model.containsAttribute("event")) {
            model.addAttribute("event", new Communities.EventInput("", "",
                    communities.proposeStart(community).toString(),
                    (int) Communities.DEFAULT_DURATION.toMinutes(), "", 50));
        }
        if (!model.containsAttribute("past")) {
            model.addAttribute("past", new Communities.EventInput("", "", "", 120, "", null));
        }
        model.addAttribute("community", community);
        model.addAttribute("events", communities.events(community));
        return "communities/staff-community";
    }

    @PostMapping("/staff/communities/{slug}")
    String edit(@PathVariable String slug, @RequestParam(defaultValue = "") String nameEs,
            @RequestParam(defaultValue = "") String nameEn, @RequestParam(defaultValue = "") String descriptionEs,
            @RequestParam(defaultValue = "") String descriptionEn, Model model, Locale locale,
            HttpServletResponse response) {
        Communities.CommunityInput input = new Communities.CommunityInput(slug, nameEs, nameEn, descriptionEs,
                descriptionEn);
        try {
            communities.edit(slug, input);
            return "redirect:/staff/communities/" + slug + "?saved";
        } catch (InputRefusedException e) {
            refused(e, model, locale, response);
            model.addAttribute("input", input);
            return community(slug, model);
        }
    }

    @PostMapping("/staff/communities/{slug}/events")
    String schedule(@PathVariable String slug, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String startsAt,
            @RequestParam(defaultValue = "") String durationMinutes, @RequestParam(defaultValue = "") String location,
            @RequestParam(defaultValue = "") String capacity, Principal principal, Model model, Locale locale,
            HttpServletResponse response) {
        Communities.EventInput input = new Communities.EventInput(title, description, startsAt,
                number(durationMinutes), location, number(capacity));
        try {
            CommunityEvent event = communities.schedule(slug, input, principal.getName());
            return "redirect:/staff/communities/" + slug + "/events/" + event.getId() + "?scheduled";
        } catch (InputRefusedException e) {
            refused(e, model, locale, response);
            model.addAttribute("event", input);
            return community(slug, model);
        }
    }

    @PostMapping("/staff/communities/{slug}/past-events")
    String recordHeld(@PathVariable String slug, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String startsAt, @RequestParam(defaultValue = "") String durationMinutes,
            @RequestParam(defaultValue = "") String location, @RequestParam(defaultValue = "") String summary,
            @RequestParam(defaultValue = "") String attendance, Principal principal, Model model, Locale locale,
            HttpServletResponse response) {
        try {
            CommunityEvent event = communities.recordHeld(slug, new Communities.EventInput(title, "", startsAt,
                    number(durationMinutes), location, null), summary, number(attendance), principal.getName());
            return "redirect:/staff/communities/" + slug + "/events/" + event.getId() + "?summary";
        } catch (InputRefusedException e) {
            refused(e, model, locale, response);
            model.addAttribute("past", new Communities.EventInput(title, "", startsAt, number(durationMinutes),
                    location, null));
            model.addAttribute("pastSummary", summary);
            model.addAttribute("pastAttendance", number(attendance));
            return community(slug, model);
        }
    }

    @GetMapping("/staff/communities/{slug}/events/{id}")
    String event(@PathVariable String slug, @PathVariable long id, Model model) {
        Community community = communities.get(slug);
        CommunityEvent event = communities.event(community, id);
        model.addAttribute("community", community);
        model.addAttribute("event", event);
        model.addAttribute("changeable", communities.changeable(event));
        model.addAttribute("started", !event.getStartsAt().isAfter(Instant.now(clock)));
        model.addAttribute("registrations", registrations.of(event));
        model.addAttribute("materials", communities.materials(event));
        if (!model.containsAttribute("edit")) {
            model.addAttribute("edit", new Communities.EventInput(event.getTitle(), event.getDescription(), null, null,
                    event.getLocation(), event.getCapacity()));
        }
        if (!model.containsAttribute("startsAt")) {
            model.addAttribute("startsAt", LocalDateTime.ofInstant(event.getStartsAt(), ZONE).toString());
        }
        return "communities/staff-event";
    }

    @PostMapping("/staff/communities/{slug}/events/{id}/reschedule")
    String reschedule(@PathVariable String slug, @PathVariable long id,
            @RequestParam(defaultValue = "") String startsAt, Model model, Locale locale,
            HttpServletResponse response) {
        try {
            communities.reschedule(slug, id, startsAt);
            return "redirect:/staff/communities/" + slug + "/events/" + id + "?rescheduled";
        } catch (InputRefusedException e) {
            refused(e, model, locale, response);
            model.addAttribute("startsAt", startsAt);
            return event(slug, id, model);
        }
    }

    @PostMapping("/staff/communities/{slug}/events/{id}/edit")
    String editEvent(@PathVariable String slug, @PathVariable long id, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String location,
            @RequestParam(defaultValue = "") String capacity, Model model, Locale locale,
            HttpServletResponse response) {
        Communities.EventInput input = new Communities.EventInput(title, description, null, null, location,
                number(capacity));
        try {
            communities.editEvent(slug, id, input);
            return "redirect:/staff/communities/" + slug + "/events/" + id + "?edited";
        } catch (InputRefusedException e) {
            refused(e, model, locale, response);
            model.addAttribute("edit", input);
            return event(slug, id, model);
        }
    }

    @PostMapping("/staff/communities/{slug}/events/{id}/cancel")
    String cancel(@PathVariable String slug, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean confirm, Model model, Locale locale,
            HttpServletResponse response) {
        try {
            if (!confirm) {
                // it mails every registrant and follower at once: a ticked box, not one stray click
                throw InputRefusedException.of("confirm", "community.error.confirm");
            }
            communities.cancel(slug, id);
            return "redirect:/staff/communities/" + slug + "/events/" + id + "?cancelled";
        } catch (InputRefusedException e) {
            refused(e, model, locale, response);
            return event(slug, id, model);
        }
    }

    @PostMapping("/staff/communities/{slug}/events/{id}/summary")
    String summary(@PathVariable String slug, @PathVariable long id, @RequestParam(defaultValue = "") String summary,
            @RequestParam(defaultValue = "") String attendance, Model model, Locale locale,
            HttpServletResponse response) {
        try {
            communities.recordSummary(slug, id, summary, number(attendance));
            return "redirect:/staff/communities/" + slug + "/events/" + id + "?summary";
        } catch (InputRefusedException e) {
            refused(e, model, locale, response);
            model.addAttribute("summaryTyped", summary);
            return event(slug, id, model);
        }
    }

    @PostMapping("/staff/communities/{slug}/events/{id}/materials")
    String addMaterial(@PathVariable String slug, @PathVariable long id,
            @RequestParam(defaultValue = "") String materialTitle, @RequestParam(defaultValue = "") String materialUrl,
            Principal principal, Model model, Locale locale, HttpServletResponse response) {
        try {
            communities.addMaterial(slug, id, materialTitle, materialUrl, principal.getName());
            return "redirect:/staff/communities/" + slug + "/events/" + id + "?material";
        } catch (InputRefusedException e) {
            refused(e, model, locale, response);
            model.addAttribute("materialTitle", materialTitle);
            model.addAttribute("materialUrl", materialUrl);
            return event(slug, id, model);
        }
    }

    @PostMapping("/staff/communities/{slug}/events/{id}/materials/{materialId}/delete")
    String removeMaterial(@PathVariable String slug, @PathVariable long id, @PathVariable long materialId) {
        communities.removeMaterial(slug, id, materialId);
        return "redirect:/staff/communities/" + slug + "/events/" + id + "?materialRemoved";
    }

    /**
     * @param typed a number field as the form sent it
     * @return the whole number, or null when it is empty, not a whole number or out of the int range (the service
     *         then names the field and its range)
     */
    private static Integer number(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void refused(InputRefusedException e, Model model, Locale locale, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("problems", problems.shown(e, locale));
    }
}
