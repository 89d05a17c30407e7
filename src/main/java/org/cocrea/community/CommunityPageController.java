package org.cocrea.community;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.Languages;
import org.cocrea.kernel.NotFoundException;
import org.cocrea.limits.AbuseLimits;
import org.cocrea.limits.PublicAction;
import org.cocrea.participant.OrganizationType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public pages of the communities of practice, no login: {@code /communities} (every community with its next
 * event), {@code /communities/{slug}} (description, follow form, upcoming and past events with their materials),
 * {@code /communities/{slug}/events/{id}} (the event, its registration form, materials and, once held, its summary)
 * with its {@code .ics}, and the registrant's private page {@code /communities/registrations/{token}} to withdraw.
 * No name or e-mail of a registrant is ever shown here. Registration is subject to the registration abuse limits; a
 * registration or withdrawal that succeeds redirects to the page it changed (post/redirect/get), and an address in
 * another case than the community's goes to the canonical one.
 */
@Controller
class CommunityPageController {

    private final Communities communities;
    private final CommunityRegistrations registrations;
    private final CommunityCalendar calendar;
    private final CommunityProblems problems;
    private final AbuseLimits limits;
    private final Clock clock;

    CommunityPageController(Communities communities, CommunityRegistrations registrations,
            CommunityCalendar calendar, CommunityProblems problems, AbuseLimits limits, Clock clock) {
        this.communities = communities;
        this.registrations = registrations;
        this.calendar = calendar;
        this.problems = problems;
        this.limits = limits;
        this.clock = clock;
    }

    @GetMapping("/communities")
    String list(Model model) {
        List<Community> all = communities.all();
        Map<Long, CommunityEvent> next = new LinkedHashMap<>();
        for (Community c : all) {
            communities.events(c).stream().filter(communities::open).findFirst().ifPresent(e -> next.put(c.getId(), e));
        }
        model.addAttribute("communities", all);
        model.addAttribute("next", next);
        return "communities/list";
    }

    @GetMapping("/communities/{slug}")
    String community(@PathVariable String slug, Model model) {
        Community community = communities.get(slug);
        if (!community.getSlug().equals(slug)) {
            return "redirect:/communities/" + community.getSlug();
        }
        List<CommunityEvent> events = communities.events(community);
        model.addAttribute("community", community);
        model.addAttribute("upcoming", events.stream().filter(e -> e.getStartsAt().isAfter(clock.instant()))
                .filter(e -> e.getStatus() != CommunityEvent.Status.CANCELLED).toList());
        model.addAttribute("followIntro", "community.follow.intro");
        List<CommunityEvent> past = new ArrayList<>(events.stream()
                .filter(e -> !e.getStartsAt().isAfter(clock.instant()))
                .filter(e -> e.getStatus() != CommunityEvent.Status.CANCELLED).toList());
        Collections.reverse(past); // newest first
        model.addAttribute("past", past);
        Map<Long, List<EventMaterial>> materials = new LinkedHashMap<>();
        past.forEach(e -> materials.put(e.getId(), communities.materials(e)));
        model.addAttribute("materials", materials);
        return "communities/community";
    }

    @GetMapping("/communities/{slug}/events/{id}")
    String event(@PathVariable String slug, @PathVariable long id, Model model) {
        Community community = communities.get(slug);
        if (!community.getSlug().equals(slug)) {
            return "redirect:/communities/" + community.getSlug() + "/events/" + id;
        }
        return eventPage(community, communities.event(community, id), model);
    }

    private String eventPage(Community community, CommunityEvent event, Model model) {
        model.addAttribute("community", community);
        model.addAttribute("event", event);
        model.addAttribute("open", communities.open(event));
        model.addAttribute("seated", registrations.seated(event));
        model.addAttribute("materials", communities.materials(event));
        model.addAttribute("types", OrganizationType.values());
        return "communities/event";
    }

    @PostMapping("/communities/{slug}/events/{id}/register")
    String register(@PathVariable String slug, @PathVariable long id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String organization,
            @RequestParam(defaultValue = "") String organizationType,
            @RequestParam(defaultValue = "false") boolean consent, Model model, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        limits.admit(PublicAction.REGISTRATION, request, email);
        Community community = communities.get(slug);
        CommunityEvent event = communities.event(community, id);
        try {
            EventRegistration r = registrations.register(event.getId(), name, email, organization, organizationType,
                    consent, Languages.supported(locale));
            // Post/redirect/get: reloading or switching the language does not send the form again.
            return "redirect:/communities/" + community.getSlug() + "/events/" + event.getId() + "?registered="
                    + (r.getStatus() == EventRegistration.Status.REGISTERED ? "seat" : "waiting");
        } catch (InputRefusedException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problems", problems.shown(e, locale));
            model.addAttribute("name", name);
            model.addAttribute("email", email);
            model.addAttribute("organization", organization);
            model.addAttribute("organizationType", organizationType);
        }
        return eventPage(community, communities.event(community, id), model);
    }

    @GetMapping("/communities/{slug}/events/{id}/calendar.ics")
    ResponseEntity<byte[]> ics(@PathVariable String slug, @PathVariable long id, Locale locale) {
        Community community = communities.get(slug);
        CommunityEvent event = communities.event(community, id);
        if (event.getStatus() == CommunityEvent.Status.CANCELLED) {
            throw new NotFoundException("community event", id);
        }
        String text = calendar.invitation(community, event, false, null, Languages.supported(locale));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evento-" + id + ".ics\"")
                .body(text.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/communities/registrations/{token}")
    String registration(@PathVariable String token, Model model) {
        return registrationPage(registrations.byToken(token)
                .orElseThrow(() -> new NotFoundException("registration", null)), model);
    }

    @PostMapping("/communities/registrations/{token}/withdraw")
    String withdraw(@PathVariable String token, Model model, Locale locale, HttpServletRequest request,
            HttpServletResponse response) {
        limits.admit(PublicAction.MY_DATA, request, null);
        EventRegistration before = registrations.byToken(token)
                .orElseThrow(() -> new NotFoundException("registration", null));
        String outcome = before.getStatus() == EventRegistration.Status.REGISTERED ? "seat"
                : before.getStatus() == EventRegistration.Status.WAITLISTED ? "waiting" : "already";
        try {
            registrations.withdraw(token);
        } catch (InputRefusedException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problems", problems.shown(e, locale));
            return registrationPage(before, model);
        }
        return "redirect:/communities/registrations/" + token + "?withdrawn=" + outcome;
    }

    private String registrationPage(EventRegistration registration, Model model) {
        CommunityEvent event = communities.eventById(registration.getEventId());
        Community community = communities.communityOf(event);
        model.addAttribute("community", community);
        model.addAttribute("event", event);
        model.addAttribute("registration", registration);
        model.addAttribute("token", registration.getToken());
        return "communities/registration";
    }
}
