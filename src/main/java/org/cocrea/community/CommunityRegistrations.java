package org.cocrea.community;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.cocrea.kernel.Dates;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.InputText;
import org.cocrea.kernel.NotFoundException;
import org.cocrea.kernel.PrivateTokens;
import org.cocrea.notification.EmailAddresses;
import org.cocrea.notification.MailOutbox;
import org.cocrea.notification.OutgoingMail;
import org.cocrea.participant.ContactErased;
import org.cocrea.participant.OrganizationType;
import org.cocrea.participant.PersonalDataSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration to community events, as round-tables have it: a seat while there are seats, then the waiting list in
 * registration order; the confirmation mail carries the iCalendar invitation for a seat and the private link to
 * withdraw; a withdrawal gives the seat to the first person waiting, who is mailed the invitation. Decided under the
 * event's row lock, so two requests for the last seat cannot both get it. Every mail goes through the outbox in the
 * same transaction. The person's registrations are in the directory's export and are anonymised by its erasure
 * ({@link PersonalDataSource}, {@link ContactErased}; Ley 25.326 arts. 14 and 16).
 */
@Service
public class CommunityRegistrations implements PersonalDataSource {

    /** Outbox kind of the confirmation mail; {@code cocrea.limits.confirmation-mail.community-registration} caps it. */
    static final String CONFIRM_KIND = "community-registration";
    static final int NAME_MAX = 150;
    static final int ORGANIZATION_MAX = 200;
    /** Besides {@link OrganizationType}: a person taking part on their own. */
    static final String CITIZEN = "ciudadania";

    private final CommunityRepository communities;
    private final CommunityEventRepository events;
    private final EventRegistrationRepository registrations;
    private final CommunityCalendar calendar;
    private final MailOutbox outbox;
    private final Dates dates;
    private final Clock clock;

    CommunityRegistrations(CommunityRepository communities, CommunityEventRepository events,
            EventRegistrationRepository registrations, CommunityCalendar calendar, MailOutbox outbox, Dates dates,
            Clock clock) {
        this.communities = communities;
        this.events = events;
        this.registrations = registrations;
        this.calendar = calendar;
        this.outbox = outbox;
        this.dates = dates;
        this.clock = clock;
    }

    /**
     * Registers a person to an event that is open (scheduled, not started).
     *
     * @param eventId          the event
     * @param name             1 to 150 characters
     * @param email            a valid address (stored lower case)
     * @param organization     up to 200 characters, may be blank
     * @param organizationType an {@link OrganizationType} code or {@code ciudadania}
     * @param consent          whether the consent box was ticked (required)
     * @param locale           the page's language, for the mails
     * @return the registration, REGISTERED or WAITLISTED; for an address already registered, its registration as it
     *         is (its owner gets the confirmation again, capped), so that the answer does not reveal who attends
     * @throws InputRefusedException listing every problem (fields {@code registration} when closed, {@code name},
     *                               {@code email}, {@code organization},
     *                               {@code organizationType}, {@code consent}; codes {@code community.error.*});
     *                               nothing is stored
     * @throws NotFoundException     if there is no such event
     */
    @Transactional
    public EventRegistration register(long eventId, String name, String email, String organization,
            String organizationType, boolean consent, Locale locale) {
        CommunityEvent event = events.lockById(eventId)
                .orElseThrow(() -> new NotFoundException("community event", eventId));
        List<FieldProblem> problems = new ArrayList<>();
        if (event.getStatus() != CommunityEvent.Status.SCHEDULED || !event.getStartsAt().isAfter(clock.instant())) {
            problems.add(FieldProblem.of("registration", "community.error.closed"));
        }
        String who = name == null ? "" : name.strip();
        if (!InputText.visible(who) || InputText.exceeds(who, NAME_MAX)) {
            problems.add(FieldProblem.of("name", "community.error.length", 1, NAME_MAX));
        } else if (InputText.hasForbiddenCharacters(who) || who.indexOf('\n') >= 0 || who.indexOf('\r') >= 0) {
            problems.add(FieldProblem.of("name", "community.error.characters"));
        }
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (!EmailAddresses.isValid(address)) {
            problems.add(FieldProblem.of("email", "community.error.email"));
        }
        String org = organization == null ? "" : organization.strip();
        if (InputText.exceeds(org, ORGANIZATION_MAX)) {
            problems.add(FieldProblem.of("organization", "community.error.tooLong", 0, ORGANIZATION_MAX));
        } else if (InputText.hasForbiddenCharacters(org) || org.indexOf('\n') >= 0 || org.indexOf('\r') >= 0) {
            problems.add(FieldProblem.of("organization", "community.error.characters"));
        }
        if (!CITIZEN.equals(organizationType) && OrganizationType.fromCode(organizationType).isEmpty()) {
            problems.add(FieldProblem.of("organizationType", "community.error.organizationType"));
        }
        if (!consent) {
            problems.add(FieldProblem.of("consent", "community.error.consent"));
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        Optional<EventRegistration> previous = registrations.findByEventIdAndEmail(eventId, address);
        if (previous.isPresent() && previous.get().getStatus() != EventRegistration.Status.CANCELLED) {
            // Already registered: the page answers as for a new registration (it must not tell a visitor whether an
            // address attends), and the owner of the address is mailed their registration again (capped).
            mailRegistration(community(event), event, previous.get(), true);
            return previous.get();
        }
        long seated = registrations.countByEventIdAndStatus(eventId, EventRegistration.Status.REGISTERED);
        EventRegistration.Status status = seated < event.getCapacity() ? EventRegistration.Status.REGISTERED
                : EventRegistration.Status.WAITLISTED;
        String language = "en".equals(locale.getLanguage()) ? "en" : "es";
        EventRegistration r;
        if (previous.isPresent()) {
            r = previous.get();
            r.reactivate(who, org.isEmpty() ? null : org, organizationType, status, language, clock.instant());
        } else {
            r = registrations.save(new EventRegistration(eventId, who, address, org.isEmpty() ? null : org,
                    organizationType, status, language, PrivateTokens.next(), clock.instant()));
        }
        mailRegistration(community(event), event, r, true);
        return r;
    }

    /**
     * @param token a registration's private token (from its confirmation mail)
     * @return the registration, if the token is known
     */
    @Transactional(readOnly = true)
    public Optional<EventRegistration> byToken(String token) {
        return !PrivateTokens.wellFormed(token) ? Optional.empty() : registrations.findByToken(token);
    }

    /**
     * The person withdraws through the private link: their calendar gets the cancellation, and while the event is
     * open the first person waiting gets the seat and the invitation. Idempotent.
     *
     * @param token the registration's private token
     * @return the registration, CANCELLED
     * @throws NotFoundException     if the token is unknown
     * @throws InputRefusedException on field {@code registration} once the event is held
     */
    @Transactional
    public EventRegistration withdraw(String token) {
        EventRegistration found = byToken(token).orElseThrow(() -> new NotFoundException("registration", null));
        CommunityEvent event = events.lockById(found.getEventId())
                .orElseThrow(() -> new NotFoundException("community event", found.getEventId()));
        if (found.getStatus() == EventRegistration.Status.CANCELLED) {
            return found;
        }
        if (event.getStatus() == CommunityEvent.Status.HELD) {
            throw InputRefusedException.of("registration", "community.error.held");
        }
        boolean hadSeat = found.getStatus() == EventRegistration.Status.REGISTERED;
        found.setStatus(EventRegistration.Status.CANCELLED);
        boolean open = event.getStatus() == CommunityEvent.Status.SCHEDULED
                && event.getStartsAt().isAfter(clock.instant());
        if (open && hadSeat) {
            Community community = community(event);
            mailChange(community, event, found, "withdrawn", true);
            promoteFirstWaiting(community, event);
        }
        return found;
    }

    /**
     * Gives a freed seat to the person waiting longest (by when they last registered, so someone who withdrew and
     * registered again queues behind those already waiting), mailed the invitation.
     */
    /**
     * The event's seats changed (in the caller's transaction, under the event's lock): people waiting get the new
     * seats in order, each mailed the invitation.
     */
    void seatsChanged(Community community, CommunityEvent event) {
        long seated = registrations.countByEventIdAndStatus(event.getId(), EventRegistration.Status.REGISTERED);
        for (long free = event.getCapacity() - seated; free > 0; free--) {
            promoteFirstWaiting(community, event);
        }
    }

    private void promoteFirstWaiting(Community community, CommunityEvent event) {
        registrations.findByEventIdOrderByIdAsc(event.getId()).stream()
                .filter(w -> w.getStatus() == EventRegistration.Status.WAITLISTED)
                .min(Comparator.comparing(EventRegistration::getConsentAt).thenComparing(EventRegistration::getId))
                .ifPresent(w -> {
                    w.setStatus(EventRegistration.Status.REGISTERED);
                    mailRegistration(community, event, w, false);
                });
    }

    /**
     * @param event an event
     * @return its registrations in registration order (staff only: personal data)
     */
    @Transactional(readOnly = true)
    public List<EventRegistration> of(CommunityEvent event) {
        return registrations.findByEventIdOrderByIdAsc(event.getId());
    }

    /**
     * @param event an event
     * @return how many have a seat
     */
    @Transactional(readOnly = true)
    public long seated(CommunityEvent event) {
        return registrations.countByEventIdAndStatus(event.getId(), EventRegistration.Status.REGISTERED);
    }

    /**
     * The event was moved or cancelled (in the caller's transaction): each person with a seat gets the updated
     * invitation or the cancellation; on a cancellation the waiting list is told too. The registrations keep their
     * state, so staff still see who had a seat and who was waiting (a cancelled event takes no registration).
     */
    /** The title or place of the event changed: each person with a seat gets the updated invitation. */
    void eventCorrected(Community community, CommunityEvent event) {
        registrations.findByEventIdOrderByIdAsc(event.getId()).stream()
                .filter(r -> r.getStatus() == EventRegistration.Status.REGISTERED)
                .forEach(r -> mailChange(community, event, r, "corrected", true));
    }

    void eventChanged(Community community, CommunityEvent event) {
        boolean cancelled = event.getStatus() == CommunityEvent.Status.CANCELLED;
        for (EventRegistration r : registrations.findByEventIdOrderByIdAsc(event.getId())) {
            if (r.getStatus() == EventRegistration.Status.REGISTERED) {
                mailChange(community, event, r, cancelled ? "cancelled" : "updated", true);
            } else if (r.getStatus() == EventRegistration.Status.WAITLISTED && cancelled) {
                mailChange(community, event, r, "cancelled", false);
            }
        }
    }

    /**
     * The directory erased a person (Ley 25.326 art. 16), in the erasure's transaction: name, address and organisation
     * of their registrations go, the organisation type stays (participation counts); a registration to an event still
     * open ends, and its seat goes to the first person waiting.
     */
    @EventListener
    @Transactional
    void on(ContactErased erased) {
        for (EventRegistration r : registrations.findByEmailOrderByIdAsc(erased.email())) {
            CommunityEvent event = events.lockById(r.getEventId()).orElse(null);
            boolean open = event != null && event.getStatus() == CommunityEvent.Status.SCHEDULED
                    && event.getStartsAt().isAfter(clock.instant());
            if (open && r.getStatus() != EventRegistration.Status.CANCELLED) {
                // nobody can be mailed at an erased address: the registration ends and its seat goes on
                boolean hadSeat = r.getStatus() == EventRegistration.Status.REGISTERED;
                r.setStatus(EventRegistration.Status.CANCELLED);
                if (hadSeat) {
                    promoteFirstWaiting(community(event), event);
                }
            }
            r.anonymise();
        }
    }

    @Override
    public String section() {
        return "communityRegistrations";
    }

    /** @return the address's registrations to community events: event, community, status, name, organisation */
    @Override
    @Transactional(readOnly = true)
    public List<Map<String, Object>> export(String email) {
        return registrations.findByEmailOrderByIdAsc(email).stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            events.findById(r.getEventId()).ifPresent(e -> {
                row.put("event", e.getTitle());
                row.put("startsAt", e.getStartsAt());
                communities.findById(e.getCommunityId()).ifPresent(c -> row.put("community", c.getSlug()));
            });
            row.put("name", r.getName());
            row.put("organization", r.getOrganization());
            row.put("organizationType", r.getOrganizationType());
            row.put("status", r.getStatus().name());
            row.put("language", r.getLanguage());
            row.put("consentAt", r.getConsentAt());
            row.put("createdAt", r.getCreatedAt());
            return row;
        }).toList();
    }

    /**
     * @param confirmation true when answering the person's own registration (capped per address); false when a
     *                     withdrawal gave them a seat from the waiting list
     */
    private void mailRegistration(Community community, CommunityEvent event, EventRegistration r,
            boolean confirmation) {
        boolean seated = r.getStatus() == EventRegistration.Status.REGISTERED;
        Locale locale = locale(r.getLanguage());
        Map<String, Object> model = model(community, event, r, locale);
        model.put("seated", seated);
        OutgoingMail mail = new OutgoingMail(r.getEmail(), locale, "mail/community-registered",
                seated ? "community.mail.registered.subject" : "community.mail.waitlisted.subject",
                new Object[] {event.getTitle()}, model, confirmation ? CONFIRM_KIND : "community-seat",
                reference(event), null, seated ? attachment(community, event, r, false, locale) : null);
        if (confirmation) {
            outbox.enqueueConfirmation(mail);
        } else {
            outbox.enqueue(mail);
        }
    }

    private void mailChange(Community community, CommunityEvent event, EventRegistration r, String change,
            boolean calendarToo) {
        Locale locale = locale(r.getLanguage());
        Map<String, Object> model = model(community, event, r, locale);
        model.put("change", change);
        boolean cancel = "cancelled".equals(change) || "withdrawn".equals(change);
        outbox.enqueue(new OutgoingMail(r.getEmail(), locale, "mail/community-event-changed",
                "community.mail." + change + ".subject", new Object[] {event.getTitle()}, model,
                "community-event-" + change, reference(event), null,
                calendarToo ? attachment(community, event, r, cancel, locale) : null));
    }

    private OutgoingMail.Attachment attachment(Community community, CommunityEvent event, EventRegistration r,
            boolean cancel, Locale locale) {
        String method = cancel ? "CANCEL" : "REQUEST";
        return new OutgoingMail.Attachment("evento-" + event.getId() + ".ics",
                "text/calendar; method=" + method + "; charset=UTF-8",
                calendar.invitation(community, event, cancel, r.getEmail(), locale));
    }

    private Map<String, Object> model(Community community, CommunityEvent event, EventRegistration r, Locale locale) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", r.getName());
        model.put("community", community.name(locale));
        model.put("title", event.getTitle());
        model.put("startsAt", dates.format(event.getStartsAt()));
        model.put("durationMinutes", event.getDurationMinutes());
        model.put("location", event.getLocation());
        model.put("page", calendar.page(community, event));
        model.put("withdrawPath", "/communities/registrations/" + r.getToken());
        return model;
    }

    private Community community(CommunityEvent event) {
        return communities.findById(event.getCommunityId())
                .orElseThrow(() -> new NotFoundException("community", event.getCommunityId()));
    }

    private static String reference(CommunityEvent event) {
        return "community-event-" + event.getId();
    }

    static Locale locale(String language) {
        return "en".equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("es");
    }

}
