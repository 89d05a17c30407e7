package org.cocrea.participant;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.cocrea.notification.MailOutbox;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.ProposalSubmitted;
import org.cocrea.proposal.Proposals;
import org.cocrea.proposal.SubmitterType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact directory: adds and updates people (by e-mail), lets proposers who consented join automatically, and
 * serves each person's rights over their data (Ley 25.326): unsubscribe, export, erasure.
 */
@Service
public class Contacts {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Contacts.class);

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    /** What proposers consent to on the proposal form. */
    static final String PROPOSAL_CONSENT = "Gestión de la propuesta y convocatorias de co-creación (formulario de propuestas)";

    private final ContactRepository contacts;
    private final InsertIfAbsent insertIfAbsent;
    private final OrganizationRepository organizations;
    private final Proposals proposals;
    private final MailOutbox outbox;
    private final DirectoryProperties properties;
    private final Clock clock;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final String baseUrl;
    private final SecureRandom random = new SecureRandom();

    Contacts(ContactRepository contacts, OrganizationRepository organizations, Proposals proposals, MailOutbox outbox,
            DirectoryProperties properties, Clock clock, org.springframework.jdbc.core.JdbcTemplate jdbc,
            @org.springframework.beans.factory.annotation.Value("${cocrea.public-base-url}") String baseUrl,
            InsertIfAbsent insertIfAbsent) {
        this.insertIfAbsent = insertIfAbsent;
        this.jdbc = jdbc;
        this.baseUrl = baseUrl;
        this.contacts = contacts;
        this.organizations = organizations;
        this.proposals = proposals;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Adds a person, or updates the person with the same e-mail (axes and topics are added to the existing ones;
     * a person who unsubscribed stays unsubscribed, unless they subscribe again themselves on the subscribe form).
     * Safe when several requests register the same new address or organisation at once, on one node or several: each
     * succeeds, one after the other on the contact's row lock (see {@link InsertIfAbsent}).
     *
     * @param input  the person
     * @param source {@code proposal}, {@code csv} or {@code form}
     * @return the stored contact
     * @throws InvalidContactException listing every invalid field
     */
    @Transactional
    public Contact register(ContactInput input, String source) {
        List<String> problems = validate(input);
        if (!problems.isEmpty()) {
            throw new InvalidContactException(problems);
        }
        String email = input.email().strip().toLowerCase(Locale.ROOT);
        Organization organization = null;
        if (input.organization() != null && !input.organization().isBlank()) {
            organization = organization(input.organization().strip(),
                    OrganizationType.fromCode(input.organizationType()).orElseThrow());
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
        row.put("token", newToken());
        row.put("source", source);
        row.put("language", language);
        row.put("subscribed", subscribed);
        row.put("unsubscribed_at", subscribed ? null : java.sql.Timestamp.from(clock.instant()));
        row.put("created_at", java.sql.Timestamp.from(clock.instant()));
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
            row.put("created_at", java.sql.Timestamp.from(clock.instant()));
            insertIfAbsent.insert("organization", "name", row);
            return organizations.findFirstByNameIgnoreCaseOrderByIdAsc(name).orElseThrow();
        });
    }

    /**
     * What is wrong with a contact's data, without storing anything: the checks of {@link #register} and
     * {@link #requestSubscription}, so that a form refused for another reason (no consent) names every field at once.
     *
     * @param input the data as a form or import sent it
     * @return one {@code "field: code"} per problem (e.g. {@code "email: email"}, {@code "organization: tooLong"}),
     *         empty when the data is valid
     */
    public List<String> problems(ContactInput input) {
        return validate(input);
    }

    private List<String> validate(ContactInput in) {
        List<String> problems = new ArrayList<>();
        if (in.email() == null || in.email().isBlank()) {
            problems.add("email: required");
        } else if (!org.cocrea.notification.EmailAddresses.isValid(in.email().strip())) {
            problems.add("email: email");
        }
        if (in.name() != null && org.cocrea.kernel.InputText.exceeds(in.name().strip(), 150)) {
            problems.add("name: tooLong");
        }
        if (org.cocrea.kernel.InputText.hasForbiddenCharacters(in.name())
                || org.cocrea.kernel.InputText.hasForbiddenCharacters(in.organization())
                || org.cocrea.kernel.InputText.hasForbiddenCharacters(in.consentScope())) {
            problems.add("text: controlCharacters");
        }
        if (in.consentAt() != null && in.consentAt().isAfter(clock.instant().plusSeconds(86400))) {
            problems.add("consentAt: future");
        }
        if (in.organization() != null && !in.organization().isBlank()) {
            if (org.cocrea.kernel.InputText.exceeds(in.organization().strip(), 200)) {
                problems.add("organization: tooLong");
            }
            if (OrganizationType.fromCode(in.organizationType()).isEmpty()) {
                problems.add("organizationType: organizationType");
            }
        }
        if (in.axes() != null && in.axes().stream().anyMatch(a -> !SLUG.matcher(a).matches())) {
            problems.add("axes: axis");
        }
        if (in.topics() != null && in.topics().stream().anyMatch(t -> !properties.topics().contains(t))) {
            problems.add("topics: topic");
        }
        if (in.consentAt() != null && (in.consentScope() == null || in.consentScope().isBlank())) {
            problems.add("consentScope: required");
        }
        if (in.consentScope() != null && org.cocrea.kernel.InputText.exceeds(in.consentScope().strip(), 500)) {
            problems.add("consentScope: tooLong");
        }
        return problems;
    }

    /**
     * The public subscribe form, with double opt-in: nothing about an existing person is changed and nobody is
     * (re)subscribed until the owner of the address follows the confirmation link mailed to it. At most
     * {@code cocrea.limits.confirmation-mail.subscription-confirm} links per address are queued
     * ({@link MailOutbox#enqueueConfirmation}); beyond that nothing is mailed and the form answers the same.
     *
     * @param input  what the form sent (consent given)
     * @param locale the page's language, for the confirmation mail
     * @throws InvalidContactException listing every invalid field
     */
    @Transactional
    public void requestSubscription(ContactInput input, Locale locale) {
        List<String> problems = validate(input);
        if (!problems.isEmpty()) {
            throw new InvalidContactException(problems);
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
        outbox.enqueueConfirmation(new org.cocrea.notification.OutgoingMail(contact.getEmail(), locale,
                "mail/subscription-confirm",
                "mail.subscriptionConfirm.subject", new Object[] {}, java.util.Map.of("link", baseUrl + "/subscribe/confirm/"
                        + contact.getToken() + (topics.isEmpty() ? "" : "?topics=" + topics)), "subscription-confirm",
                null));
    }

    /**
     * The owner of the address confirmed: the person is subscribed again, with the topics chosen.
     *
     * @param token  the person's private token (from the confirmation mail)
     * @param topics topics to add (unknown ones are ignored)
     * @return whether the token was known
     */
    @Transactional
    public boolean confirmSubscription(String token, java.util.Collection<String> topics) {
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

    /**
     * A proposer who consented joins the directory with the proposal's axis, in the transaction that stored it.
     *
     * @param event the stored proposal
     */
    @EventListener
    void on(ProposalSubmitted event) {
        Proposal p = proposals.get(event.proposalId());
        if (!p.isConsent()) {
            return;
        }
        SubmitterType type = SubmitterType.fromCode(p.getSubmitterType()).orElse(SubmitterType.CIUDADANIA);
        boolean hasOrganization = type != SubmitterType.CIUDADANIA && p.getOrganization() != null;
        try {
            register(new ContactInput(p.getEmail(), p.getContactName(), hasOrganization ? p.getOrganization() : null,
                    hasOrganization ? type.code() : null, Set.of(p.getAxis()), Set.of(), p.getLanguage(),
                    p.getSubmittedAt(), PROPOSAL_CONSENT), "proposal");
        } catch (InvalidContactException e) {
            // The proposal passed its own (equal or stricter) checks: it must not be lost over the directory.
            log.warn("Proposal {} stored without joining the directory: {}", p.getTrackingCode(), e.problems());
        }
    }

    /**
     * @param token a person's private token
     * @return the person, if the token is known
     */
    @Transactional(readOnly = true)
    public Optional<Contact> byToken(String token) {
        return token == null || token.length() != 32 ? Optional.empty() : contacts.findByToken(token);
    }

    /**
     * @param id contact id
     * @return the person, if any
     */
    @Transactional(readOnly = true)
    public Optional<Contact> byId(long id) {
        return contacts.findById(id);
    }

    /**
     * @param contact a contact (possibly detached)
     * @return its organisation's name, or an empty string
     */
    @Transactional(readOnly = true)
    public String organizationName(Contact contact) {
        return contacts.findById(contact.getId()).map(Contact::getOrganization).map(Organization::getName).orElse("");
    }

    /**
     * @param ids contact ids
     * @return the contacts found, by id
     */
    @Transactional(readOnly = true)
    public Map<Long, Contact> byIds(java.util.Collection<Long> ids) {
        Map<Long, Contact> found = new java.util.HashMap<>();
        contacts.findAllById(ids).forEach(c -> found.put(c.getId(), c));
        return found;
    }

    /**
     * @param email an e-mail address
     * @return the person, if known
     */
    @Transactional(readOnly = true)
    public Optional<Contact> byEmail(String email) {
        return contacts.findByEmailIgnoreCase(email);
    }

    /**
     * Unsubscribes a person from every call for participation. Idempotent.
     *
     * @param token the person's private token
     * @return whether the token was known
     */
    @Transactional
    public boolean unsubscribe(String token) {
        Optional<Contact> contact = byToken(token).flatMap(c -> contacts.findById(c.getId()));
        contact.ifPresent(c -> c.unsubscribe(clock.instant()));
        return contact.isPresent();
    }

    /**
     * Everything Cocrea holds about a person (right of access, Ley 25.326 art. 14).
     *
     * @param token the person's private token
     * @return the data as a JSON-ready map, empty if the token is unknown or the person was erased
     */
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> export(String token) {
        return byToken(token).filter(c -> c.getErasedAt() == null).map(c -> {
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
            return data;
        });
    }

    /**
     * Erases a person's personal data (right of erasure, Ley 25.326 art. 16): the contact keeps only its
     * organisation, axes and participation rows, so participation counts stay right; the person's proposals lose
     * the proposer's name and e-mail; mails written to the address are deleted.
     *
     * @param token the person's private token
     * @return whether the token was known
     */
    @Transactional
    public boolean erase(String token) {
        Optional<Contact> found = byToken(token).flatMap(c -> contacts.findById(c.getId()));
        if (found.isEmpty()) {
            return false;
        }
        Contact c = found.get();
        if (c.getErasedAt() == null) {
            String email = c.getEmail();
            proposals.anonymiseProposer(email);
            outbox.forgetRecipient(email);
            c.erase(clock.instant());
        }
        return true;
    }

    /**
     * An organisation suggested for a personalised invitation.
     *
     * @param organizationId id
     * @param name           name
     * @param type           type code
     * @param interested     how many of its people chose the axis as an interest
     * @param proposed       whether it submitted a proposal on the axis (past participation)
     */
    public record Suggestion(long organizationId, String name, String type, long interested, boolean proposed) {
    }

    /**
     * Suggests organisations to invite personally to an axis's round-table: those whose people are interested in the
     * axis (or proposed on it) and can be mailed, the ones that proposed first, then by interest.
     *
     * @param axis axis id
     * @return suggestions, best first
     */
    @Transactional(readOnly = true)
    public List<Suggestion> suggestOrganizations(String axis) {
        return jdbc.query("""
                select o.id, o.name, o.type, count(distinct c.id) as interested,
                       max(case when c.source = 'proposal' then 1 else 0 end) as proposed
                from organization o
                join contact c on c.organization_id = o.id
                join contact_axis a on a.contact_id = c.id and a.axis = ?
                where c.erased_at is null and c.consent_at is not null and c.subscribed = true
                group by o.id, o.name, o.type
                order by proposed desc, interested desc, o.name
                """, (rs, i) -> new Suggestion(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                rs.getInt(5) == 1), axis);
    }

    /**
     * @param organizationIds organisations
     * @return their people who can be mailed (consented, subscribed, not erased), one per e-mail
     */
    @Transactional(readOnly = true)
    public List<Contact> mailableMembers(java.util.Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        return contacts.findByOrganization_IdIn(organizationIds).stream()
                .filter(c -> c.getErasedAt() == null && c.getConsentAt() != null && c.isSubscribed()).toList();
    }

    /**
     * @param axis a thematic axis id
     * @return the people who subscribed to that axis and can be mailed (consented, subscribed, not erased)
     */
    @Transactional(readOnly = true)
    public List<Contact> mailableOfAxis(String axis) {
        return contacts.findByAxesContaining(axis).stream()
                .filter(c -> c.getErasedAt() == null && c.getConsentAt() != null && c.isSubscribed()).toList();
    }

    /** @return the 200 most recently added people */
    @Transactional(readOnly = true)
    public List<Contact> latest() {
        List<Contact> list = contacts.findTop200ByOrderByIdDesc();
        list.forEach(c -> {
            if (c.getOrganization() != null) {
                c.getOrganization().getName(); // load the organisation for the page
            }
        });
        return list;
    }

    /** @return how many people are in the directory, and how many can receive calls */
    @Transactional(readOnly = true)
    public long[] counts() {
        return new long[] {contacts.count(), contacts.countBySubscribedTrueAndConsentAtNotNullAndErasedAtIsNull()};
    }

    /** @return the topics people can subscribe to */
    public List<String> topics() {
        return properties.topics();
    }

    /**
     * @param axis axis id
     * @param locale reader's locale
     * @return the axis name
     */
    public String axisName(String axis, Locale locale) {
        return proposals.axisName(axis, locale);
    }

    private String newToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
