package org.cocrea.participant;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Who may be invited or mailed: organisations to suggest for an axis, and the mailable people of organisations or axes. */
@Component
class ContactSelection {

    private final ContactRepository contacts;
    private final JdbcTemplate jdbc;

    ContactSelection(ContactRepository contacts, JdbcTemplate jdbc) {
        this.contacts = contacts;
        this.jdbc = jdbc;
    }

    List<Contacts.Suggestion> suggestOrganizations(String axis) {
        return jdbc.query("""
                select o.id, o.name, o.type, count(distinct c.id) as interested,
                       max(case when c.source = 'proposal' then 1 else 0 end) as proposed
                from organization o
                join contact c on c.organization_id = o.id
                join contact_axis a on a.contact_id = c.id and a.axis = ?
                where c.erased_at is null and c.consent_at is not null and c.subscribed = true
                group by o.id, o.name, o.type
                order by proposed desc, interested desc, o.name
                """, (rs, i) -> new Contacts.Suggestion(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                rs.getInt(5) == 1), axis);
    }

    List<Contact> mailableMembers(Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        return contacts.findByOrganization_IdIn(organizationIds).stream()
                .filter(c -> c.getErasedAt() == null && c.getConsentAt() != null && c.isSubscribed()).toList();
    }

    List<Contact> mailableOfAxis(String axis) {
        return contacts.findByAxesContaining(axis).stream()
                .filter(c -> c.getErasedAt() == null && c.getConsentAt() != null && c.isSubscribed()).toList();
    }
}
