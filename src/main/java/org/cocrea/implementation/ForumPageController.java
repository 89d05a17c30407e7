package org.cocrea.implementation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.cocrea.forum.Forum;
import org.cocrea.kernel.Languages;
import org.cocrea.kernel.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public page of the multi-stakeholder forum ({@code /forum}, no login; OGP Participation and Co-Creation
 * Standards, Standard 1 asks the forum's membership, rules and meeting records to be public): the rules in force, the
 * current members (organisation, sector, type, term; the representative's name only when the representative agreed,
 * never an e-mail) and the forum's meetings (kind {@code FORUM}, cancelled ones left out) with their minutes and
 * attendance once held, each with its {@code .ics} ({@code /forum/meetings/{id}.ics}, the same event the invitees
 * got, without an attendee). It lives here, not in {@code forum}, because it joins the forum's members with this
 * package's meetings ({@code forum} depends on no feature).
 */
@Controller
class ForumPageController {

    private final Forum forum;
    private final Meetings meetings;
    private final MeetingCalendar calendar;

    ForumPageController(Forum forum, Meetings meetings, MeetingCalendar calendar) {
        this.forum = forum;
        this.meetings = meetings;
        this.calendar = calendar;
    }

    private List<Meeting> forumMeetings() {
        return meetings.all().stream().filter(m -> m.getKind() == MeetingKind.FORUM)
                .filter(m -> m.getStatus() != Meeting.Status.CANCELLED).toList();
    }

    @GetMapping("/forum")
    String page(Model model) {
        model.addAttribute("members", forum.currentMembers());
        model.addAttribute("rules", forum.rules().orElse(null));
        model.addAttribute("meetings", forumMeetings());
        return "forum/public";
    }

    @GetMapping("/forum/meetings/{id}.ics")
    ResponseEntity<byte[]> ics(@PathVariable long id, Locale locale) {
        Meeting meeting = meetings.get(id);
        if (meeting.getKind() != MeetingKind.FORUM || meeting.getStatus() == Meeting.Status.CANCELLED) {
            throw new NotFoundException("meeting", id);
        }
        String text = calendar.invitation(meeting, null, Languages.supported(locale));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"foro-" + id + ".ics\"")
                .body(text.getBytes(StandardCharsets.UTF_8));
    }
}
