package org.cocrea.participant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.InputText;
import org.cocrea.kernel.InsertIfAbsent;
import org.cocrea.kernel.PrivateTokens;
import org.cocrea.notification.EmailAddresses;
import org.cocrea.notification.MailOutbox;
import org.cocrea.notification.OutgoingMail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** The directory's writes: adding or updating a person (by e-mail), the checks, and the double opt-in subscription. */
@Component
class ContactRegistry {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

    private final ContactRepository contacts;
    private final InsertIfAbsent insertIfAbsent;
    private final OrganizationRepository organizations;
    private final MailOutbox outbox;
    private final DirectoryProperties properties;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final String baseUrl;

    ContactRegistry(ContactRepository contacts, OrganizationRepository organizations, MailOutbox outbox,
            DirectoryProperties properties, Clock clock, JdbcTemplate jdbc,
            @Value("${cocrea.public-base-url}") String baseUrl, InsertIfAbsent insertIfAbsent) {
        this.insertIfAbsent = insertIfAbsent;
        this.jdbc = jdbc;
        this.baseUrl = baseUrl;
        this.contacts = contacts;
        this.organizations = organizations;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    Contact register(ContactInput input, String source) {
        return register(input, source, null);
    }

    /**
     * As {@link #register(ContactInput, String)}, remembering the organisations found or created in
     * {@code organizationsByName} (exact name as stripped; null: no memory). Only for callers that keep the map within
     * one transaction (the contact import's chunk): an organisation found once cannot disappear before it commits.
     */
    Contact register(ContactInput input, String source, Map<String, Organization> organizationsByName) {
        List<FieldProblem> problems = validate(input);
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        String email = input.email().strip().toLowerCase(Locale.ROOT);
        Organization organization = null;
        if (input.organization() != null && !input.organization().isBlank()) {
            String name = input.organization().strip();
            OrganizationType type = OrganizationType.fromCode(input.organizationType()).orElseThrow();
            organization = organizationsByName == null ? organization(name, type)
                    : organizationsByName.computeIfAbsent(name, n -> organization(n, type));
        }
        Contact contact = lockedContact(email, source, true, "es");
        contact.update(blankToNull(input.name()), organization, "en".equals(input.language()) ? "en" : "es",
                input.consentAt(), blankToNull(input.consentScope()));
        if (input.axes() != null) {
            contact.getAxes().addAll(input.axes());
        }
        if (input.topics() != null) {
            contact.getTopics().addAll(input.topics());
        }
        return contacts.save(contact);
    }

    /**
     * Stores {@code inputs} (valid, in file order, an address possibly several times, in any capitals) in a fixed
     * number of statements, whatever their number, with the outcome of {@link #register(ContactInput, String, Map)}
     * called on each in order: the organisations not in {@code organizationsByName} are found or created (at most
     * three statements, {@link #organizations}), the rows of one address are merged (the last name, organisation and language
     * given win, the last consent given wins with its scope, axes and topics add up), then the addresses not in the
     * directory are inserted ({@code insert ... select from unnest(...) on conflict (email) do nothing returning}),
     * the others updated ({@code update ... from unnest(...) returning}, which also locks them until the transaction
     * ends, as {@link #register} does), and the axes and topics of both added ({@code on conflict do nothing}: an
     * axis the person has already stays once). PostgreSQL only (arrays as parameters): elsewhere it stores nothing.
     *
     * @param inputs              valid inputs ({@link #validate} empty)
     * @param source              where the new contacts come from
     * @param organizationsByName as in {@link #register(ContactInput, String, Map)}, not null
     * @return the addresses (lower case) stored; the caller stores the rows of any other address with
     *         {@link #register} (all of them off PostgreSQL; on it, only one whose contact was erased between the two
     *         statements)
     */
    Set<String> registerAll(List<ContactInput> inputs, String source, Map<String, Organization> organizationsByName) {
        if (inputs.isEmpty() || !insertIfAbsent.isPostgres()) {
            return Set.of();
        }
        Map<String, OrganizationType> missing = new LinkedHashMap<>();
        for (ContactInput input : inputs) {
            if (input.organization() != null && !input.organization().isBlank()
                    && !organizationsByName.containsKey(input.organization().strip())) {
                missing.putIfAbsent(input.organization().strip(),
                        OrganizationType.fromCode(input.organizationType()).orElseThrow());
            }
        }
        organizations(missing, organizationsByName);
        Map<String, Merged> byEmail = new LinkedHashMap<>();
        for (ContactInput input : inputs) {
            Merged m = byEmail.computeIfAbsent(input.email().strip().toLowerCase(Locale.ROOT), e -> new Merged());
            String name = blankToNull(input.name());
            if (name != null) {
                m.name = name;
            }
            if (input.organization() != null && !input.organization().isBlank()) {
                OrganizationType type = OrganizationType.fromCode(input.organizationType()).orElseThrow();
                m.organization = organizationsByName.computeIfAbsent(input.organization().strip(),
                        n -> organization(n, type)).getId();
            }
            m.language = "en".equals(input.language()) ? "en" : "es";
            if (input.consentAt() != null) {
                m.consentAt = input.consentAt().toString();
                m.consentScope = blankToNull(input.consentScope());
            }
            if (input.axes() != null) {
                m.axes.addAll(input.axes());
            }
            if (input.topics() != null) {
                m.topics.addAll(input.topics());
            }
        }
        Map<String, Long> ids = new HashMap<>();
        List<String> emails = new ArrayList<>(byEmail.keySet());
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("insert into contact (email, token, source, language, "
                    + "subscribed, created_at, name, organization_id, consent_at, consent_scope) select v.e, v.t, ?, "
                    + "v.l, true, ?, v.n, v.o, cast(v.ca as timestamp with time zone), v.cs from unnest(?, ?, ?, ?, ?, "
                    + "?, ?) as v(e, t, l, n, o, ca, cs) on conflict (email) do nothing returning id, email");
            ps.setString(1, source);
            ps.setTimestamp(2, now);
            ps.setArray(3, con.createArrayOf("varchar", emails.toArray()));
            ps.setArray(4, con.createArrayOf("varchar", emails.stream().map(e -> PrivateTokens.next()).toArray()));
            setColumns(con, ps, 5, emails.stream().map(byEmail::get).toList());
            return ps;
        }, (RowCallbackHandler) rs -> ids.put(rs.getString(2), rs.getLong(1)));
        List<String> known = emails.stream().filter(e -> !ids.containsKey(e)).toList();
        if (!known.isEmpty()) {
            jdbc.query(con -> {
                PreparedStatement ps = con.prepareStatement("update contact c set name = coalesce(v.n, c.name), "
                        + "organization_id = coalesce(v.o, c.organization_id), language = v.l, consent_at = "
                        + "coalesce(cast(v.ca as timestamp with time zone), c.consent_at), consent_scope = case when "
                        + "v.ca is null then c.consent_scope else v.cs end from unnest(?, ?, ?, ?, ?, ?) as "
                        + "v(e, l, n, o, ca, cs) where c.email = v.e returning c.id, c.email");
                ps.setArray(1, con.createArrayOf("varchar", known.toArray()));
                setColumns(con, ps, 2, known.stream().map(byEmail::get).toList());
                return ps;
            }, (RowCallbackHandler) rs -> ids.put(rs.getString(2), rs.getLong(1)));
        }
        List<Long> axisIds = new ArrayList<>();
        List<String> axes = new ArrayList<>();
        List<Long> topicIds = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        ids.forEach((email, id) -> {
            Merged m = byEmail.get(email);
            m.axes.forEach(a -> {
                axisIds.add(id);
                axes.add(a);
            });
            m.topics.forEach(t -> {
                topicIds.add(id);
                topics.add(t);
            });
        });
        insertPairs("contact_axis", "axis", axisIds, axes);
        insertPairs("contact_topic", "topic", topicIds, topics);
        return ids.keySet();
    }

    /**
     * Finds or creates the organisations named (exact names as stripped, each with the type of its first row), as
     * {@link #organization} does one by one, in at most three statements: the first organisation by id with the name
     * in any capitals; the missing ones inserted ({@code on conflict (name) do nothing}; of names equal but for
     * capitals, only the first, as the one-by-one lookup would then find it), then found.
     */
    private void organizations(Map<String, OrganizationType> missing, Map<String, Organization> into) {
        if (missing.isEmpty()) {
            return;
        }
        Map<String, Long> found = findOrganizations(missing.keySet());
        List<String> absent = missing.keySet().stream().filter(n -> !found.containsKey(n)).toList();
        if (!absent.isEmpty()) {
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement("insert into organization (name, type, created_at) select "
                        + "n, t, ? from (select distinct on (upper(v.n)) v.n, v.t from unnest(?, ?) with ordinality as "
                        + "v(n, t, i) order by upper(v.n), v.i) as f on conflict (name) do nothing");
                ps.setTimestamp(1, now);
                ps.setArray(2, con.createArrayOf("varchar", absent.toArray()));
                ps.setArray(3, con.createArrayOf("varchar", absent.stream().map(n -> missing.get(n).code()).toArray()));
                return ps;
            });
            found.putAll(findOrganizations(absent));
        }
        found.forEach((name, id) -> into.put(name, organizations.getReferenceById(id)));
    }

    /** @return for each name that has one, the id of the first organisation (by id) with the name in any capitals */
    private Map<String, Long> findOrganizations(Collection<String> names) {
        Map<String, Long> found = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("select distinct on (r.n) r.n, o.id from unnest(?) as r(n) "
                    + "join organization o on upper(o.name) = upper(r.n) order by r.n, o.id");
            ps.setArray(1, con.createArrayOf("varchar", names.toArray()));
            return ps;
        }, (RowCallbackHandler) rs -> found.put(rs.getString(1), rs.getLong(2)));
        return found;
    }

    /** An address's rows merged in file order (see {@link #registerAll}). */
    private static final class Merged {
        String name;
        Long organization;
        String language;
        /** ISO 8601, cast by the database. */
        String consentAt;
        String consentScope;
        final Set<String> axes = new LinkedHashSet<>();
        final Set<String> topics = new LinkedHashSet<>();
    }

    /** Binds language, name, organisation, consent instant and scope as five arrays from parameter {@code first}. */
    private static void setColumns(Connection con, PreparedStatement ps, int first, List<Merged> rows)
            throws SQLException {
        ps.setArray(first, con.createArrayOf("varchar", rows.stream().map(m -> m.language).toArray()));
        ps.setArray(first + 1, con.createArrayOf("varchar", rows.stream().map(m -> m.name).toArray()));
        ps.setArray(first + 2, con.createArrayOf("bigint", rows.stream().map(m -> m.organization).toArray()));
        ps.setArray(first + 3, con.createArrayOf("varchar", rows.stream().map(m -> m.consentAt).toArray()));
        ps.setArray(first + 4, con.createArrayOf("varchar", rows.stream().map(m -> m.consentScope).toArray()));
    }

    /** One statement: the (contact, value) pairs a contact does not have yet. */
    private void insertPairs(String table, String column, List<Long> contactIds, List<String> values) {
        if (contactIds.isEmpty()) {
            return;
        }
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("insert into " + table + " (contact_id, " + column + ") "
                    + "select * from unnest(?, ?) on conflict do nothing");
            ps.setArray(1, con.createArrayOf("bigint", contactIds.toArray()));
            ps.setArray(2, con.createArrayOf("varchar", values.toArray()));
            return ps;
        });
    }

    /**
     * The person with the address, created when missing, under a row lock held until the transaction ends: two
     * requests about one new address (two browsers, two nodes) both succeed, one after the other, and neither loses
     * the axes or topics the other added.
     *
     * @param email      the address, already lower case
     * @param source     where a new contact comes from
     * @param subscribed whether a new contact may receive calls (false until a subscriber confirms)
     * @param language   the language of a new contact
     * @return the contact, managed, locked until the transaction ends
     */
    private Contact lockedContact(String email, String source, boolean subscribed, String language) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("email", email);
        row.put("token", PrivateTokens.next());
        row.put("source", source);
        row.put("language", language);
        row.put("subscribed", subscribed);
        row.put("unsubscribed_at", subscribed ? null : Timestamp.from(clock.instant()));
        row.put("created_at", Timestamp.from(clock.instant()));
        insertIfAbsent.insert("contact", "email", row);
        Long id = jdbc.queryForObject("select id from contact where email = ? for update", Long.class, email);
        return contacts.findById(id).orElseThrow();
    }

    /** The organisation with the name (any capitals), created when missing; see {@link InsertIfAbsent}. */
    private Organization organization(String name, OrganizationType type) {
        return organizations.findFirstByNameIgnoreCaseOrderByIdAsc(name).orElseGet(() -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name);
            row.put("type", type.code());
            row.put("created_at", Timestamp.from(clock.instant()));
            insertIfAbsent.insert("organization", "name", row);
            return organizations.findFirstByNameIgnoreCaseOrderByIdAsc(name).orElseThrow();
        });
    }

    List<FieldProblem> validate(ContactInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        if (in.email() == null || in.email().isBlank()) {
            problems.add(ContactProblems.of("email", "required"));
        } else if (!EmailAddresses.isValid(in.email().strip())) {
            problems.add(ContactProblems.of("email", "email"));
        }
        if (in.name() != null && InputText.exceeds(in.name().strip(), 150)) {
            problems.add(ContactProblems.of("name", "tooLong", 150));
        }
        if (InputText.hasForbiddenCharacters(in.name())
                || InputText.hasForbiddenCharacters(in.organization())
                || InputText.hasForbiddenCharacters(in.consentScope())) {
            problems.add(ContactProblems.of("text", "controlCharacters"));
        }
        if (in.consentAt() != null && in.consentAt().isAfter(clock.instant().plusSeconds(86400))) {
            problems.add(ContactProblems.of("consentAt", "future"));
        }
        if (in.organization() != null && !in.organization().isBlank()) {
            if (InputText.exceeds(in.organization().strip(), 200)) {
                problems.add(ContactProblems.of("organization", "tooLong", 200));
            }
            if (OrganizationType.fromCode(in.organizationType()).isEmpty()) {
                problems.add(ContactProblems.of("organizationType", "organizationType"));
            }
        }
        if (in.axes() != null && in.axes().stream().anyMatch(a -> !SLUG.matcher(a).matches())) {
            problems.add(ContactProblems.of("axes", "axis"));
        }
        if (in.topics() != null && in.topics().stream().anyMatch(t -> !properties.topics().contains(t))) {
            problems.add(ContactProblems.of("topics", "topic"));
        }
        if (in.consentAt() != null && (in.consentScope() == null || in.consentScope().isBlank())) {
            problems.add(ContactProblems.of("consentScope", "required"));
        }
        if (in.consentScope() != null && InputText.exceeds(in.consentScope().strip(), 500)) {
            problems.add(ContactProblems.of("consentScope", "tooLong", 500));
        }
        return problems;
    }

    void requestSubscription(ContactInput input, Locale locale) {
        List<FieldProblem> problems = validate(input);
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        Contact contact = contacts.findByEmailIgnoreCase(input.email().strip()).orElse(null);
        if (contact == null) {
            // Only the address until its owner confirms: no name, organisation or consent from a stranger. A request
            // at the same moment may have stored the address first: then it is that (unchanged) contact.
            contact = lockedContact(input.email().strip().toLowerCase(Locale.ROOT), "form", false,
                    "en".equals(input.language()) ? "en" : "es");
        }
        if (contact.getErasedAt() != null) {
            return;
        }
        String topics = input.topics() == null ? "" : String.join(",", input.topics());
        outbox.enqueueConfirmation(new OutgoingMail(contact.getEmail(), locale,
                "mail/subscription-confirm",
                "mail.subscriptionConfirm.subject", new Object[] {}, Map.of("link", baseUrl + "/subscribe/confirm/"
                        + contact.getToken() + (topics.isEmpty() ? "" : "?topics=" + topics)), "subscription-confirm",
                null));
    }

    boolean confirmSubscription(String token, Collection<String> topics) {
        Optional<Contact> found = byToken(token).flatMap(c -> contacts.findById(c.getId()));
        found.filter(c -> c.getErasedAt() == null).ifPresent(c -> {
            c.resubscribe();
            topics.stream().filter(properties.topics()::contains).forEach(c.getTopics()::add);
            if (c.getConsentAt() == null) {
                c.update(null, null, null, clock.instant(), "Convocatorias de gobierno abierto (suscripción confirmada)");
            }
        });
        return found.isPresent();
    }

    Optional<Contact> byToken(String token) {
        return token == null || token.length() != 32 ? Optional.empty() : contacts.findByToken(token);
    }


    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
