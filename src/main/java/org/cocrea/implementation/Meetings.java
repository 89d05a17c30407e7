package org.cocrea.implementation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.cocrea.CocreaApplication;
import org.cocrea.commitment.ActionPlan;
import org.cocrea.commitment.Commitment;
import org.cocrea.notification.EmailAddresses;
import org.cocrea.notification.MailOutbox;
import org.cocrea.notification.OutgoingMail;
import org.cocrea.participant.Contact;
import org.cocrea.participant.Contacts;
import org.cocrea.roundtable.RoundTableScheduler;
import org.cocrea.kernel.Dates;
import org.cocrea.kernel.InputText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up meetings during implementation: the multi-stakeholder forum's meetings and implementation meetings with
 * civil society (OGP Participation and Co-Creation Standards, Standards 1 and 5). Dates are proposed and checked by
 * the Stage 2 scheduling service ({@link RoundTableScheduler}: advance notice, working day in Buenos Aires, hours, no
 * overlap with another implementation meeting); invitations carry an iCalendar {@code METHOD:REQUEST}; staff record
 * the minutes and attendance once the meeting has started, which makes it count as held.
 */
@Service
public class Meetings {

    static final int TITLE_MAX = 300;
    static final int LINK_MAX = 500;
    static final int MINUTES_MAX = 20000;
    static final int INVITEES_MAX = 200;
    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);

    private final MeetingRepository meetings;
    private final RoundTableScheduler scheduler;
    private final MeetingCalendar calendar;
    private final MailOutbox outbox;
    private final Contacts contacts;
    private final ActionPlan actionPlan;
    private final ActionPlanSettings plan;
    private final ImplementationProperties properties;
    private final Dates dates;
    private final Clock clock;

    Meetings(MeetingRepository meetings, RoundTableScheduler scheduler, MeetingCalendar calendar, MailOutbox outbox,
            Contacts contacts, ActionPlan actionPlan, ActionPlanSettings plan, ImplementationProperties properties,
            Dates dates, Clock clock) {
        this.meetings = meetings;
        this.scheduler = scheduler;
        this.calendar = calendar;
        this.outbox = outbox;
        this.contacts = contacts;
        this.actionPlan = actionPlan;
        this.plan = plan;
        this.properties = properties;
        this.dates = dates;
        this.clock = clock;
    }

    /**
     * What staff fill in to schedule a meeting; strings as a form sends them.
     *
     * @param kind            {@code FORUM} or {@code IMPLEMENTATION}
     * @param title           1 to 300 characters
     * @param startsAt        local date-time in Buenos Aires, ISO ({@code 2025-03-17T10:00})
     * @param durationMinutes 15 to 480
     * @param meetingLink     the virtual meeting's link or the place, 1 to 500 characters
     * @param commitmentIds   published commitments of the plan it is about; may be empty
     * @param extraInvitees   further e-mail addresses, separated by new lines, commas or semicolons; may be empty
     */
    public record MeetingInput(String kind, String title, String startsAt, Integer durationMinutes, String meetingLink,
            List<Long> commitmentIds, String extraInvitees) {
    }

    /**
     * A recipient of the invitation.
     *
     * @param email    address
     * @param name     name, or empty
     * @param language {@code es} or {@code en}
     */
    public record Invitee(String email, String name, String language) {
    }

    /** @return the configured action plan's published commitments, which a meeting can be about */
    @Transactional(readOnly = true)
    public List<Commitment> commitments() {
        return actionPlan.published().stream().filter(c -> plan.id().equals(c.getActionPlan())).toList();
    }

    /**
     * @return the first start the scheduling service accepts for a meeting of the default length (Buenos Aires
     *         local date-time, as a form field wants it)
     */
    @Transactional(readOnly = true)
    public LocalDateTime proposeStart() {
        return LocalDateTime.ofInstant(scheduler.propose(properties.defaultDuration(), taken()), ZONE);
    }

    private List<RoundTableScheduler.Slot> taken() {
        return taken(null);
    }

    /** @return the slots of the plan's meetings that are not cancelled, except the meeting {@code except} */
    private List<RoundTableScheduler.Slot> taken(Long except) {
        return meetings.findByActionPlanOrderByStartsAtDesc(plan.id()).stream()
                .filter(m -> m.getStatus() != Meeting.Status.CANCELLED && !m.getId().equals(except))
                .map(m -> new RoundTableScheduler.Slot(m.getStartsAt(), m.getEndsAt())).toList();
    }

    /**
     * Schedules a meeting of the configured action plan and writes its invitations to the outbox.
     *
     * @param input what staff entered
     * @param by    the staff user
     * @return the meeting, SCHEDULED
     * @throws InvalidInputException naming every refused field: missing kind or title, a start that is not a date,
     *                               too soon, not a working day, outside hours or overlapping another meeting, a
     *                               duration outside 15-480 minutes, no link or place, an unknown commitment, an
     *                               invalid e-mail, or nobody to invite
     */
    @Transactional
    public Meeting schedule(MeetingInput input, String by) {
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        MeetingKind kind = null;
        try {
            kind = input.kind() == null || input.kind().isBlank() ? null : MeetingKind.valueOf(input.kind().strip());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (kind == null) {
            problems.add(new InvalidInputException.Problem("kind", "implementation.error.kind", null));
        }
        String title = input.title() == null ? "" : input.title().strip();
        if (title.isEmpty() || InputText.exceeds(title, TITLE_MAX)) {
            problems.add(new InvalidInputException.Problem("title", "implementation.error.length", null, 1, TITLE_MAX));
        } else if (InputText.hasForbiddenCharacters(title)) {
            problems.add(new InvalidInputException.Problem("title", "implementation.error.characters", null));
        }
        int minutes = input.durationMinutes() == null ? -1 : input.durationMinutes();
        if (minutes < 15 || minutes > 480) {
            problems.add(new InvalidInputException.Problem("durationMinutes", "implementation.error.duration", null));
        }
        Instant start = null;
        if (input.startsAt() == null || input.startsAt().isBlank()) {
            problems.add(new InvalidInputException.Problem("startsAt", "implementation.error.required", null));
        } else {
            try {
                start = LocalDateTime.parse(input.startsAt().strip()).atZone(ZONE).toInstant();
            } catch (DateTimeParseException e) {
                problems.add(new InvalidInputException.Problem("startsAt", "implementation.error.dateTime", null));
            }
        }
        if (start != null && minutes >= 15 && minutes <= 480) {
            for (String reason : scheduler.problems(start, Duration.ofMinutes(minutes), taken())) {
                problems.add(new InvalidInputException.Problem("startsAt", null, reason));
            }
        }
        String link = input.meetingLink() == null ? "" : input.meetingLink().strip();
        if (link.isEmpty() || InputText.exceeds(link, LINK_MAX)) {
            problems.add(new InvalidInputException.Problem("meetingLink", "implementation.error.length", null, 1,
                    LINK_MAX));
        }
        Set<Long> commitmentIds = new LinkedHashSet<>(input.commitmentIds() == null ? List.of() : input.commitmentIds());
        Set<Long> known = new java.util.HashSet<>(commitments().stream().map(Commitment::getId).toList());
        commitmentIds.stream().filter(id -> id == null || !known.contains(id)).findFirst().ifPresent(id -> problems.add(
                new InvalidInputException.Problem("commitments", "implementation.error.commitment", null,
                        String.valueOf(id))));
        List<String> extra = addresses(input.extraInvitees());
        if (extra.size() > INVITEES_MAX) {
            problems.add(new InvalidInputException.Problem("extraInvitees", "implementation.error.tooManyInvitees",
                    null, INVITEES_MAX));
        }
        extra.stream().filter(a -> !EmailAddresses.isValid(a)).findFirst().ifPresent(a -> problems.add(
                new InvalidInputException.Problem("extraInvitees", "implementation.error.email", null, a)));
        boolean inviteesKnown = problems.stream().noneMatch(p -> p.field().equals("commitments")
                || p.field().equals("extraInvitees"));
        if (inviteesKnown && invitees(commitmentIds, extra).isEmpty()) {
            problems.add(new InvalidInputException.Problem("extraInvitees", "implementation.error.nobodyInvited",
                    null));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Meeting meeting = meetings.save(new Meeting(plan.id(), kind, title, start, minutes, link,
                extra.isEmpty() ? null : String.join("\n", extra), commitmentIds, UUID.randomUUID() + "@cocrea", by,
                clock.instant()));
        sendInvitations(meeting);
        return meeting;
    }

    private static List<String> addresses(String text) {
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
     * @param meeting a meeting
     * @return who is invited: the further addresses staff entered, then the mailable people (consented, subscribed,
     *         not erased) of the directory's organisations interested in the axes of the meeting's commitments;
     *         each address once
     */
    @Transactional(readOnly = true)
    public List<Invitee> invitees(Meeting meeting) {
        return invitees(meeting.getCommitmentIds(), addresses(meeting.getExtraInvitees()));
    }

    private List<Invitee> invitees(Collection<Long> commitmentIds, List<String> extra) {
        Map<String, Invitee> all = new LinkedHashMap<>();
        extra.forEach(a -> all.putIfAbsent(a, new Invitee(a, "", "es")));
        Set<String> axes = new LinkedHashSet<>();
        commitments().stream().filter(c -> commitmentIds.contains(c.getId()) && c.getAxis() != null)
                .forEach(c -> axes.add(c.getAxis()));
        Set<Long> organizations = new LinkedHashSet<>();
        axes.forEach(axis -> contacts.suggestOrganizations(axis).forEach(s -> organizations.add(s.organizationId())));
        for (Contact c : contacts.mailableMembers(organizations)) {
            all.putIfAbsent(c.getEmail().toLowerCase(Locale.ROOT), new Invitee(c.getEmail(),
                    c.getName() == null ? "" : c.getName(), "en".equals(c.getLanguage()) ? "en" : "es"));
        }
        return new ArrayList<>(all.values());
    }

    /**
     * @param meeting a meeting
     * @return whether it can still be rescheduled or cancelled: SCHEDULED and not started (clock of the application)
     */
    public boolean changeable(Meeting meeting) {
        return meeting.getStatus() == Meeting.Status.SCHEDULED && meeting.getStartsAt().isAfter(clock.instant());
    }

    /**
     * Moves a scheduled meeting that has not started to another date and sends every invitee the updated invitation
     * (same UID, next SEQUENCE, {@code METHOD:REQUEST}), so their calendars move the event.
     *
     * @param id       meeting id
     * @param startsAt the new start, Buenos Aires local date-time {@code yyyy-MM-ddTHH:mm}
     * @return the meeting, still SCHEDULED
     * @throws InvalidInputException on field {@code startsAt}: the meeting is held, cancelled or started, the date is
     *                               missing or not a date, or the scheduling service refuses it (too soon, not a
     *                               working day, outside hours, overlapping another meeting)
     * @throws IllegalArgumentException if there is no such meeting
     */
    @Transactional
    public Meeting reschedule(long id, String startsAt) {
        Meeting meeting = get(id);
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        if (!changeable(meeting)) {
            problems.add(new InvalidInputException.Problem("startsAt", "implementation.error.notChangeable", null));
        }
        Instant start = null;
        if (startsAt == null || startsAt.isBlank()) {
            problems.add(new InvalidInputException.Problem("startsAt", "implementation.error.required", null));
        } else {
            try {
                start = LocalDateTime.parse(startsAt.strip()).atZone(ZONE).toInstant();
            } catch (DateTimeParseException e) {
                problems.add(new InvalidInputException.Problem("startsAt", "implementation.error.dateTime", null));
            }
        }
        if (start != null && problems.isEmpty()) {
            for (String reason : scheduler.problems(start, Duration.ofMinutes(meeting.getDurationMinutes()),
                    taken(id))) {
                problems.add(new InvalidInputException.Problem("startsAt", null, reason));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        meeting.reschedule(start);
        sendInvitations(meeting);
        return meeting;
    }

    /**
     * Cancels a scheduled meeting that has not started and sends every invitee the cancellation
     * ({@code METHOD:CANCEL}, same UID, next SEQUENCE), so their calendars drop the event.
     *
     * @param id meeting id
     * @return the meeting, CANCELLED
     * @throws InvalidInputException on field {@code status} when the meeting is held, cancelled or started
     * @throws IllegalArgumentException if there is no such meeting
     */
    @Transactional
    public Meeting cancel(long id) {
        Meeting meeting = get(id);
        if (!changeable(meeting)) {
            throw new InvalidInputException(List.of(new InvalidInputException.Problem("status",
                    "implementation.error.notChangeable", null)));
        }
        meeting.cancel();
        sendInvitations(meeting);
        return meeting;
    }

    private int sendInvitations(Meeting meeting) {
        boolean cancelled = meeting.getStatus() == Meeting.Status.CANCELLED;
        String change = cancelled ? "cancelled" : meeting.getIcalSequence() > 0 ? "updated" : "invitation";
        String method = cancelled ? "CANCEL" : "REQUEST";
        int n = 0;
        for (Invitee i : invitees(meeting)) {
            Locale locale = Locale.forLanguageTag(i.language());
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("name", i.name());
            model.put("title", meeting.getTitle());
            model.put("kind", meeting.getKind().name());
            model.put("startsAt", dates.format(meeting.getStartsAt()));
            model.put("durationMinutes", meeting.getDurationMinutes());
            model.put("meetingLink", meeting.getMeetingLink());
            model.put("commitments", commitments().stream()
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

    /**
     * Records what happened at a meeting; from then on it counts as held for the minimum requirements.
     *
     * @param id         meeting id
     * @param minutes    the minutes, 1 to 20,000 characters
     * @param attendance how many people attended, 1 to 100,000
     * @param by         the staff user
     * @return the meeting, HELD
     * @throws InvalidInputException naming the refused field: the meeting has not started yet ({@code minutes}),
     *                               empty or too long minutes, attendance missing or out of range
     * @throws IllegalArgumentException if there is no such meeting
     */
    @Transactional
    public Meeting recordMinutes(long id, String minutes, Integer attendance, String by) {
        Meeting meeting = get(id);
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        if (meeting.getStartsAt().isAfter(clock.instant())) {
            problems.add(new InvalidInputException.Problem("minutes", "implementation.error.notStarted", null,
                    dates.format(meeting.getStartsAt())));
        }
        String text = minutes == null ? "" : minutes.strip();
        if (text.isEmpty() || InputText.exceeds(text, MINUTES_MAX)) {
            problems.add(new InvalidInputException.Problem("minutes", "implementation.error.length", null, 1,
                    MINUTES_MAX));
        } else if (InputText.hasForbiddenCharacters(text)) {
            problems.add(new InvalidInputException.Problem("minutes", "implementation.error.characters", null));
        }
        if (attendance == null || attendance < 1 || attendance > 100_000) {
            problems.add(new InvalidInputException.Problem("attendance", "implementation.error.attendance", null));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        meeting.recordMinutes(text, attendance, by, clock.instant());
        return meeting;
    }

    /**
     * @param id meeting id
     * @return the meeting
     * @throws IllegalArgumentException if there is none
     */
    @Transactional(readOnly = true)
    public Meeting get(long id) {
        return meetings.findById(id).orElseThrow(() -> new IllegalArgumentException("No meeting " + id));
    }

    /** @return the configured plan's meetings, newest first */
    @Transactional(readOnly = true)
    public List<Meeting> all() {
        return meetings.findByActionPlanOrderByStartsAtDesc(plan.id());
    }
}
