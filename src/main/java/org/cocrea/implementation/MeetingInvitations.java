package org.cocrea.implementation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.cocrea.commitment.ActionPlan;
import org.cocrea.commitment.Commitment;
import org.cocrea.forum.Forum;
import org.cocrea.forum.ForumMember;
import org.cocrea.implementation.Meetings.Invitee;
import org.cocrea.notification.MailOutbox;
import org.cocrea.notification.OutgoingMail;
import org.cocrea.participant.Contact;
import org.cocrea.participant.Contacts;
import org.cocrea.kernel.Dates;
import org.springframework.stereotype.Component;

/**
 * Who is invited to a meeting and the iCalendar invitations, updates and cancellations they get, for {@link Meetings}.
 */
@Component
class MeetingInvitations {

    private final ActionPlan actionPlan;
    private final ActionPlanSettings plan;
    private final MeetingCalendar calendar;
    private final MailOutbox outbox;
    private final Contacts contacts;
    private final Dates dates;
    private final Forum forum;

    MeetingInvitations(ActionPlan actionPlan, ActionPlanSettings plan, MeetingCalendar calendar, MailOutbox outbox,
            Contacts contacts, Dates dates, Forum forum) {
        this.forum = forum;
        this.actionPlan = actionPlan;
        this.plan = plan;
        this.calendar = calendar;
        this.outbox = outbox;
        this.contacts = contacts;
        this.dates = dates;
    }

    /** @return the configured action plan's published commitments, which a meeting can be about */
    List<Commitment> planCommitments() {
        return actionPlan.published().stream().filter(c -> plan.id().equals(c.getActionPlan())).toList();
    }

    /** @return the addresses of a text (separated by spaces, commas or semicolons), lower case, each once */
    static List<String> addresses(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : text.split("[\\s,;]+")) {
            if (!s.isBlank() && !out.contains(s.strip().toLowerCase(Locale.ROOT))) {
                out.add(s.strip().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /**
     * @return who is invited: the further addresses, the forum's current members for a {@code FORUM} meeting, then
     *         the directory's mailable people of the axes; each once
     */
    List<Invitee> invitees(MeetingKind kind, Collection<Long> commitmentIds, List<String> extra) {
        Map<String, Invitee> all = new LinkedHashMap<>();
        extra.forEach(a -> all.putIfAbsent(a, new Invitee(a, "", "es")));
        if (kind == MeetingKind.FORUM) {
            for (ForumMember m : forum.currentMembers()) {
                all.putIfAbsent(m.getEmail(), new Invitee(m.getEmail(), m.getRepresentative(), "es"));
            }
        }
        Set<String> axes = new LinkedHashSet<>();
        planCommitments().stream().filter(c -> commitmentIds.contains(c.getId()) && c.getAxis() != null)
                .forEach(c -> axes.add(c.getAxis()));
        Set<Long> organizations = new LinkedHashSet<>();
        axes.forEach(axis -> contacts.suggestOrganizations(axis).forEach(s -> organizations.add(s.organizationId())));
        for (Contact c : contacts.mailableMembers(organizations)) {
            all.putIfAbsent(c.getEmail().toLowerCase(Locale.ROOT), new Invitee(c.getEmail(),
                    c.getName() == null ? "" : c.getName(), "en".equals(c.getLanguage()) ? "en" : "es"));
        }
        return new ArrayList<>(all.values());
    }

    /** Writes the invitation, update or cancellation of the meeting to every invitee; returns how many. */
    int send(Meeting meeting) {
        boolean cancelled = meeting.getStatus() == Meeting.Status.CANCELLED;
        String change = cancelled ? "cancelled" : meeting.getIcalSequence() > 0 ? "updated" : "invitation";
        String method = cancelled ? "CANCEL" : "REQUEST";
        int n = 0;
        for (Invitee i : invitees(meeting.getKind(), meeting.getCommitmentIds(), addresses(meeting.getExtraInvitees()))) {
            Locale locale = Locale.forLanguageTag(i.language());
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("name", i.name());
            model.put("title", meeting.getTitle());
            model.put("kind", meeting.getKind().name());
            model.put("startsAt", dates.format(meeting.getStartsAt()));
            model.put("durationMinutes", meeting.getDurationMinutes());
            model.put("meetingLink", meeting.getMeetingLink());
            model.put("commitments", planCommitments().stream()
                    .filter(c -> meeting.getCommitmentIds().contains(c.getId()))
                    .map(c -> c.getCode() + " — " + c.title(locale.getLanguage())).toList());
            model.put("change", change);
            outbox.enqueue(new OutgoingMail(i.email(), locale, "mail/implementation-meeting-invitation",
                    "implementation.mail." + change + ".subject", new Object[] {meeting.getTitle(),
                            dates.format(meeting.getStartsAt())}, model,
                    "implementation-meeting-" + method.toLowerCase(Locale.ROOT),
                    "implementation-meeting-" + meeting.getId(), null, new OutgoingMail.Attachment(
                            "reunion-" + meeting.getId() + ".ics", "text/calendar; method=" + method
                            + "; charset=UTF-8",
                            calendar.invitation(meeting, i.email(), locale))));
            n++;
        }
        return n;
    }
}
