package org.cocrea.implementation;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.cocrea.CocreaApplication;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.Languages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff pages of the implementation (under {@code /staff}, so only the open-government team and administrators):
 * the minimum-requirement flags and the meetings ({@code /staff/implementation}), scheduling a meeting
 * ({@code /staff/implementation/meetings/new}) and a meeting's page with its invitees and the minutes form. Refused
 * input answers 400 with the form and the reasons, each naming its field.
 */
@Controller
class ImplementationPageController {

    private final Meetings meetings;
    private final MinimumRequirements requirements;
    private final LabelledProblems problemTexts;
    private final ActionPlanSettings plan;
    private final Clock clock;

    ImplementationPageController(Meetings meetings, MinimumRequirements requirements, LabelledProblems problemTexts,
            ActionPlanSettings plan, Clock clock) {
        this.meetings = meetings;
        this.requirements = requirements;
        this.problemTexts = problemTexts;
        this.plan = plan;
        this.clock = clock;
    }

    @GetMapping("/staff/implementation")
    String overview(Model model) {
        model.addAttribute("actionPlan", plan.id());
        model.addAttribute("findings", requirements.evaluate(clock.instant()));
        model.addAttribute("flags", requirements.flags());
        model.addAttribute("meetings", meetings.all());
        return "implementation/overview";
    }

    @PostMapping("/staff/implementation/check")
    String checkNow() {
        requirements.check(clock.instant());
        return "redirect:/staff/implementation";
    }

    @GetMapping("/staff/implementation/meetings/new")
    String newMeeting(Model model) {
        model.addAttribute("input", new Meetings.MeetingInput("IMPLEMENTATION", "", meetings.proposeStart().toString(),
                120, "", List.of(), ""));
        return form(model);
    }

    private String form(Model model) {
        model.addAttribute("kinds", MeetingKind.values());
        model.addAttribute("commitments", meetings.commitments());
        return "implementation/meeting-new";
    }

    @PostMapping("/staff/implementation/meetings")
    String schedule(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String startsAt, @RequestParam(required = false) String durationMinutes,
            @RequestParam(defaultValue = "") String meetingLink,
            @RequestParam(name = "commitments", required = false) List<String> commitments,
            @RequestParam(defaultValue = "") String extraInvitees, @RequestParam(defaultValue = "") String agenda,
            Principal principal, Model model, Locale locale,
            HttpServletResponse response) {
        Integer minutes = null;
        try {
            minutes = durationMinutes == null || durationMinutes.isBlank() ? null : Integer.valueOf(durationMinutes.strip());
        } catch (NumberFormatException e) {
            minutes = -1;
        }
        List<Long> ids;
        try {
            ids = commitments == null ? List.of() : commitments.stream().map(s -> Long.valueOf(s.strip())).toList();
        } catch (NumberFormatException e) {
            ids = List.of(-1L);
        }
        Meetings.MeetingInput input = new Meetings.MeetingInput(kind, title, startsAt, minutes, meetingLink, ids,
                extraInvitees, agenda);
        try {
            Meeting meeting = meetings.schedule(input, principal.getName());
            return "redirect:/staff/implementation/meetings/" + meeting.getId() + "?scheduled";
        } catch (InputRefusedException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", problemTexts.texts(e, Languages.supported(locale)));
            model.addAttribute("input", input);
            return form(model);
        }
    }

    private Meeting meeting(long id) {
        return meetings.get(id);
    }

    @GetMapping("/staff/implementation/meetings/{id}")
    String page(@PathVariable long id, Model model) {
        Meeting meeting = meeting(id);
        model.addAttribute("meeting", meeting);
        model.addAttribute("invitees", meetings.invitees(meeting));
        model.addAttribute("changeable", meetings.changeable(meeting));
        model.addAttribute("startsAtLocal", LocalDateTime.ofInstant(meeting.getStartsAt(),
                ZoneId.of(CocreaApplication.ZONE)).toString());
        model.addAttribute("commitments", meetings.commitments().stream()
                .filter(c -> meeting.getCommitmentIds().contains(c.getId())).toList());
        return "implementation/meeting";
    }

    @PostMapping("/staff/implementation/meetings/{id}/minutes")
    String minutes(@PathVariable long id, @RequestParam(defaultValue = "") String minutes,
            @RequestParam(required = false) String attendance, Principal principal, Model model, Locale locale,
            HttpServletResponse response) {
        meeting(id);
        Integer count;
        try {
            count = attendance == null || attendance.isBlank() ? null : Integer.valueOf(attendance.strip());
        } catch (NumberFormatException e) {
            count = -1;
        }
        try {
            meetings.recordMinutes(id, minutes, count, principal.getName());
            return "redirect:/staff/implementation/meetings/" + id + "?recorded";
        } catch (InputRefusedException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", problemTexts.texts(e, Languages.supported(locale)));
            model.addAttribute("minutesText", minutes);
            model.addAttribute("attendanceText", attendance);
            return page(id, model);
        }
    }
    @PostMapping("/staff/implementation/meetings/{id}/reschedule")
    String reschedule(@PathVariable long id, @RequestParam(defaultValue = "") String startsAt, Model model,
            Locale locale, HttpServletResponse response) {
        meeting(id);
        try {
            meetings.reschedule(id, startsAt);
            return "redirect:/staff/implementation/meetings/" + id + "?rescheduled";
        } catch (InputRefusedException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", problemTexts.texts(e, Languages.supported(locale)));
            model.addAttribute("startsAtText", startsAt);
            return page(id, model);
        }
    }

    @PostMapping("/staff/implementation/meetings/{id}/cancel")
    String cancel(@PathVariable long id, Model model, Locale locale, HttpServletResponse response) {
        meeting(id);
        try {
            meetings.cancel(id);
            return "redirect:/staff/implementation/meetings/" + id + "?cancelled";
        } catch (InputRefusedException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", problemTexts.texts(e, Languages.supported(locale)));
            return page(id, model);
        }
    }
}
