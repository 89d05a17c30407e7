package org.cocrea.roundtable;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cocrea.notification.EmailAddresses;
import org.cocrea.notification.MailOutbox;
import org.cocrea.notification.OutgoingMail;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.Proposals;
import org.cocrea.kernel.Dates;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Round-tables of a call: creation with a proposed date, confirmation, rescheduling and cancellation (with
 * invitations carrying iCalendar), public registration with capacity and waiting list, reminders, the two boards,
 * the chosen topics and attendance.
 */
@Service
public class RoundTables {

    private static final Pattern LINK = Pattern.compile("^https?://[^\\s<>\"]{1,490}$");
    private static final Set<String> PARTICIPANT_TYPES = Set.of("osc-tematica", "osc-territorial", "academia",
            "sector-privado", "sector-publico", "ciudadania");
    static final int TEXT_MAX = 4000;

    private final RoundTableRepository tables;
    private final RegistrationRepository registrations;
    private final BoardEntryRepository boards;
    private final RoundTableScheduler scheduler;
    private final RoundTableCalendar calendar;
    private final SchedulingProperties properties;
    private final Proposals proposals;
    private final MailOutbox outbox;
    private final ApplicationEventPublisher events;
    private final Dates dates;
    private final Clock clock;
    private final org.cocrea.participant.Contacts contacts;
    private final org.springframework.context.MessageSource messages;

    RoundTables(RoundTableRepository tables, RegistrationRepository registrations, BoardEntryRepository boards,
            RoundTableScheduler scheduler, RoundTableCalendar calendar, SchedulingProperties properties,
            Proposals proposals, MailOutbox outbox, ApplicationEventPublisher events, Dates dates, Clock clock,
            org.cocrea.participant.Contacts contacts, org.springframework.context.MessageSource messages) {
        this.contacts = contacts;
        this.messages = messages;
        this.tables = tables;
        this.registrations = registrations;
        this.boards = boards;
        this.scheduler = scheduler;
        this.calendar = calendar;
        this.properties = properties;
        this.proposals = proposals;
        this.outbox = outbox;
        this.events = events;
        this.dates = dates;
        this.clock = clock;
    }

    /**
     * Asks for one round-table per prioritised axis of the call that has none yet (the workflow starts them).
     *
     * @param callId call id
     * @return the axes requested
     */
    @Transactional
    public List<String> requestForCall(long callId) {
        List<String> axes = axesToSchedule(callId);
        if (!axes.isEmpty()) {
            events.publishEvent(new RoundTableEvents.RoundTablesRequested(callId, axes));
        }
        return axes;
    }

    /**
     * The axes {@link #requestForCall(long)} would start a round-table for: those with prioritised proposals and no
     * round-table yet (a cancelled one counts as one).
     *
     * @param callId call id
     * @return axis ids, in the order of the call's prioritisation
     */
    @Transactional(readOnly = true)
    public List<String> axesToSchedule(long callId) {
        List<String> axes = new ArrayList<>();
        proposals.prioritisedByAxis(callId).forEach((axis, list) -> {
            if (!list.isEmpty() && tables.findByCallIdAndAxis(callId, axis).isEmpty()) {
                axes.add(axis);
            }
        });
        return axes;
    }

    /**
     * The scheduling service: creates the axis's round-table with the first acceptable date.
     *
     * @param callId            call id
     * @param axis              axis id
     * @param processInstanceId the round-table process instance
     * @return the round-table, status PROPOSED, titled "Mesa de co-creación: axis" / "Co-creation round-table: axis"
     *         ({@code roundTable.defaultTitle} of {@code i18n/bilingual})
     */
    @Transactional
    public RoundTable create(long callId, String axis, String processInstanceId) {
        return create(callId, axis, processInstanceId, null);
    }

    /**
     * The scheduling service: creates the axis's round-table with the first acceptable date and a title of its own.
     *
     * @param callId            call id
     * @param axis              axis id
     * @param processInstanceId the round-table process instance
     * @param title             the title in Spanish and English (an English one may be missing), or null for the
     *                          default title of {@link #create(long, String, String)}
     * @return the round-table, status PROPOSED (an existing round-table of the axis keeps its title)
     * @throws InvalidRoundTableException when the title has no text, a text longer than 300 characters or control
     *                                     characters
     */
    @Transactional
    public RoundTable create(long callId, String axis, String processInstanceId,
            org.cocrea.kernel.BilingualText title) {
        if (title != null && (title.spanish() == null && title.english() == null
                || org.cocrea.kernel.InputText.exceeds(title.spanish(), 300)
                || org.cocrea.kernel.InputText.exceeds(title.english(), 300)
                || org.cocrea.kernel.InputText.hasForbiddenCharacters(title.spanish())
                || org.cocrea.kernel.InputText.hasForbiddenCharacters(title.english()))) {
            throw new InvalidRoundTableException(List.of("título: obligatorio, hasta 300 caracteres / "
                    + "title: required, at most 300 characters"));
        }
        RoundTable existing = tables.findByCallIdAndAxis(callId, axis).orElse(null);
        if (existing != null) {
            existing.attachProcess(processInstanceId);
            return existing;
        }
        Duration duration = properties.defaultDuration();
        Instant start = scheduler.propose(duration, taken(callId, null));
        Locale es = Locale.forLanguageTag("es");
        RoundTable table = new RoundTable(callId, axis, title != null ? title : new org.cocrea.kernel.BilingualText(
                messages.getMessage("roundTable.defaultTitle", new Object[] {proposals.axisName(axis, es)}, es),
                messages.getMessage("roundTable.defaultTitle", new Object[] {proposals.axisName(axis, Locale.ENGLISH)},
                        Locale.ENGLISH)), start, (int) duration.toMinutes(),
                properties.defaultCapacity(), UUID.randomUUID() + "@cocrea", clock.instant());
        table.attachProcess(processInstanceId);
        return tables.save(table);
    }

    private List<RoundTableScheduler.Slot> taken(long callId, Long except) {
        return tables.findByCallIdOrderByStartsAtAsc(callId).stream()
                .filter(t -> !t.getId().equals(except) && t.getStatus() != RoundTableStatus.CANCELLED
                        && t.getStartsAt() != null)
                .map(t -> new RoundTableScheduler.Slot(t.getStartsAt(), t.getEndsAt())).toList();
    }

    /**
     * Staff confirm (or change) the date, link and capacity; refused with every reason when the date is too soon,
     * on a non-working day, outside hours or overlapping another round-table of the call.
     *
     * @param id              round-table id
     * @param startsAt        start
     * @param durationMinutes length in minutes
     * @param meetingLink     the virtual meeting's http(s) link
     * @param capacity        seats, 1 to 1000
     * @return the round-table, SCHEDULED
     * @throws InvalidRoundTableException with the reasons
     */
    @Transactional
    public RoundTable confirm(long id, Instant startsAt, Integer durationMinutes, String meetingLink, Integer capacity) {
        RoundTable table = get(id);
        List<String> problems = new ArrayList<>();
        if (table.getStatus() == RoundTableStatus.CANCELLED || table.getStatus() == RoundTableStatus.HELD) {
            problems.add("la mesa ya no se puede cambiar / the round-table can no longer change");
        }
        int minutes = durationMinutes == null ? table.getDurationMinutes() : durationMinutes;
        problems.addAll(scheduler.problems(startsAt, Duration.ofMinutes(minutes), taken(table.getCallId(), id)));
        if (meetingLink == null || !LINK.matcher(meetingLink.strip()).matches()) {
            problems.add("enlace de la reunión virtual: una dirección http(s) / meeting link: an http(s) address");
        }
        if (startsAt != null && table.getInfoMeetingAt() != null && !table.getInfoMeetingAt().isBefore(startsAt)) {
            problems.add("la mesa debe ser después de la reunión informativa (" + dates.format(table.getInfoMeetingAt())
                    + ") / the round-table must come after the information meeting");
        }
        if (capacity == null || capacity < 1 || capacity > 1000) {
            problems.add("cupo entre 1 y 1000 / capacity between 1 and 1000");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRoundTableException(problems);
        }
        table.confirm(startsAt, minutes, meetingLink.strip(), capacity);
        return table;
    }

    /**
     * Moves a scheduled round-table to another date; the workflow then sends the updated invitation (same UID, higher
     * SEQUENCE) to the invitees and the registered people.
     *
     * @param id       round-table id
     * @param startsAt new start
     * @throws InvalidRoundTableException with the reasons
     */
    @Transactional
    public void reschedule(long id, Instant startsAt) {
        RoundTable table = get(id);
        if (table.getStatus() != RoundTableStatus.SCHEDULED || !table.getStartsAt().isAfter(clock.instant())) {
            throw new InvalidRoundTableException(List.of("solo se reprograma una mesa programada que no empezó / only "
                    + "a scheduled round-table that has not started can be rescheduled"));
        }
        confirm(id, startsAt, table.getDurationMinutes(), table.getMeetingLink(), table.getCapacity());
        events.publishEvent(new RoundTableEvents.RoundTableRescheduled(id));
    }

    /**
     * Cancels a scheduled round-table that has not started; the workflow then sends {@code METHOD:CANCEL}.
     *
     * @param id round-table id
     * @throws InvalidRoundTableException when it is not scheduled or has started
     */
    @Transactional
    public void cancel(long id) {
        RoundTable table = get(id);
        if (table.getStatus() != RoundTableStatus.SCHEDULED || !table.getStartsAt().isAfter(clock.instant())) {
            throw new InvalidRoundTableException(List.of("solo se cancela una mesa programada que no empezó / only a "
                    + "scheduled round-table that has not started can be cancelled"));
        }
        table.cancel();
        events.publishEvent(new RoundTableEvents.RoundTableCancelled(id));
    }

    /**
     * Personalised call: records which organisations staff chose to invite and the information meeting.
     *
     * @param id              round-table id
     * @param organizationIds organisations suggested by the directory for the axis; may be empty
     * @param infoMeetingAt   the information meeting, in the future (required when inviting anyone)
     * @param infoMeetingLink its http(s) link (required when inviting anyone)
     * @throws InvalidRoundTableException with the reasons
     */
    @Transactional
    public void invitePersonally(long id, Collection<Long> organizationIds, Instant infoMeetingAt,
            String infoMeetingLink) {
        RoundTable table = get(id);
        List<String> problems = new ArrayList<>();
        java.util.Set<Long> allowed = new java.util.HashSet<>();
        contacts.suggestOrganizations(table.getAxis()).forEach(s -> allowed.add(s.organizationId()));
        organizationIds.stream().filter(o -> !allowed.contains(o)).findFirst().ifPresent(o -> problems.add(
                "organización no sugerida para el eje / organisation not suggested for the axis: " + o));
        if (!organizationIds.isEmpty()) {
            if (infoMeetingAt == null || !infoMeetingAt.isAfter(clock.instant())) {
                problems.add("la reunión informativa debe ser futura / the information meeting must be in the future");
            } else if (table.getStartsAt() != null && !infoMeetingAt.isBefore(table.getStartsAt())) {
                problems.add("la reunión informativa debe ser antes de la mesa (" + dates.format(table.getStartsAt())
                        + ") / the information meeting must come before the round-table");
            }
            if (infoMeetingLink == null || !LINK.matcher(infoMeetingLink.strip()).matches()) {
                problems.add("enlace de la reunión informativa: una dirección http(s) / information meeting link: an "
                        + "http(s) address");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRoundTableException(problems);
        }
        table.invite(organizationIds, infoMeetingAt, infoMeetingLink == null ? null : infoMeetingLink.strip());
    }

    /**
     * Mails each person of the invited organisations a personal invitation to the information meeting.
     *
     * @param id round-table id
     * @return how many invitations were written
     */
    @Transactional
    public int sendPersonalInvitations(long id) {
        RoundTable table = get(id);
        int n = 0;
        for (Invitee i : invitedOrganizationInvitees(id)) {
            Locale locale = "en".equals(i.language()) ? Locale.ENGLISH : Locale.forLanguageTag("es");
            Map<String, Object> model = model(table, i.name());
            model.put("infoMeetingAt", dates.format(table.getInfoMeetingAt()));
            model.put("infoMeetingLink", table.getInfoMeetingLink());
            model.put("axisName", proposals.axisName(table.getAxis(), locale));
            outbox.enqueue(new OutgoingMail(i.email(), locale, "mail/round-table-personal-invitation",
                    "mail.roundTablePersonal.subject", new Object[] {proposals.axisName(table.getAxis(), locale)},
                    model, "round-table-personal", "round-table-" + id));
            n++;
        }
        return n;
    }

    /**
     * @param id round-table id
     * @return the mailable people of the organisations invited personally
     */
    @Transactional(readOnly = true)
    public List<Invitee> invitedOrganizationInvitees(long id) {
        return contacts.mailableMembers(get(id).getInvitedOrganizations()).stream()
                .map(c -> new Invitee(c.getEmail(), c.getName(), c.getLanguage())).toList();
    }

    /**
     * Who is invited besides the area representatives: the proposers of the axis's prioritised proposals.
     *
     * @param id round-table id
     * @return the proposers, one per e-mail
     */
    @Transactional(readOnly = true)
    public List<Invitee> proposerInvitees(long id) {
        RoundTable table = get(id);
        Map<String, Invitee> out = new LinkedHashMap<>();
        for (Proposal p : proposals.prioritisedByAxis(table.getCallId()).getOrDefault(table.getAxis(), List.of())) {
            out.putIfAbsent(p.getEmail().toLowerCase(Locale.ROOT), new Invitee(p.getEmail(), p.getContactName(),
                    p.getLanguage()));
        }
        return new ArrayList<>(out.values());
    }

    /**
     * @param id round-table id
     * @return the area groups whose proposals on this axis were found feasible by an area willing to co-create
     */
    @Transactional(readOnly = true)
    public List<String> coCreatingAreaGroups(long id) {
        RoundTable table = get(id);
        return proposals.ofCall(table.getCallId()).stream()
                .filter(p -> p.getAxis().equals(table.getAxis()) && Boolean.TRUE.equals(p.getWillingToCoCreate()))
                .map(Proposal::getAreaGroup).filter(g -> g != null).distinct().sorted().toList();
    }

    /**
     * Mails the invitation (or its update, or the cancellation) with the iCalendar attachment to the proposers of the
     * axis's prioritised proposals, the people of the organisations invited personally, the given invitees and
     * everyone registered (the waiting list only for a cancellation), once per address.
     *
     * @param id       round-table id
     * @param invitees further invitees: the representatives of the areas willing to co-create
     * @return how many mails were written
     */
    @Transactional
    public int sendInvitations(long id, Collection<Invitee> invitees) {
        RoundTable table = get(id);
        boolean cancelled = table.getStatus() == RoundTableStatus.CANCELLED;
        String method = cancelled ? "CANCEL" : "REQUEST";
        Map<String, Invitee> all = new LinkedHashMap<>();
        List<Invitee> everyone = new ArrayList<>(proposerInvitees(id));
        everyone.addAll(invitedOrganizationInvitees(id));
        everyone.addAll(invitees);
        everyone.forEach(i -> all.putIfAbsent(i.email().toLowerCase(Locale.ROOT), i));
        registrations.findByRoundTableIdOrderByIdAsc(id).stream()
                .filter(r -> r.getStatus() == Registration.Status.REGISTERED || (cancelled
                        && r.getStatus() == Registration.Status.WAITLISTED))
                .forEach(r -> all.putIfAbsent(r.getEmail().toLowerCase(Locale.ROOT), new Invitee(r.getEmail(), r.getName(),
                        r.getLanguage())));
        String template = cancelled ? "mail/round-table-cancelled"
                : table.getIcalSequence() > 0 ? "mail/round-table-updated" : "mail/round-table-invitation";
        String subject = cancelled ? "mail.roundTableCancelled.subject"
                : table.getIcalSequence() > 0 ? "mail.roundTableUpdated.subject" : "mail.roundTableInvitation.subject";
        for (Invitee i : all.values()) {
            if (!EmailAddresses.isValid(i.email())) {
                continue;
            }
            Locale locale = "en".equals(i.language()) ? Locale.ENGLISH : Locale.forLanguageTag("es");
            String ics;
            try {
                ics = calendar.invitation(table, cancelled, i.email());
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(RoundTables.class).warn("Round-table {}: no invitation for {}: {}", id,
                        i.email(), e.getMessage());
                continue;
            }
            outbox.enqueue(new OutgoingMail(i.email(), locale, template, subject,
                    new Object[] {table.title(locale), dates.format(table.getStartsAt())},
                    model(table, i.name(), locale), "round-table-" + method.toLowerCase(Locale.ROOT), "round-table-" + id, null,
                    new OutgoingMail.Attachment("mesa-" + id + ".ics", "text/calendar; method=" + method
                            + "; charset=UTF-8", ics)));
        }
        return all.size();
    }

    private static Locale locale(String language) {
        return "en".equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("es");
    }

    private Map<String, Object> model(RoundTable table, String name) {
        return model(table, name, Locale.forLanguageTag("es"));
    }

    private Map<String, Object> model(RoundTable table, String name, Locale locale) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", name == null ? "" : name);
        model.put("title", table.title(locale));
        model.put("startsAt", dates.format(table.getStartsAt()));
        model.put("meetingLink", table.getMeetingLink() == null ? "" : table.getMeetingLink());
        model.put("tableId", table.getId());
        return model;
    }

    /**
     * Reminds the registered people (not the waiting list) of the meeting.
     *
     * @param id round-table id
     * @return how many reminders were written
     */
    @Transactional
    public int remind(long id) {
        RoundTable table = get(id);
        if (table.getStatus() != RoundTableStatus.SCHEDULED) {
            return 0;
        }
        int n = 0;
        for (Registration r : registrations.findByRoundTableIdOrderByIdAsc(id)) {
            if (r.getStatus() == Registration.Status.REGISTERED) {
                outbox.enqueue(new OutgoingMail(r.getEmail(), Locale.forLanguageTag("es"), "mail/round-table-reminder",
                        "mail.roundTableReminder.subject", new Object[] {table.getTitle(),
                                dates.format(table.getStartsAt())}, model(table, r.getName()), "round-table-reminder",
                        "round-table-" + id));
                n++;
            }
        }
        return n;
    }

    /**
     * Registers a person on the public page: a seat while there are seats, else the waiting list. The mail saying
     * which is capped per address ({@code cocrea.limits.confirmation-mail.round-table-registration},
     * {@link MailOutbox#enqueueConfirmation}); the registration is stored either way.
     *
     * @param id               round-table id
     * @param name             required, at most 150 characters
     * @param email            required, valid
     * @param organization     at most 200 characters; may be empty for individuals
     * @param organizationType one of the organisation types or {@code ciudadania}
     * @param consent          must be true
     * @return the registration
     * @throws InvalidRoundTableException with every reason (closed for registration, duplicate, invalid fields)
     */
    @Transactional
    public Registration register(long id, String name, String email, String organization, String organizationType,
            boolean consent) {
        return register(id, name, email, organization, organizationType, consent, "es");
    }

    /**
     * As {@link #register(long, String, String, String, String, boolean)}, with the language of the person's mails.
     *
     * @param language {@code es} or {@code en}
     */
    @Transactional
    public Registration register(long id, String name, String email, String organization, String organizationType,
            boolean consent, String language) {
        RoundTable table = get(id);
        List<String> problems = new ArrayList<>();
        if (table.getStatus() != RoundTableStatus.SCHEDULED || !table.getStartsAt().isAfter(clock.instant())) {
            problems.add("registration: closed");
        }
        if (name == null || name.isBlank()) {
            problems.add("name: required");
        } else if (org.cocrea.kernel.InputText.exceeds(name.strip(), 150)) {
            problems.add("name: nameTooLong");
        }
        if (org.cocrea.kernel.InputText.hasForbiddenCharacters(name)
                || org.cocrea.kernel.InputText.hasForbiddenCharacters(organization)) {
            problems.add("name: controlCharacters");
        }
        if (email == null || !EmailAddresses.isValid(email.strip())) {
            problems.add("email: email");
        }
        if (organization != null && org.cocrea.kernel.InputText.exceeds(organization.strip(), 200)) {
            problems.add("organization: tooLong");
        }
        if (organizationType == null || !PARTICIPANT_TYPES.contains(organizationType)) {
            problems.add("organizationType: organizationType");
        }
        if (!consent) {
            problems.add("consent: consent");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRoundTableException(problems);
        }
        tables.lockById(id); // duplicates and seats are checked under the round-table's row lock
        String address = email.strip().toLowerCase(Locale.ROOT);
        Registration previous = registrations.findByRoundTableIdAndEmailIgnoreCase(id, address).orElse(null);
        if (previous != null && previous.getStatus() != Registration.Status.CANCELLED) {
            problems.add("email: duplicate");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRoundTableException(problems);
        }
        long seated = registrations.countByRoundTableIdAndStatus(id, Registration.Status.REGISTERED);
        Registration.Status status = seated < table.getCapacity() ? Registration.Status.REGISTERED
                : Registration.Status.WAITLISTED;
        String org = organization == null || organization.isBlank() ? null : organization.strip();
        Registration r;
        if (previous != null) {
            previous.reactivate(name.strip(), org, organizationType, status, clock.instant());
            r = previous;
        } else {
            r = registrations.save(new Registration(id, name.strip(), address, org, organizationType, status,
                    clock.instant()));
        }
        r.setLanguage(language);
        mailRegistration(table, r, true);
        return r;
    }

    /**
     * @param confirmation true when answering the person's own public registration: capped per address
     *                     ({@code cocrea.limits.confirmation-mail.round-table-registration}); false when staff moved
     *                     them up from the waiting list
     */
    private void mailRegistration(RoundTable table, Registration r, boolean confirmation) {
        boolean seated = r.getStatus() == Registration.Status.REGISTERED;
        Map<String, Object> model = model(table, r.getName(), locale(r.getLanguage()));
        if (!seated) {
            model.put("meetingLink", ""); // the link is for people with a seat
        }
        OutgoingMail mail = new OutgoingMail(r.getEmail(), locale(r.getLanguage()),
                seated ? "mail/round-table-registered" : "mail/round-table-waitlisted",
                seated ? "mail.roundTableRegistered.subject" : "mail.roundTableWaitlisted.subject",
                new Object[] {table.title(locale(r.getLanguage()))}, model, "round-table-registration",
                "round-table-" + table.getId(), null, seated ? new OutgoingMail.Attachment("mesa-" + table.getId()
                        + ".ics", "text/calendar; method=REQUEST; charset=UTF-8",
                        calendar.invitation(table, false, r.getEmail()))
                        : null);
        if (confirmation) {
            outbox.enqueueConfirmation(mail);
        } else {
            outbox.enqueue(mail);
        }
    }

    /**
     * Withdraws a registration (staff, at the person's request). While the round-table is scheduled and has not
     * started, the person gets a calendar cancellation and the first person on the waiting list gets the seat and
     * is told. Idempotent.
     *
     * @param registrationId registration id
     */
    @Transactional
    public void withdraw(long registrationId) {
        Registration r = registrations.findById(registrationId)
                .orElseThrow(() -> new IllegalArgumentException("No registration " + registrationId));
        boolean hadSeat = r.getStatus() == Registration.Status.REGISTERED;
        if (r.getStatus() == Registration.Status.CANCELLED) {
            return;
        }
        RoundTable current = get(r.getRoundTableId());
        if (current.getStatus() == RoundTableStatus.HELD) {
            throw new InvalidRoundTableException(List.of("la mesa ya se realizó / the round-table was already held"));
        }
        r.setStatus(Registration.Status.CANCELLED);
        RoundTable table = get(r.getRoundTableId());
        boolean open = table.getStatus() == RoundTableStatus.SCHEDULED && table.getStartsAt().isAfter(clock.instant());
        if (open && hadSeat) {
            // The withdrawn person's calendar drops the event.
            outbox.enqueue(new OutgoingMail(r.getEmail(), Locale.forLanguageTag("es"), "mail/round-table-cancelled",
                    "mail.roundTableCancelled.subject", new Object[] {table.getTitle()}, model(table, r.getName()),
                    "round-table-withdrawal", "round-table-" + table.getId(), null, new OutgoingMail.Attachment("mesa-"
                            + table.getId() + ".ics", "text/calendar; method=CANCEL; charset=UTF-8",
                            calendar.invitation(table, true, r.getEmail()))));
        }
        if (open && hadSeat) {
            registrations.findByRoundTableIdOrderByIdAsc(r.getRoundTableId()).stream()
                    .filter(w -> w.getStatus() == Registration.Status.WAITLISTED).findFirst().ifPresent(w -> {
                        w.setStatus(Registration.Status.REGISTERED);
                        mailRegistration(get(r.getRoundTableId()), w, false);
                    });
        }
    }

    /**
     * Adds an entry to a board.
     *
     * @param id                 round-table id
     * @param board              which board
     * @param question           for the commitment board, one of {@link BoardEntry#COMMITMENT_QUESTIONS}
     * @param text               required, at most 4000 characters
     * @param authorOrganization the author's organisation, or empty for "anonymous"
     * @return the entry
     * @throws InvalidRoundTableException with the reasons
     */
    @Transactional
    public BoardEntry addEntry(long id, BoardEntry.Board board, String question, String text, String authorOrganization) {
        RoundTable table = get(id);
        List<String> problems = new ArrayList<>();
        if (table.getStatus() == RoundTableStatus.PROPOSED || table.getStatus() == RoundTableStatus.CANCELLED) {
            problems.add("la mesa no está programada / the round-table is not scheduled");
        }
        if (org.cocrea.kernel.InputText.hasForbiddenCharacters(text)
                || org.cocrea.kernel.InputText.hasForbiddenCharacters(authorOrganization)) {
            problems.add("caracteres no permitidos / characters not allowed");
        }
        if (text == null || text.isBlank() || org.cocrea.kernel.InputText.exceeds(text.strip(), TEXT_MAX)) {
            problems.add("texto requerido (máx. " + TEXT_MAX + ") / text required (max " + TEXT_MAX + ")");
        }
        if (board == BoardEntry.Board.COMMITMENT && (question == null || !BoardEntry.COMMITMENT_QUESTIONS.contains(question))) {
            problems.add("elegí la pregunta de la ficha / choose the commitment-sheet question");
        }
        if (authorOrganization != null && org.cocrea.kernel.InputText.exceeds(authorOrganization.strip(), 200)) {
            problems.add("organización: máximo 200 / organisation: at most 200");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRoundTableException(problems);
        }
        return boards.save(new BoardEntry(id, board, board == BoardEntry.Board.COMMITMENT ? question : null,
                text.strip(), authorOrganization == null || authorOrganization.isBlank() ? null
                        : authorOrganization.strip(), clock.instant()));
    }

    /**
     * @param id    round-table id
     * @param board which board
     * @return its entries in order
     */
    @Transactional(readOnly = true)
    public List<BoardEntry> entries(long id, BoardEntry.Board board) {
        return boards.findByRoundTableIdAndBoardOrderByIdAsc(id, board);
    }

    /**
     * @param id    round-table id
     * @param board which board
     * @return the board as CSV: {@code time,question,author_organization,text} (time in Buenos Aires)
     */
    @Transactional(readOnly = true)
    public String boardCsv(long id, BoardEntry.Board board) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("time", "question", "author_organization", "text").get())) {
            for (BoardEntry e : entries(id, board)) {
                csv.printRecord(dates.format(e.getCreatedAt()), e.getQuestion() == null ? "" : e.getQuestion(),
                        e.getAuthorOrganization() == null ? "anonymous" : neutralise(e.getAuthorOrganization()),
                        neutralise(e.getText()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** Keeps spreadsheet programs from running a cell as a formula (CSV injection). */
    private static String neutralise(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /**
     * Phase 1: the areas' presentation of the proposals and their prioritisation.
     *
     * @param id           round-table id
     * @param presentation summary, required, at most 4000 characters
     * @throws InvalidRoundTableException when missing or too long
     */
    @Transactional
    public void recordPresentation(long id, String presentation) {
        if (presentation == null || presentation.isBlank() || org.cocrea.kernel.InputText.exceeds(presentation.strip(), TEXT_MAX)) {
            throw new InvalidRoundTableException(List.of("presentación requerida (máx. 4000) / presentation "
                    + "required (max 4000)"));
        }
        get(id).recordPresentation(presentation.strip());
    }

    /**
     * Phase 2: the commitment topic(s) chosen.
     *
     * @param id     round-table id
     * @param topics one or more, each at most 300 characters
     * @throws InvalidRoundTableException when none or too long
     */
    @Transactional
    public void recordTopics(long id, List<String> topics) {
        List<String> clean = topics == null ? List.of()
                : topics.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        if (clean.isEmpty() || clean.size() > 10 || clean.stream().anyMatch(t -> org.cocrea.kernel.InputText.exceeds(t, 300))) {
            throw new InvalidRoundTableException(List.of("entre 1 y 10 temas de hasta 300 caracteres / between 1 and "
                    + "10 topics of up to 300 characters"));
        }
        get(id).recordTopics(clean);
    }

    /**
     * Records who attended.
     *
     * @param id              round-table id
     * @param registrationIds the registrations that attended (others are marked absent)
     * @throws InvalidRoundTableException when an id is not a live registration of this round-table
     */
    @Transactional
    public void recordAttendance(long id, Collection<Long> registrationIds) {
        List<Registration> all = registrations.findByRoundTableIdOrderByIdAsc(id);
        java.util.Set<Long> valid = new java.util.HashSet<>();
        all.stream().filter(r -> r.getStatus() != Registration.Status.CANCELLED).forEach(r -> valid.add(r.getId()));
        List<Long> unknown = registrationIds.stream().filter(x -> !valid.contains(x)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidRoundTableException(List.of("inscripciones que no son de esta mesa o fueron dadas de baja "
                    + "/ registrations not of this round-table or withdrawn: " + unknown));
        }
        all.forEach(r -> r.setAttended(registrationIds.contains(r.getId())));
    }

    /**
     * Marks the round-table as held (boards, topics and attendance complete).
     *
     * @param id round-table id
     */
    @Transactional
    public void markHeld(long id) {
        RoundTable table = get(id);
        if (table.getStatus() != RoundTableStatus.SCHEDULED) {
            throw new IllegalStateException("Round-table " + id + " is " + table.getStatus() + ", not SCHEDULED");
        }
        table.held();
        events.publishEvent(new RoundTableEvents.RoundTableHeld(id, table.getCallId()));
    }

    /**
     * @param id round-table id
     * @return its registrations, in order
     */
    @Transactional(readOnly = true)
    public List<Registration> registrations(long id) {
        return registrations.findByRoundTableIdOrderByIdAsc(id);
    }

    /** @return scheduled round-tables that have not started, soonest first */
    @Transactional(readOnly = true)
    public List<RoundTable> upcoming() {
        Instant now = clock.instant();
        return tables.findByStatusOrderByStartsAtAsc(RoundTableStatus.SCHEDULED).stream()
                .filter(t -> t.getStartsAt().isAfter(now)).toList();
    }

    /**
     * @param callId call id
     * @return the call's round-tables
     */
    @Transactional(readOnly = true)
    public List<RoundTable> ofCall(long callId) {
        return tables.findByCallIdOrderByStartsAtAsc(callId);
    }

    /**
     * The output Stage 3 reads.
     *
     * @param callId call id
     * @return chosen topics per axis, of the round-tables held
     */
    @Transactional(readOnly = true)
    public Map<String, List<String>> chosenTopics(long callId) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        ofCall(callId).stream().filter(t -> t.getStatus() == RoundTableStatus.HELD)
                .forEach(t -> out.put(t.getAxis(), List.copyOf(t.getTopics())));
        return out;
    }

    /**
     * @param id round-table id
     * @return the round-table
     * @throws IllegalArgumentException if unknown
     */
    @Transactional(readOnly = true)
    public RoundTable get(long id) {
        return tables.findById(id).orElseThrow(() -> new IllegalArgumentException("No round-table " + id));
    }
}
