package org.cocrea.implementation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.cocrea.CocreaApplication;
import org.cocrea.commitment.Commitment;
import org.cocrea.kernel.Dates;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.InputText;
import org.cocrea.kernel.NotFoundException;
import org.cocrea.notification.EmailAddresses;
import org.cocrea.roundtable.RoundTableScheduler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up meetings during implementation: the multi-stakeholder forum's meetings and implementation meetings with
 * civil society (OGP Participation and Co-Creation Standards, Standards 1 and 5). Dates are proposed and checked by
 * the Stage 2 scheduling service ({@link RoundTableScheduler}: advance notice, working day in Buenos Aires, hours, no
 * overlap with another implementation meeting; asked by {@link MeetingTimes}); invitations carry an iCalendar {@code METHOD:REQUEST}; staff record
 * the minutes and attendance once the meeting has started, which makes it count as held. The invitations are written
 * by {@link MeetingInvitations}.
 */
@Service
public class Meetings {

    static final int TITLE_MAX = 300;
    static final int LINK_MAX = 500;
    static final int MINUTES_MAX = 20000;
    static final int INVITEES_MAX = 200;
    static final int AGENDA_MAX = 8000;
    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);

    private final MeetingRepository meetings;
    private final MeetingTimes times;
    private final MeetingInvitations invitations;
    private final ActionPlanSettings plan;
    private final ImplementationProperties properties;
    private final Dates dates;
    private final Clock clock;

    Meetings(MeetingRepository meetings, MeetingTimes times, MeetingInvitations invitations,
            ActionPlanSettings plan, ImplementationProperties properties, Dates dates,
            Clock clock) {
        this.meetings = meetings;
        this.times = times;
        this.invitations = invitations;
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
     * @param agenda          the agenda, published on {@code /forum} for a forum meeting; up to 8,000 characters,
     *                        may be empty
     */
    public record MeetingInput(String kind, String title, String startsAt, Integer durationMinutes, String meetingLink,
            List<Long> commitmentIds, String extraInvitees, String agenda) {

        /** A meeting without an agenda. */
        public MeetingInput(String kind, String title, String startsAt, Integer durationMinutes, String meetingLink,
                List<Long> commitmentIds, String extraInvitees) {
            this(kind, title, startsAt, durationMinutes, meetingLink, commitmentIds, extraInvitees, "");
        }
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
        return invitations.planCommitments();
    }

    /**
     * @return the first start the scheduling service accepts for a meeting of the default length (Buenos Aires
     *         local date-time, as a form field wants it)
     */
    @Transactional(readOnly = true)
    public LocalDateTime proposeStart() {
        return LocalDateTime.ofInstant(times.propose(properties.defaultDuration()), ZONE);
    }

    /**
     * Schedules a meeting of the configured action plan and writes its invitations to the outbox.
     *
     * @param input what staff entered
     * @param by    the staff user
     * @return the meeting, SCHEDULED
     * @throws InputRefusedException naming every refused field: missing kind or title, a start that is not a date,
     *                               too soon, not a working day, outside hours or overlapping another meeting, a
     *                               duration outside 15-480 minutes, no link or place, an unknown commitment, an
     *                               invalid e-mail, or nobody to invite
     */
    @Transactional
    public Meeting schedule(MeetingInput input, String by) {
        List<FieldProblem> problems = new ArrayList<>();
        MeetingKind kind = null;
        try {
            kind = input.kind() == null || input.kind().isBlank() ? null : MeetingKind.valueOf(input.kind().strip());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (kind == null) {
            problems.add(FieldProblem.of("kind", "implementation.error.kind"));
        }
        String title = input.title() == null ? "" : input.title().strip();
        if (title.isEmpty() || InputText.exceeds(title, TITLE_MAX)) {
            problems.add(FieldProblem.of("title", "implementation.error.length", 1, TITLE_MAX));
        } else if (InputText.hasForbiddenCharacters(title)) {
            problems.add(FieldProblem.of("title", "implementation.error.characters"));
        }
        int minutes = input.durationMinutes() == null ? -1 : input.durationMinutes();
        if (minutes < 15 || minutes > 480) {
            problems.add(FieldProblem.of("durationMinutes", "implementation.error.duration"));
        }
        Instant start = times.parse(input.startsAt(), problems);
        if (start != null && minutes >= 15 && minutes <= 480) {
            times.check(start, Duration.ofMinutes(minutes), null, problems);
        }
        String link = input.meetingLink() == null ? "" : input.meetingLink().strip();
        if (link.isEmpty() || InputText.exceeds(link, LINK_MAX)) {
            problems.add(FieldProblem.of("meetingLink", "implementation.error.length", 1,
                    LINK_MAX));
        }
        Set<Long> commitmentIds = new LinkedHashSet<>(input.commitmentIds() == null ? List.of() : input.commitmentIds());
        Set<Long> known = new HashSet<>(commitments().stream().map(Commitment::getId).toList());
        commitmentIds.stream().filter(id -> id == null || !known.contains(id)).findFirst().ifPresent(id -> problems.add(
                FieldProblem.of("commitments", "implementation.error.commitment",
                        String.valueOf(id))));
        String agenda = input.agenda() == null ? "" : input.agenda().strip();
        if (InputText.exceeds(agenda, AGENDA_MAX)) {
            problems.add(FieldProblem.of("agenda", "implementation.error.length", 0, AGENDA_MAX));
        } else if (InputText.hasForbiddenCharacters(agenda)) {
            problems.add(FieldProblem.of("agenda", "implementation.error.characters"));
        }
        List<String> extra = MeetingInvitations.addresses(input.extraInvitees());
        if (extra.size() > INVITEES_MAX) {
            problems.add(FieldProblem.of("extraInvitees", "implementation.error.tooManyInvitees", INVITEES_MAX));
        }
        extra.stream().filter(a -> !EmailAddresses.isValid(a)).findFirst().ifPresent(a -> problems.add(
                FieldProblem.of("extraInvitees", "implementation.error.email", a)));
        boolean inviteesKnown = problems.stream().noneMatch(p -> p.field().equals("commitments")
                || p.field().equals("extraInvitees"));
        if (inviteesKnown && invitations.invitees(kind, commitmentIds, extra).isEmpty()) {
            problems.add(FieldProblem.of("extraInvitees", "implementation.error.nobodyInvited"));
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        Meeting meeting = meetings.save(new Meeting(plan.id(), kind, title, start, minutes, link,
                extra.isEmpty() ? null : String.join("\n", extra), commitmentIds, agenda.isEmpty() ? null : agenda, UUID.randomUUID() + "@cocrea", by,
                clock.instant()));
        invitations.send(meeting);
        return meeting;
    }

    /**
     * @param meeting a meeting
     * @return who is invited: the further addresses staff entered, the forum's current members for a {@code FORUM}
     *         meeting, then the mailable people (consented, subscribed,
     *         not erased) of the directory's organisations interested in the axes of the meeting's commitments;
     *         each address once
     */
    @Transactional(readOnly = true)
    public List<Invitee> invitees(Meeting meeting) {
        return invitations.invitees(meeting.getKind(), meeting.getCommitmentIds(), MeetingInvitations.addresses(meeting.getExtraInvitees()));
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
     * @throws InputRefusedException on field {@code startsAt}: the meeting is held, cancelled or started, the date is
     *                               missing or not a date, or the scheduling service refuses it (too soon, not a
     *                               working day, outside hours, overlapping another meeting)
     * @throws NotFoundException if there is no such meeting
     */
    @Transactional
    public Meeting reschedule(long id, String startsAt) {
        Meeting meeting = get(id);
        List<FieldProblem> problems = new ArrayList<>();
        if (!changeable(meeting)) {
            problems.add(FieldProblem.of("startsAt", "implementation.error.notChangeable"));
        }
        Instant start = times.parse(startsAt, problems);
        if (start != null && problems.isEmpty()) {
            times.check(start, Duration.ofMinutes(meeting.getDurationMinutes()), id, problems);
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        meeting.reschedule(start);
        invitations.send(meeting);
        return meeting;
    }

    /**
     * Cancels a scheduled meeting that has not started and sends every invitee the cancellation
     * ({@code METHOD:CANCEL}, same UID, next SEQUENCE), so their calendars drop the event.
     *
     * @param id meeting id
     * @return the meeting, CANCELLED
     * @throws InputRefusedException on field {@code status} when the meeting is held, cancelled or started
     * @throws NotFoundException if there is no such meeting
     */
    @Transactional
    public Meeting cancel(long id) {
        Meeting meeting = get(id);
        if (!changeable(meeting)) {
            throw InputRefusedException.of("status", "implementation.error.notChangeable");
        }
        meeting.cancel();
        invitations.send(meeting);
        return meeting;
    }

    /**
     * Records what happened at a meeting; from then on it counts as held for the minimum requirements.
     *
     * @param id         meeting id
     * @param minutes    the minutes, 1 to 20,000 characters
     * @param attendance how many people attended, 1 to 100,000
     * @param by         the staff user
     * @return the meeting, HELD
     * @throws InputRefusedException naming the refused field: the meeting has not started yet ({@code minutes}),
     *                               empty or too long minutes, attendance missing or out of range
     * @throws NotFoundException if there is no such meeting
     */
    @Transactional
    public Meeting recordMinutes(long id, String minutes, Integer attendance, String by) {
        Meeting meeting = get(id);
        List<FieldProblem> problems = new ArrayList<>();
        if (meeting.getStartsAt().isAfter(clock.instant())) {
            problems.add(FieldProblem.of("minutes", "implementation.error.notStarted",
                    dates.format(meeting.getStartsAt())));
        }
        String text = minutes == null ? "" : minutes.strip();
        if (text.isEmpty() || InputText.exceeds(text, MINUTES_MAX)) {
            problems.add(FieldProblem.of("minutes", "implementation.error.length", 1,
                    MINUTES_MAX));
        } else if (InputText.hasForbiddenCharacters(text)) {
            problems.add(FieldProblem.of("minutes", "implementation.error.characters"));
        }
        if (attendance == null || attendance < 1 || attendance > 100_000) {
            problems.add(FieldProblem.of("attendance", "implementation.error.attendance"));
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        meeting.recordMinutes(text, attendance, by, clock.instant());
        return meeting;
    }

    /**
     * @param id meeting id
     * @return the meeting
     * @throws NotFoundException if there is none
     */
    @Transactional(readOnly = true)
    public Meeting get(long id) {
        return meetings.findById(id).orElseThrow(() -> new NotFoundException("meeting", id));
    }

    /** @return the configured plan's meetings, newest first */
    @Transactional(readOnly = true)
    public List<Meeting> all() {
        return meetings.findByActionPlanOrderByStartsAtDesc(plan.id());
    }
}
