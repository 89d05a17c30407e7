package org.cocrea.community;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.cocrea.CocreaApplication;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.InputText;
import org.cocrea.kernel.NotFoundException;
import org.cocrea.roundtable.RoundTableScheduler;
import org.cocrea.roundtable.RoundTables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Communities of practice and their events (issue 11 part 6), the entry to {@code community} for staff pages, the
 * public pages and {@code following}. Dates are proposed and checked by the Stage 2 scheduling service
 * ({@link RoundTableScheduler}: advance notice, a working day in Buenos Aires, the configured hours, no overlap with
 * the community's other events). Scheduling, moving or cancelling an event publishes {@link CommunityEventAnnounced}
 * in the same transaction (the community's followers are told by {@code following}); moving or cancelling it also
 * mails its registrants the updated invitation or the cancellation ({@link CommunityRegistrations}). Every public
 * method is one transaction.
 */
@Service
public class Communities {

    static final int SLUG_MAX = 40;
    static final int NAME_MAX = 200;
    static final int DESCRIPTION_MAX = 4000;
    static final int TITLE_MAX = 300;
    static final int EVENT_DESCRIPTION_MAX = 8000;
    static final int LOCATION_MAX = 500;
    static final int SUMMARY_MAX = 20000;
    static final int URL_MAX = 1000;
    static final int CAPACITY_MAX = 10000;
    /** Length of an event the scheduling service proposes a date for: two hours. */
    static final Duration DEFAULT_DURATION = Duration.ofMinutes(120);
    /** Dates before OGP (2011) or far ahead are typing mistakes: the years a start may have. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);

    private final CommunityRepository communities;
    private final CommunityEventRepository events;
    private final EventMaterialRepository materials;
    private final CommunityRegistrations registrations;
    private final RoundTableScheduler scheduler;
    private final RoundTables roundTables;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    Communities(CommunityRepository communities, CommunityEventRepository events, EventMaterialRepository materials,
            CommunityRegistrations registrations, RoundTableScheduler scheduler, RoundTables roundTables,
            ApplicationEventPublisher publisher, Clock clock) {
        this.roundTables = roundTables;
        this.communities = communities;
        this.events = events;
        this.materials = materials;
        this.registrations = registrations;
        this.scheduler = scheduler;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * What staff fill in for a community; strings as a form sends them.
     *
     * @param slug          the public address's last part: lower-case letters, digits and hyphens, up to 40; blank
     *                      on creation to derive it from the Spanish name (accents dropped); ignored on edit (the
     *                      address stays stable)
     * @param nameEs        1 to 200 characters
     * @param nameEn        up to 200, may be blank
     * @param descriptionEs 1 to 4,000 characters
     * @param descriptionEn up to 4,000, may be blank
     */
    public record CommunityInput(String slug, String nameEs, String nameEn, String descriptionEs,
            String descriptionEn) {
    }

    /**
     * What staff fill in to schedule an event.
     *
     * @param title           1 to 300 characters
     * @param description     up to 8,000, may be blank
     * @param startsAt        local date-time in Buenos Aires, ISO ({@code 2027-03-17T10:00})
     * @param durationMinutes 15 to 480
     * @param location        the virtual meeting's link or the place, 1 to 500 characters
     * @param capacity        seats, 1 to 10,000
     */
    public record EventInput(String title, String description, String startsAt, Integer durationMinutes,
            String location, Integer capacity) {
    }

    /** @return every community, by Spanish name */
    @Transactional(readOnly = true)
    public List<Community> all() {
        return communities.findAllByOrderByNameEsAsc();
    }

    /**
     * @param slug the public address's last part, any case
     * @return the community, if any
     */
    @Transactional(readOnly = true)
    public Optional<Community> bySlug(String slug) {
        if (slug == null || slug.isBlank() || slug.length() > SLUG_MAX) {
            return Optional.empty();
        }
        return communities.findBySlug(slug.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * @param slug the public address's last part
     * @return the community
     * @throws NotFoundException if there is none
     */
    @Transactional(readOnly = true)
    public Community get(String slug) {
        return bySlug(slug).orElseThrow(() -> new NotFoundException("community", slug));
    }

    /**
     * Creates a community.
     *
     * @param input what staff entered
     * @param by    the staff user
     * @return the community
     * @throws InputRefusedException naming every refused field ({@code slug}, {@code nameEs}, {@code nameEn},
     *                               {@code descriptionEs}, {@code descriptionEn}; codes {@code community.error.*}),
     *                               including a slug already taken; nothing is stored
     */
    @Transactional
    public Community create(CommunityInput input, String by) {
        List<FieldProblem> problems = new ArrayList<>();
        String slug = input.slug() == null || input.slug().isBlank() ? slugOf(input.nameEs())
                : input.slug().strip().toLowerCase(Locale.ROOT);
        if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.length() > SLUG_MAX) {
            problems.add(FieldProblem.of("slug", "community.error.slug", SLUG_MAX));
        } else if (communities.findBySlug(slug).isPresent()) {
            problems.add(FieldProblem.of("slug", "community.error.slugTaken", slug));
        }
        checkTexts(input, problems);
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        try {
            return communities.saveAndFlush(new Community(slug, input.nameEs().strip(), blankToNull(input.nameEn()),
                    input.descriptionEs().strip(), blankToNull(input.descriptionEn()), by, clock.instant()));
        } catch (DataIntegrityViolationException e) {
            // another request took the address between the check and the insert
            throw InputRefusedException.of("slug", "community.error.slugTaken", slug);
        }
    }

    /**
     * Changes a community's names and descriptions (its address stays).
     *
     * @param slug  the community
     * @param input what staff entered (its slug is ignored)
     * @return the community
     * @throws InputRefusedException naming every refused field; nothing is changed
     * @throws NotFoundException     if there is no such community
     */
    @Transactional
    public Community edit(String slug, CommunityInput input) {
        Community community = get(slug);
        List<FieldProblem> problems = new ArrayList<>();
        checkTexts(input, problems);
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        community.edit(input.nameEs().strip(), blankToNull(input.nameEn()), input.descriptionEs().strip(),
                blankToNull(input.descriptionEn()));
        return community;
    }

    private static void checkTexts(CommunityInput input, List<FieldProblem> problems) {
        line("nameEs", input.nameEs(), 1, NAME_MAX, problems);
        line("nameEn", input.nameEn(), 0, NAME_MAX, problems);
        text("descriptionEs", input.descriptionEs(), 1, DESCRIPTION_MAX, problems);
        text("descriptionEn", input.descriptionEn(), 0, DESCRIPTION_MAX, problems);
    }

    /**
     * Adds a problem when the text is shorter than {@code min} or longer than {@code max}, or has control characters;
     * a text of spaces and invisible characters only (no-break spaces, zero-width spaces) counts as empty.
     */
    private static void text(String field, String value, int min, int max, List<FieldProblem> problems) {
        String v = value == null ? "" : value.strip();
        if (!InputText.visible(v)) {
            v = "";
        }
        if (v.length() < min || InputText.exceeds(v, max)) {
            problems.add(FieldProblem.of(field, min > 0 ? "community.error.length" : "community.error.tooLong",
                    min, max));
        } else if (InputText.hasForbiddenCharacters(v)) {
            problems.add(FieldProblem.of(field, "community.error.characters"));
        }
    }

    /** Like {@link #text}, for a one-line field (a name, a title, a place): a line break is refused too. */
    private static void line(String field, String value, int min, int max, List<FieldProblem> problems) {
        int before = problems.size();
        text(field, value, min, max, problems);
        if (problems.size() == before && value != null && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
            problems.add(FieldProblem.of(field, "community.error.lineBreak"));
        }
    }

    /**
     * @param name a Spanish name, e.g. "Reutilización de datos abiertos"
     * @return its address form, e.g. {@code reutilizacion-de-datos-abiertos}: accents dropped, lower case, runs of
     *         other characters as one hyphen, cut at 40 characters on a word boundary where there is one; empty when
     *         nothing is left
     */
    static String slugOf(String name) {
        if (name == null) {
            return "";
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (plain.length() <= SLUG_MAX) {
            return plain;
        }
        String cut = plain.substring(0, SLUG_MAX);
        int lastHyphen = cut.lastIndexOf('-');
        return (lastHyphen > 10 ? cut.substring(0, lastHyphen) : cut).replaceAll("-+$", "");
    }

    private static String blankToNull(String value) {
        return value == null || !InputText.visible(value) ? null : value.strip();
    }

    /**
     * @param community a community
     * @return its events, earliest first, cancelled ones included
     */
    @Transactional(readOnly = true)
    public List<CommunityEvent> events(Community community) {
        return events.findByCommunityIdOrderByStartsAtAsc(community.getId());
    }

    /**
     * @param community a community
     * @param eventId   one of its events
     * @return the event
     * @throws NotFoundException if the community has no such event
     */
    @Transactional(readOnly = true)
    public CommunityEvent event(Community community, long eventId) {
        return events.findById(eventId).filter(e -> e.getCommunityId().equals(community.getId()))
                .orElseThrow(() -> new NotFoundException("community event", eventId));
    }

    /**
     * @param eventId an event
     * @return the event
     * @throws NotFoundException if there is none
     */
    @Transactional(readOnly = true)
    public CommunityEvent eventById(long eventId) {
        return events.findById(eventId).orElseThrow(() -> new NotFoundException("community event", eventId));
    }

    /**
     * @param event an event
     * @return its community
     */
    @Transactional(readOnly = true)
    public Community communityOf(CommunityEvent event) {
        return communities.findById(event.getCommunityId())
                .orElseThrow(() -> new NotFoundException("community", event.getCommunityId()));
    }

    /**
     * @param event an event
     * @return its materials, in the order staff added them
     */
    @Transactional(readOnly = true)
    public List<EventMaterial> materials(CommunityEvent event) {
        return materials.findByEventIdOrderByIdAsc(event.getId());
    }

    /**
     * @param community a community
     * @return the first start the scheduling service accepts for a two-hour event of the community that overlaps
     *         neither its other events nor an upcoming co-creation round-table (the same people are invited to both);
     *         Buenos Aires local date-time, as a form field wants it
     */
    @Transactional(readOnly = true)
    public LocalDateTime proposeStart(Community community) {
        List<RoundTableScheduler.Slot> taken = new ArrayList<>(taken(community, null));
        roundTables.upcoming().stream().filter(t -> t.getStartsAt() != null)
                .forEach(t -> taken.add(new RoundTableScheduler.Slot(t.getStartsAt(), t.getEndsAt())));
        return LocalDateTime.ofInstant(scheduler.propose(DEFAULT_DURATION, taken), ZONE);
    }

    /**
     * Schedules an event and announces it to the community's followers (in this transaction).
     *
     * @param slug  the community
     * @param input what staff entered
     * @param by    the staff user
     * @return the event, SCHEDULED
     * @throws InputRefusedException naming every refused field ({@code title}, {@code description}, {@code startsAt},
     *                               {@code durationMinutes}, {@code location}, {@code capacity}): a date that is not a
     *                               date, or that the scheduling service refuses (too soon, not a working day,
     *                               outside hours, overlapping another of the community's events); nothing is stored
     * @throws NotFoundException     if there is no such community
     */
    @Transactional
    public CommunityEvent schedule(String slug, EventInput input, String by) {
        Community community = lock(slug);
        List<FieldProblem> problems = new ArrayList<>();
        Instant start = checkEvent(input, problems);
        int capacity = input.capacity() == null ? -1 : input.capacity();
        if (capacity < 1 || capacity > CAPACITY_MAX) {
            problems.add(FieldProblem.of("capacity", "community.error.capacity", CAPACITY_MAX));
        }
        int minutes = input.durationMinutes() == null ? -1 : input.durationMinutes();
        if (start != null && minutes >= 15 && minutes <= 480) {
            problems.addAll(scheduler.fieldProblems(start, Duration.ofMinutes(minutes), taken(community, null)));
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        CommunityEvent event = events.save(new CommunityEvent(community.getId(), input.title().strip(),
                blankToNull(input.description()), start, minutes, input.location().strip(), capacity,
                UUID.randomUUID() + "@cocrea", by, clock.instant()));
        announce(community, event, CommunityEventAnnounced.Change.SCHEDULED);
        return event;
    }

    /**
     * Records an event that already took place (one held before the community was on Cocrea, or organised
     * elsewhere), with its public summary: HELD at once, nobody is mailed or announced, no registration.
     *
     * @param slug       the community
     * @param input      the event as it was (its start must be in the past; the scheduling service's rules, which are
     *                   about announcing ahead, do not apply)
     * @param summary    1 to 20,000 characters
     * @param attendance 0 to 100,000
     * @param by         the staff user
     * @return the event, HELD
     * @throws InputRefusedException naming every refused field, including a start that is not in the past
     *                               ({@code startsAt}); nothing is stored
     * @throws NotFoundException     if there is no such community
     */
    @Transactional
    public CommunityEvent recordHeld(String slug, EventInput input, String summary, Integer attendance, String by) {
        Community community = lock(slug);
        List<FieldProblem> problems = new ArrayList<>();
        Instant start = checkEvent(input, problems);
        Integer minutes = input.durationMinutes();
        if (start != null && minutes != null && minutes >= 15 && minutes <= 480) {
            Instant end = start.plus(Duration.ofMinutes(minutes));
            if (end.isAfter(clock.instant())) {
                problems.add(FieldProblem.of("startsAt", "community.error.notPast"));
            } else if (taken(community, null).stream().anyMatch(t -> t.start().isBefore(end)
                    && start.isBefore(t.end()))) {
                problems.add(FieldProblem.of("startsAt", "roundTable.refusal.overlap"));
            }
        }
        text("summary", summary, 1, SUMMARY_MAX, problems);
        if (attendance == null || attendance < 0 || attendance > 100_000) {
            problems.add(FieldProblem.of("attendance", "community.error.attendance"));
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        CommunityEvent event = events.save(new CommunityEvent(community.getId(), input.title().strip(),
                blankToNull(input.description()), start, input.durationMinutes(), input.location().strip(),
                Math.max(attendance, 1),
                UUID.randomUUID() + "@cocrea", by, clock.instant()));
        event.recordSummary(summary.strip(), attendance);
        return event;
    }

    /**
     * Checks what every event has: title, description, place or link, duration and a readable start.
     *
     * @return the start, or null when it is missing or unreadable (the problem is added)
     */
    private static Instant checkEvent(EventInput input, List<FieldProblem> problems) {
        line("title", input.title(), 1, TITLE_MAX, problems);
        text("description", input.description(), 0, EVENT_DESCRIPTION_MAX, problems);
        line("location", input.location(), 1, LOCATION_MAX, problems);
        int minutes = input.durationMinutes() == null ? -1 : input.durationMinutes();
        if (minutes < 15 || minutes > 480) {
            problems.add(FieldProblem.of("durationMinutes", "community.error.duration"));
        }
        return parse(input.startsAt(), problems);
    }

    /**
     * @param event an event
     * @return whether it can still be moved or cancelled: SCHEDULED and not started (clock of the application)
     */
    public boolean changeable(CommunityEvent event) {
        return event.getStatus() == CommunityEvent.Status.SCHEDULED && event.getStartsAt().isAfter(clock.instant());
    }

    /**
     * @param event an event
     * @return whether registration is open: SCHEDULED and not started
     */
    public boolean open(CommunityEvent event) {
        return changeable(event);
    }

    /**
     * Moves an event that has not started; its registrants get the updated invitation (same UID, next SEQUENCE) and
     * the followers hear of it.
     *
     * @param slug     the community
     * @param eventId  the event
     * @param startsAt the new start, Buenos Aires local date-time {@code yyyy-MM-ddTHH:mm}
     * @return the event
     * @throws InputRefusedException on field {@code startsAt}: the event is held, cancelled or started, the date is
     *                               missing or not a date, or the scheduling service refuses it
     * @throws NotFoundException     if there is no such community or event
     */
    @Transactional
    public CommunityEvent reschedule(String slug, long eventId, String startsAt) {
        Community community = lock(slug);
        CommunityEvent event = lock(community, eventId);
        List<FieldProblem> problems = new ArrayList<>();
        if (!changeable(event)) {
            problems.add(FieldProblem.of("startsAt", "community.error.notChangeable"));
        }
        Instant start = parse(startsAt, problems);
        if (start != null && problems.isEmpty() && start.equals(event.getStartsAt())) {
            problems.add(FieldProblem.of("startsAt", "community.error.sameStart"));
        } else if (start != null && problems.isEmpty()) {
            problems.addAll(scheduler.fieldProblems(start, Duration.ofMinutes(event.getDurationMinutes()),
                    taken(community, eventId)));
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        Instant previous = event.getStartsAt();
        event.reschedule(start);
        registrations.eventChanged(community, event);
        publisher.publishEvent(new CommunityEventAnnounced(community.getId(), community.getSlug(), event.getId(),
                event.getTitle(), event.getStartsAt(), previous, CommunityEventAnnounced.Change.RESCHEDULED));
        return event;
    }

    /**
     * Corrects an event that has not started: title, description, place or link, seats. Its date is moved with
     * {@link #reschedule}. When the title or the place changes, registrants with a seat get the updated invitation
     * (same UID, next SEQUENCE); more seats go to the people waiting, in order, each mailed the invitation.
     *
     * @param slug    the community
     * @param eventId the event
     * @param input   what staff entered (its start and duration are ignored)
     * @return the event
     * @throws InputRefusedException naming every refused field: the event is held, cancelled or started
     *                               ({@code status}), a refused title, description or place, seats out of range or
     *                               fewer than the people who already have one ({@code capacity})
     * @throws NotFoundException     if there is no such community or event
     */
    @Transactional
    public CommunityEvent editEvent(String slug, long eventId, EventInput input) {
        Community community = lock(slug);
        CommunityEvent event = lock(community, eventId);
        List<FieldProblem> problems = new ArrayList<>();
        if (!changeable(event)) {
            problems.add(FieldProblem.of("status", "community.error.notChangeable"));
        }
        line("title", input.title(), 1, TITLE_MAX, problems);
        text("description", input.description(), 0, EVENT_DESCRIPTION_MAX, problems);
        line("location", input.location(), 1, LOCATION_MAX, problems);
        int capacity = input.capacity() == null ? -1 : input.capacity();
        long seated = registrations.seated(event);
        if (capacity < 1 || capacity > CAPACITY_MAX) {
            problems.add(FieldProblem.of("capacity", "community.error.capacity", CAPACITY_MAX));
        } else if (capacity < seated) {
            problems.add(FieldProblem.of("capacity", "community.error.belowSeated", seated));
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        boolean calendar = event.edit(input.title().strip(), blankToNull(input.description()),
                input.location().strip(), capacity);
        if (calendar) {
            registrations.eventCorrected(community, event);
        }
        registrations.seatsChanged(community, event);
        return event;
    }

    /**
     * Cancels an event that has not started; everyone registered or waiting gets the cancellation
     * ({@code METHOD:CANCEL} for those with a seat) and the followers hear of it.
     *
     * @param slug    the community
     * @param eventId the event
     * @return the event, CANCELLED
     * @throws InputRefusedException on field {@code status} when the event is held, cancelled or started
     * @throws NotFoundException     if there is no such community or event
     */
    @Transactional
    public CommunityEvent cancel(String slug, long eventId) {
        Community community = get(slug);
        CommunityEvent event = lock(community, eventId);
        if (!changeable(event)) {
            throw InputRefusedException.of("status", "community.error.notChangeable");
        }
        event.cancel();
        registrations.eventChanged(community, event);
        announce(community, event, CommunityEventAnnounced.Change.CANCELLED);
        return event;
    }

    /**
     * Records what happened at an event that has started; the summary and attendance become public.
     *
     * @param slug       the community
     * @param eventId    the event
     * @param summary    1 to 20,000 characters
     * @param attendance 0 to 100,000
     * @return the event, HELD
     * @throws InputRefusedException naming the refused field: not started yet or cancelled ({@code summary}), empty or
     *                               too long summary, attendance missing or out of range
     * @throws NotFoundException     if there is no such community or event
     */
    @Transactional
    public CommunityEvent recordSummary(String slug, long eventId, String summary, Integer attendance) {
        Community community = get(slug);
        CommunityEvent event = lock(community, eventId);
        List<FieldProblem> problems = new ArrayList<>();
        if (event.getStatus() == CommunityEvent.Status.CANCELLED || event.getStartsAt().isAfter(clock.instant())) {
            problems.add(FieldProblem.of("summary", "community.error.notStarted"));
        }
        text("summary", summary, 1, SUMMARY_MAX, problems);
        if (attendance == null || attendance < 0 || attendance > 100_000) {
            problems.add(FieldProblem.of("attendance", "community.error.attendance"));
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        event.recordSummary(summary.strip(), attendance);
        return event;
    }

    /**
     * Publishes a material of an event (before or after it).
     *
     * @param slug    the community
     * @param eventId the event
     * @param title   1 to 300 characters
     * @param url     an absolute {@code http} or {@code https} address, up to 1,000 characters
     * @param by      the staff user
     * @return the material
     * @throws InputRefusedException naming the refused field ({@code materialTitle}, {@code materialUrl})
     * @throws NotFoundException     if there is no such community or event
     */
    @Transactional
    public EventMaterial addMaterial(String slug, long eventId, String title, String url, String by) {
        CommunityEvent event = event(get(slug), eventId);
        List<FieldProblem> problems = new ArrayList<>();
        line("materialTitle", title, 1, TITLE_MAX, problems);
        if (event.getStatus() == CommunityEvent.Status.CANCELLED) {
            problems.add(FieldProblem.of("materialTitle", "community.error.cancelledEvent"));
        }
        String address = url == null ? "" : url.strip();
        if (!webAddress(address)) {
            problems.add(FieldProblem.of("materialUrl", "community.error.url", URL_MAX));
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        return materials.save(new EventMaterial(event.getId(), title.strip(), address, by, clock.instant()));
    }

    /**
     * Withdraws a material published by mistake.
     *
     * @param slug       the community
     * @param eventId    the event
     * @param materialId the material
     * @throws NotFoundException if there is no such community, event or material of the event
     */
    @Transactional
    public void removeMaterial(String slug, long eventId, long materialId) {
        CommunityEvent event = event(get(slug), eventId);
        EventMaterial material = materials.findById(materialId).filter(m -> m.getEventId().equals(event.getId()))
                .orElseThrow(() -> new NotFoundException("material", materialId));
        materials.delete(material);
    }

    /**
     * @return whether the text is an absolute http(s) address with a host and no user name or password in it (a public
     *         link), at most 1,000 characters
     */
    static boolean webAddress(String address) {
        if (address.isEmpty() || address.length() > URL_MAX || InputText.hasForbiddenCharacters(address)) {
            return false;
        }
        try {
            URI uri = new URI(address);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank() && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Takes the community's row lock for the rest of the transaction: the overlap check and the insert or move of its
     * events happen one request at a time (two clicks on "schedule" give one event).
     */
    private Community lock(String slug) {
        Community community = get(slug);
        return communities.lockById(community.getId()).orElseThrow(() -> new NotFoundException("community", slug));
    }

    private CommunityEvent lock(Community community, long eventId) {
        event(community, eventId);
        return events.lockById(eventId).orElseThrow(() -> new NotFoundException("community event", eventId));
    }

    private static Instant parse(String startsAt, List<FieldProblem> problems) {
        if (startsAt == null || startsAt.isBlank()) {
            problems.add(FieldProblem.of("startsAt", "community.error.dateRequired"));
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(startsAt.strip());
            if (local.getYear() < FIRST_YEAR || local.getYear() > LAST_YEAR) {
                problems.add(FieldProblem.of("startsAt", "community.error.dateRange", String.valueOf(FIRST_YEAR),
                        String.valueOf(LAST_YEAR)));
                return null;
            }
            return local.atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of("startsAt", "community.error.dateTime"));
            return null;
        }
    }

    /** @return the community's events that take time (not cancelled), except {@code except} */
    private List<RoundTableScheduler.Slot> taken(Community community, Long except) {
        return events.findByCommunityIdOrderByStartsAtAsc(community.getId()).stream()
                .filter(e -> e.getStatus() != CommunityEvent.Status.CANCELLED && !e.getId().equals(except))
                .map(e -> new RoundTableScheduler.Slot(e.getStartsAt(), e.getEndsAt())).toList();
    }

    private void announce(Community community, CommunityEvent event, CommunityEventAnnounced.Change change) {
        publisher.publishEvent(new CommunityEventAnnounced(community.getId(), community.getSlug(), event.getId(),
                event.getTitle(), event.getStartsAt(), null, change));
    }
}
