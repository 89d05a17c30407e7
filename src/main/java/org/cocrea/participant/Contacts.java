package org.cocrea.participant;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cocrea.kernel.InputRefusedException;
import org.cocrea.notification.MailOutbox;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.ProposalSubmitted;
import org.cocrea.proposal.Proposals;
import org.cocrea.proposal.SubmitterType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact directory, the one public entry to {@code participant}: adds and updates people (by e-mail) and runs the
 * double opt-in subscription ({@link ContactRegistry}), lets proposers who consented join automatically, serves each
 * person's rights over their data, Ley 25.326 ({@link ContactRights}: unsubscribe, export, erasure), and selects who
 * may be invited or mailed ({@link ContactSelection}). Each public method is one transaction.
 */
@Service
public class Contacts {

    private static final Logger log = LoggerFactory.getLogger(Contacts.class);

    /** What proposers consent to on the proposal form. */
    static final String PROPOSAL_CONSENT = "Gestión de la propuesta y convocatorias de co-creación (formulario de propuestas)";

    private final ContactRegistry registry;
    private final ContactRights rights;
    private final ContactSelection selection;
    private final ContactRepository contacts;
    private final Proposals proposals;
    private final DirectoryProperties properties;

    Contacts(ContactRegistry registry, ContactRights rights, ContactSelection selection, ContactRepository contacts,
            Proposals proposals, DirectoryProperties properties) {
        this.registry = registry;
        this.rights = rights;
        this.selection = selection;
        this.contacts = contacts;
        this.proposals = proposals;
        this.properties = properties;
    }

    /**
     * Adds a person, or updates the person with the same e-mail (axes and topics are added to the existing ones;
     * a person who unsubscribed stays unsubscribed, unless they subscribe again themselves on the subscribe form).
     * Safe when several requests register the same new address or organisation at once, on one node or several: each
     * succeeds, one after the other on the contact's row lock (see {@link org.cocrea.kernel.InsertIfAbsent}).
     *
     * @param input  the person
     * @param source {@code proposal}, {@code csv} or {@code form}
     * @return the stored contact
     * @throws InputRefusedException listing every invalid field (codes {@code validation.*})
     */
    @Transactional
    public Contact register(ContactInput input, String source) {
        return registry.register(input, source);
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
        return ContactProblems.shown(registry.validate(input));
    }

    /**
     * The public subscribe form, with double opt-in: nothing about an existing person is changed and nobody is
     * (re)subscribed until the owner of the address follows the confirmation link mailed to it. At most
     * {@code cocrea.limits.confirmation-mail.subscription-confirm} links per address are queued
     * ({@link MailOutbox#enqueueConfirmation}); beyond that nothing is mailed and the form answers the same.
     *
     * @param input  what the form sent (consent given)
     * @param locale the page's language, for the confirmation mail
     * @throws InputRefusedException listing every invalid field (codes {@code validation.*})
     */
    @Transactional
    public void requestSubscription(ContactInput input, Locale locale) {
        registry.requestSubscription(input, locale);
    }

    /**
     * The owner of the address confirmed: the person is subscribed again, with the topics chosen.
     *
     * @param token  the person's private token (from the confirmation mail)
     * @param topics topics to add (unknown ones are ignored)
     * @return whether the token was known
     */
    @Transactional
    public boolean confirmSubscription(String token, Collection<String> topics) {
        return registry.confirmSubscription(token, topics);
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
            registry.register(new ContactInput(p.getEmail(), p.getContactName(), hasOrganization ? p.getOrganization() : null,
                    hasOrganization ? type.code() : null, Set.of(p.getAxis()), Set.of(), p.getLanguage(),
                    p.getSubmittedAt(), PROPOSAL_CONSENT), "proposal");
        } catch (InputRefusedException e) {
            // The proposal passed its own (equal or stricter) checks: it must not be lost over the directory.
            log.warn("Proposal {} stored without joining the directory: {}", p.getTrackingCode(),
                    ContactProblems.shown(e));
        }
    }

    /**
     * @param token a person's private token
     * @return the person, if the token is known
     */
    @Transactional(readOnly = true)
    public Optional<Contact> byToken(String token) {
        return registry.byToken(token);
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
     * Reads the addressees of a mass mailing's batch and locks them until the caller's transaction ends, so that an
     * erasure of one of them waits for the batch and then forgets the mail it wrote, or the batch waits for an
     * erasure and then skips the person (Ley 25.326: nothing is mailed to an erased person).
     *
     * @param ids contact ids
     * @return the addressees of the contacts found, by id (one statement; ids not found are absent)
     * @throws org.springframework.transaction.IllegalTransactionStateException if called outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, Addressee> addressees(Collection<Long> ids) {
        Map<Long, Addressee> found = new HashMap<>();
        selection.lockedAddressees(ids).forEach(a -> found.put(a.id(), a));
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
        return rights.unsubscribe(token);
    }

    /**
     * Everything Cocrea holds about a person (right of access, Ley 25.326 art. 14).
     *
     * @param token the person's private token
     * @return the data as a JSON-ready map, empty if the token is unknown or the person was erased
     */
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> export(String token) {
        return rights.export(token);
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
        return rights.erase(token);
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
        return selection.suggestOrganizations(axis);
    }

    /**
     * @param organizationIds organisations
     * @return their people who can be mailed (consented, subscribed, not erased), one per e-mail
     */
    @Transactional(readOnly = true)
    public List<Contact> mailableMembers(Collection<Long> organizationIds) {
        return selection.mailableMembers(organizationIds);
    }

    /**
     * @param axis a thematic axis id
     * @return the people who subscribed to that axis and can be mailed (consented, subscribed, not erased)
     */
    @Transactional(readOnly = true)
    public List<Contact> mailableOfAxis(String axis) {
        return selection.mailableOfAxis(axis);
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
}
