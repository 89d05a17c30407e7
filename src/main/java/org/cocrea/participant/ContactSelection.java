package org.cocrea.participant;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.cocrea.kernel.InsertIfAbsent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Who may be invited or mailed: organisations to suggest for an axis, and the mailable people of organisations or axes. */
@Component
class ContactSelection {

    private final ContactRepository contacts;
    private final JdbcTemplate jdbc;
    private final InsertIfAbsent insertIfAbsent;

    ContactSelection(ContactRepository contacts, JdbcTemplate jdbc, InsertIfAbsent insertIfAbsent) {
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.insertIfAbsent = insertIfAbsent;
    }

    /**
     * Reads and locks the addressees: {@code for share} on PostgreSQL ({@code for update} on H2, which has no shared
     * row locks), held until the caller's transaction ends, so that an erasure ({@link ContactRights}, which locks
     * the contact before it forgets the person's queued mails) waits for a mass mailing's batch that is writing a
     * mail to them, and a batch that comes after an uncommitted erasure waits for it and then sees the person erased.
     *
     * @param ids contact ids
     * @return the addressees found, in no order (one statement)
     */
    List<Addressee> lockedAddressees(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String lock = insertIfAbsent.isPostgres() ? "for share" : "for update";
        return jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("select id, email, name, language, token, subscribed, "
                    + "consent_at, erased_at from contact where id = any(?) order by id " + lock);
            ps.setArray(1, con.createArrayOf("bigint", ids.toArray()));
            return ps;
        }, (rs, i) -> new Addressee(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getBoolean(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8))));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
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
