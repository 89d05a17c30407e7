package org.cocrea.roundtable;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.notification.EmailAddresses;
import org.cocrea.notification.MailOutbox;
import org.cocrea.notification.OutgoingMail;
import org.cocrea.participant.Contacts;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.Proposals;
import org.cocrea.kernel.Dates;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Invitations of round-tables: the personalised call, the invitees, the iCalendar invitations and the reminders. */
@Component
class RoundTableInvitations {

    private final RoundTableLifecycle lifecycle;
    private final RegistrationRepository registrations;
    private final RoundTableCalendar calendar;
    private final RoundTableMails mails;
    private final Proposals proposals;
    private final Contacts contacts;
    private final MailOutbox outbox;
    private final Dates dates;
    private final Clock clock;

    RoundTableInvitations(RoundTableLifecycle lifecycle, RegistrationRepository registrations,
            RoundTableCalendar calendar, RoundTableMails mails, Proposals proposals, Contacts contacts,
            MailOutbox outbox, Dates dates, Clock clock) {
        this.lifecycle = lifecycle;
        this.registrations = registrations;
        this.calendar = calendar;
        this.mails = mails;
        this.proposals = proposals;
        this.contacts = contacts;
        this.outbox = outbox;
        this.dates = dates;
        this.clock = clock;
    }

    void invitePersonally(long id, Collection<Long> organizationIds, Instant infoMeetingAt, String infoMeetingLink) {
        RoundTable table = lifecycle.get(id);
        List<FieldProblem> problems = new ArrayList<>();
        Set<Long> allowed = new HashSet<>();
        contacts.suggestOrganizations(table.getAxis()).forEach(s -> allowed.add(s.organizationId()));
        organizationIds.stream().filter(o -> !allowed.contains(o)).findFirst().ifPresent(o -> problems.add(
                FieldProblem.of("organizationIds", "roundTable.refusal.notSuggested", String.valueOf(o))));
        if (!organizationIds.isEmpty()) {
            if (infoMeetingAt == null || !infoMeetingAt.isAfter(clock.instant())) {
                problems.add(FieldProblem.of("infoMeetingAt", "roundTable.refusal.infoMeetingFuture"));
            } else if (table.getStartsAt() != null && !infoMeetingAt.isBefore(table.getStartsAt())) {
                problems.add(FieldProblem.of("infoMeetingAt", "roundTable.refusal.infoMeetingBefore",
                        dates.format(table.getStartsAt())));
            }
            if (infoMeetingLink == null || !RoundTableLifecycle.LINK.matcher(infoMeetingLink.strip()).matches()) {
                problems.add(FieldProblem.of("infoMeetingLink", "roundTable.refusal.infoMeetingLink"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        table.invite(organizationIds, infoMeetingAt, infoMeetingLink == null ? null : infoMeetingLink.strip());
    }

    int sendPersonalInvitations(long id) {
        RoundTable table = lifecycle.get(id);
        int n = 0;
        for (Invitee i : invitedOrganizationInvitees(id)) {
            Locale locale = RoundTableMails.locale(i.language());
            Map<String, Object> model = mails.model(table, i.name());
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

    List<Invitee> invitedOrganizationInvitees(long id) {
        return contacts.mailableMembers(lifecycle.get(id).getInvitedOrganizations()).stream()
                .map(c -> new Invitee(c.getEmail(), c.getName(), c.getLanguage())).toList();
    }

    List<Invitee> proposerInvitees(long id) {
        RoundTable table = lifecycle.get(id);
        Map<String, Invitee> out = new LinkedHashMap<>();
        for (Proposal p : proposals.prioritisedByAxis(table.getCallId()).getOrDefault(table.getAxis(), List.of())) {
            out.putIfAbsent(p.getEmail().toLowerCase(Locale.ROOT), new Invitee(p.getEmail(), p.getContactName(),
                    p.getLanguage()));
        }
        return new ArrayList<>(out.values());
    }

    List<String> coCreatingAreaGroups(long id) {
        RoundTable table = lifecycle.get(id);
        return proposals.ofCall(table.getCallId()).stream()
                .filter(p -> p.getAxis().equals(table.getAxis()) && Boolean.TRUE.equals(p.getWillingToCoCreate()))
                .map(Proposal::getAreaGroup).filter(g -> g != null).distinct().sorted().toList();
    }

    int sendInvitations(long id, Collection<Invitee> invitees) {
        RoundTable table = lifecycle.get(id);
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
            Locale locale = RoundTableMails.locale(i.language());
            String ics;
            try {
                ics = calendar.invitation(table, cancelled, i.email());
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(RoundTables.class).warn("Round-table {}: no invitation for {}: {}", id,
                        i.email(), e.getMessage());
                continue;
            }
            outbox.enqueue(new OutgoingMail(i.email(), locale, template, subject,
                    new Object[] {table.title(locale), dates.format(table.getStartsAt())},
                    mails.model(table, i.name(), locale), "round-table-" + method.toLowerCase(Locale.ROOT),
                    "round-table-" + id, null,
                    new OutgoingMail.Attachment("mesa-" + id + ".ics", "text/calendar; method=" + method
                            + "; charset=UTF-8", ics)));
        }
        return all.size();
    }

    int remind(long id) {
        RoundTable table = lifecycle.get(id);
        if (table.getStatus() != RoundTableStatus.SCHEDULED) {
            return 0;
        }
        int n = 0;
        for (Registration r : registrations.findByRoundTableIdOrderByIdAsc(id)) {
            if (r.getStatus() == Registration.Status.REGISTERED) {
                outbox.enqueue(new OutgoingMail(r.getEmail(), RoundTableMails.SPANISH, "mail/round-table-reminder",
                        "mail.roundTableReminder.subject", new Object[] {table.getTitle(),
                                dates.format(table.getStartsAt())}, mails.model(table, r.getName()),
                        "round-table-reminder", "round-table-" + id));
                n++;
            }
        }
        return n;
    }
}
