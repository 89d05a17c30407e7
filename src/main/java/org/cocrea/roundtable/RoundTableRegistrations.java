package org.cocrea.roundtable;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.NotFoundException;
import org.cocrea.notification.EmailAddresses;
import org.cocrea.notification.MailOutbox;
import org.cocrea.notification.OutgoingMail;
import org.cocrea.kernel.InputText;
import org.springframework.stereotype.Component;

/** Registrations of round-tables: public registration with capacity and waiting list, withdrawal, attendance. */
@Component
class RoundTableRegistrations {

    private static final Set<String> PARTICIPANT_TYPES = Set.of("osc-tematica", "osc-territorial", "academia",
            "sector-privado", "sector-publico", "ciudadania");
    private static final String ERROR = RoundTableRefusals.REGISTRATION;

    private final RoundTableRepository tables;
    private final RoundTableLifecycle lifecycle;
    private final RegistrationRepository registrations;
    private final RoundTableCalendar calendar;
    private final RoundTableMails mails;
    private final MailOutbox outbox;
    private final Clock clock;

    RoundTableRegistrations(RoundTableRepository tables, RoundTableLifecycle lifecycle,
            RegistrationRepository registrations, RoundTableCalendar calendar, RoundTableMails mails,
            MailOutbox outbox, Clock clock) {
        this.tables = tables;
        this.lifecycle = lifecycle;
        this.registrations = registrations;
        this.calendar = calendar;
        this.mails = mails;
        this.outbox = outbox;
        this.clock = clock;
    }

    Registration register(long id, String name, String email, String organization, String organizationType,
            boolean consent, String language) {
        RoundTable table = lifecycle.get(id);
        List<FieldProblem> problems = new ArrayList<>();
        if (table.getStatus() != RoundTableStatus.SCHEDULED || !table.getStartsAt().isAfter(clock.instant())) {
            problems.add(FieldProblem.of("registration", ERROR + "closed"));
        }
        if (name == null || name.isBlank()) {
            problems.add(FieldProblem.of("name", ERROR + "required"));
        } else if (InputText.exceeds(name.strip(), 150)) {
            problems.add(FieldProblem.of("name", ERROR + "nameTooLong"));
        }
        if (InputText.hasForbiddenCharacters(name) || InputText.hasForbiddenCharacters(organization)) {
            problems.add(FieldProblem.of("name", ERROR + "controlCharacters"));
        }
        if (email == null || !EmailAddresses.isValid(email.strip())) {
            problems.add(FieldProblem.of("email", ERROR + "email"));
        }
        if (organization != null && InputText.exceeds(organization.strip(), 200)) {
            problems.add(FieldProblem.of("organization", ERROR + "tooLong"));
        }
        if (organizationType == null || !PARTICIPANT_TYPES.contains(organizationType)) {
            problems.add(FieldProblem.of("organizationType", ERROR + "organizationType"));
        }
        if (!consent) {
            problems.add(FieldProblem.of("consent", ERROR + "consent"));
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        tables.lockById(id); // duplicates and seats are checked under the round-table's row lock
        String address = email.strip().toLowerCase(Locale.ROOT);
        Registration previous = registrations.findByRoundTableIdAndEmailIgnoreCase(id, address).orElse(null);
        if (previous != null && previous.getStatus() != Registration.Status.CANCELLED) {
            throw InputRefusedException.of("email", ERROR + "duplicate");
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
        Locale locale = RoundTableMails.locale(r.getLanguage());
        Map<String, Object> model = mails.model(table, r.getName(), locale);
        if (!seated) {
            model.put("meetingLink", ""); // the link is for people with a seat
        }
        OutgoingMail mail = new OutgoingMail(r.getEmail(), locale,
                seated ? "mail/round-table-registered" : "mail/round-table-waitlisted",
                seated ? "mail.roundTableRegistered.subject" : "mail.roundTableWaitlisted.subject",
                new Object[] {table.title(locale)}, model, "round-table-registration",
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

    void withdraw(long registrationId) {
        Registration r = registrations.findById(registrationId)
                .orElseThrow(() -> new NotFoundException("registration", registrationId));
        boolean hadSeat = r.getStatus() == Registration.Status.REGISTERED;
        if (r.getStatus() == Registration.Status.CANCELLED) {
            return;
        }
        RoundTable current = lifecycle.get(r.getRoundTableId());
        if (current.getStatus() == RoundTableStatus.HELD) {
            throw InputRefusedException.of("status", "roundTable.refusal.held");
        }
        r.setStatus(Registration.Status.CANCELLED);
        RoundTable table = lifecycle.get(r.getRoundTableId());
        boolean open = table.getStatus() == RoundTableStatus.SCHEDULED && table.getStartsAt().isAfter(clock.instant());
        if (open && hadSeat) {
            // The withdrawn person's calendar drops the event.
            outbox.enqueue(new OutgoingMail(r.getEmail(), RoundTableMails.SPANISH, "mail/round-table-cancelled",
                    "mail.roundTableCancelled.subject", new Object[] {table.getTitle()},
                    mails.model(table, r.getName()), "round-table-withdrawal", "round-table-" + table.getId(), null,
                    new OutgoingMail.Attachment("mesa-" + table.getId() + ".ics",
                            "text/calendar; method=CANCEL; charset=UTF-8",
                            calendar.invitation(table, true, r.getEmail()))));
            // the seat goes to whoever has waited longest: by when they last registered (someone who withdrew and
            // registered again queues behind those already waiting), then by id
            registrations.findByRoundTableIdOrderByIdAsc(r.getRoundTableId()).stream()
                    .filter(w -> w.getStatus() == Registration.Status.WAITLISTED)
                    .min(Comparator.comparing(Registration::getConsentAt).thenComparing(Registration::getId))
                    .ifPresent(w -> {
                        w.setStatus(Registration.Status.REGISTERED);
                        mailRegistration(lifecycle.get(r.getRoundTableId()), w, false);
                    });
        }
    }

    void recordAttendance(long id, Collection<Long> registrationIds) {
        List<Registration> all = registrations.findByRoundTableIdOrderByIdAsc(id);
        Set<Long> valid = new HashSet<>();
        all.stream().filter(r -> r.getStatus() != Registration.Status.CANCELLED).forEach(r -> valid.add(r.getId()));
        List<Long> unknown = registrationIds.stream().filter(x -> !valid.contains(x)).toList();
        if (!unknown.isEmpty()) {
            throw InputRefusedException.of("registrationIds", "roundTable.refusal.attendance", unknown.toString());
        }
        all.forEach(r -> r.setAttended(registrationIds.contains(r.getId())));
    }

    List<Registration> registrations(long id) {
        return registrations.findByRoundTableIdOrderByIdAsc(id);
    }
}
