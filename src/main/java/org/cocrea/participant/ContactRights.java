package org.cocrea.participant;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.cocrea.notification.MailOutbox;
import org.cocrea.proposal.Proposals;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Each person's rights over their data (Ley 25.326): unsubscribe, access (export) and erasure. */
@Component
class ContactRights {

    private final ContactRegistry registry;
    private final ContactRepository contacts;
    private final Proposals proposals;
    private final MailOutbox outbox;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final List<PersonalDataSource> sources;

    ContactRights(ContactRegistry registry, ContactRepository contacts, Proposals proposals, MailOutbox outbox,
            Clock clock, ApplicationEventPublisher events, List<PersonalDataSource> sources) {
        this.events = events;
        this.sources = sources;
        this.registry = registry;
        this.contacts = contacts;
        this.proposals = proposals;
        this.outbox = outbox;
        this.clock = clock;
    }

    boolean unsubscribe(String token) {
        Optional<Contact> contact = registry.byToken(token).flatMap(c -> contacts.findById(c.getId()));
        contact.ifPresent(c -> c.unsubscribe(clock.instant()));
        return contact.isPresent();
    }

    Optional<Map<String, Object>> export(String token) {
        return registry.byToken(token).filter(c -> c.getErasedAt() == null).map(c -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("email", c.getEmail());
            data.put("name", c.getName());
            data.put("organization", c.getOrganization() == null ? null
                    : Map.of("name", c.getOrganization().getName(), "type", c.getOrganization().getType()));
            data.put("language", c.getLanguage());
            data.put("consentAt", c.getConsentAt());
            data.put("consentScope", c.getConsentScope());
            data.put("source", c.getSource());
            data.put("subscribed", c.isSubscribed());
            data.put("unsubscribedAt", c.getUnsubscribedAt());
            data.put("axes", c.getAxes());
            data.put("topics", c.getTopics());
            data.put("createdAt", c.getCreatedAt());
            data.put("proposals", proposals.ofProposer(c.getEmail()).stream()
                    .map(p -> Map.of("trackingCode", p.getTrackingCode(), "title", p.getTitle())).toList());
            data.put("mails", outbox.to(c.getEmail()).stream()
                    .map(m -> Map.of("subject", m.getSubject(), "createdAt", m.getCreatedAt(), "status",
                            m.getStatus().name()))
                    .toList());
            String email = c.getEmail().toLowerCase(Locale.ROOT);
            sources.forEach(source -> data.put(source.section(), source.export(email)));
            return data;
        });
    }

    boolean erase(String token) {
        // the contact's row first: a mass mailing's batch that is writing a mail to the person holds it (shared) until
        // it commits, so the outbox rows forgotten below include that mail
        Optional<Contact> found = registry.byToken(token).flatMap(c -> contacts.lockById(c.getId()));
        if (found.isEmpty()) {
            return false;
        }
        Contact c = found.get();
        if (c.getErasedAt() == null) {
            String email = c.getEmail();
            proposals.anonymiseProposer(email);
            outbox.forgetRecipient(email);
            events.publishEvent(new ContactErased(email));
            c.erase(clock.instant());
        }
        return true;
    }
}
