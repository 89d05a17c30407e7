package org.cocrea.proposal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.consultation.CallForProposals;
import org.cocrea.consultation.Consultations;
import org.cocrea.kernel.NotFoundException;
import org.cocrea.notification.MailOutbox;
import org.cocrea.notification.OutgoingMail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The proposals of the public consultation: submission, routing result, feasibility review, reasoned response and
 * prioritisation. Every state change that mails someone writes the mail to the outbox in the same transaction.
 */
@Service
public class Proposals {

    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int REASONING_MAX = 4000;
    private static final int RESPONSE_MAX = 3900;
    private static final int CONTACT_MAX = 200;

    private final ProposalRepository repository;
    private final Consultations consultations;
    private final MailOutbox outbox;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Proposals(ProposalRepository repository, Consultations consultations, MailOutbox outbox,
            ApplicationEventPublisher events, MessageSource messages, Clock clock) {
        this.repository = repository;
        this.consultations = consultations;
        this.outbox = outbox;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Stores a proposal sent through the public form or the JSON API, starts its review and mails the proposer a
     * confirmation with the tracking code (at most {@code cocrea.limits.confirmation-mail.proposal-received} per
     * address, see {@link MailOutbox#enqueueConfirmation}; the proposal is stored either way).
     *
     * @param input   the submission
     * @param channel {@link Channel#WEB} or {@link Channel#API}
     * @return the stored proposal
     * @throws NoOpenCallException      when no call accepts proposals now
     * @throws InputRefusedException naming each invalid field; nothing is stored
     */
    @Transactional
    public Proposal submit(ProposalInput input, Channel channel) {
        return store(input, channel, clock.instant());
    }

    /**
     * Stores an offline proposal (one CSV row) exactly as if it had been submitted, keeping its original submission
     * date-time.
     *
     * @param input       the row; {@code externalRef} must be unique within the call
     * @param submittedAt when the proposer handed it in
     * @return the stored proposal
     * @throws NoOpenCallException      when no call accepts proposals now
     * @throws InputRefusedException naming each invalid field (also a reference already imported)
     */
    @Transactional
    public Proposal submitOffline(ProposalInput input, Instant submittedAt) {
        return store(input, Channel.CSV, submittedAt == null ? clock.instant() : submittedAt);
    }

    private Proposal store(ProposalInput raw, Channel channel, Instant submittedAt) {
        CallForProposals call = consultations.acceptingCall().orElseThrow(NoOpenCallException::new);
        ProposalInput input = new ProposalInput(ProposalValidator.clean(raw.title()),
                ProposalValidator.clean(raw.description()), ProposalValidator.clean(raw.axis()),
                ProposalValidator.clean(raw.submitterType()), ProposalValidator.clean(raw.organization()),
                ProposalValidator.clean(raw.name()), ProposalValidator.clean(raw.email()), raw.consent(),
                "en".equals(raw.language()) ? "en" : "es", ProposalValidator.clean(raw.externalRef()));
        List<FieldProblem> problems = new ArrayList<>(ProposalValidator.validate(input, call));
        if (input.externalRef() != null) {
            if (org.cocrea.web.InputText.hasForbiddenCharacters(input.externalRef())) {
                problems.add(FieldProblem.of("ref", "validation.controlCharacters"));
            } else if (org.cocrea.web.InputText.exceeds(input.externalRef(), 50)) {
                problems.add(FieldProblem.of("ref", "validation.tooLong", 50));
            } else if (repository.existsByCallIdAndExternalRef(call.getId(), input.externalRef())) {
                problems.add(FieldProblem.of("ref", "validation.duplicate"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        Proposal proposal = repository.save(new Proposal(newTrackingCode(), call.getId(), input, channel, submittedAt));
        events.publishEvent(new ProposalSubmitted(proposal.getId(), proposal.getTrackingCode(), call.getId(),
                proposal.getAxis(), proposal.getSubmitterType()));
        Locale locale = Locale.forLanguageTag(proposal.getLanguage());
        OutgoingMail received = new OutgoingMail(proposal.getEmail(), locale, "mail/proposal-received",
                "mail.proposalReceived.subject", new Object[] {proposal.getTrackingCode()},
                Map.of("proposal", proposal, "axisName", axisName(proposal.getAxis(), locale)),
                "proposal-received", proposal.getTrackingCode());
        if (channel == Channel.CSV) {
            outbox.enqueue(received); // staff typed these addresses in: not capped
        } else {
            outbox.enqueueConfirmation(received);
        }
        return proposal;
    }

    private String newTrackingCode() {
        while (true) {
            StringBuilder code = new StringBuilder("CC-");
            for (int i = 0; i < 8; i++) {
                code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
            }
            if (!repository.existsByTrackingCode(code.toString())) {
                return code.toString();
            }
        }
    }

    /**
     * @param axis   axis id
     * @param locale reader's locale
     * @return the axis name from {@code messages*.properties} ({@code axis.<id>}), or the id if none is defined
     */
    public String axisName(String axis, Locale locale) {
        return messages.getMessage("axis." + axis, null, axis, locale);
    }

    /**
     * @param code   verdict code, e.g. {@code partially-feasible}
     * @param locale reader's locale
     * @return its label, or the code itself if unknown
     */
    public String verdictName(String code, Locale locale) {
        return messages.getMessage("verdict." + code, null, code, locale);
    }

    /**
     * @param code   submitter type code, e.g. {@code osc-territorial}
     * @param locale reader's locale
     * @return its label from {@code messages*.properties}, or the code itself if unknown
     */
    public String submitterTypeName(String code, Locale locale) {
        return messages.getMessage("submitterType." + code, null, code, locale);
    }

    /**
     * Records which area's candidate group reviews the proposal (from the routing decision or staff triage).
     *
     * @param proposalId proposal id
     * @param areaGroup  candidate group, e.g. {@code area-ambiente}
     * @throws NotFoundException if the proposal does not exist
     */
    @Transactional
    public void assignArea(long proposalId, String areaGroup) {
        get(proposalId).assignArea(areaGroup);
    }

    /**
     * Records the area's feasibility review, validated on the server (Tasklist forms validate only in the browser).
     *
     * @param proposalId        proposal id
     * @param verdictCode       {@code feasible}, {@code partially-feasible} or {@code not-feasible}
     * @param reasoning         required, at most 4000 characters
     * @param willingToCoCreate whether the area is willing to co-create; required
     * @param contactPerson     the area's contact person; required, at most 200 characters
     * @param reviewedBy        Camunda user id of the reviewer, may be null
     * @throws InputRefusedException listing every problem, in Spanish and English
     */
    @Transactional
    public void recordReview(long proposalId, String verdictCode, String reasoning, Boolean willingToCoCreate,
            String contactPerson, String reviewedBy) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Verdict> verdict = Verdict.fromCode(verdictCode);
        if (verdict.isEmpty()) {
            problems.add(FieldProblem.of("verdict", "review.verdict"));
        }
        if (ProposalValidator.isBlank(reasoning)) {
            problems.add(FieldProblem.of("reasoning", "review.reasoning.required"));
        } else if (org.cocrea.web.InputText.hasForbiddenCharacters(reasoning)) {
            problems.add(FieldProblem.of("reasoning", "review.reasoning.controlCharacters"));
        } else if (org.cocrea.web.InputText.exceeds(reasoning.strip(), REASONING_MAX)) {
            problems.add(FieldProblem.of("reasoning", "review.reasoning.tooLong", REASONING_MAX));
        }
        if (willingToCoCreate == null) {
            problems.add(FieldProblem.of("willingToCoCreate", "review.willingToCoCreate"));
        }
        if (ProposalValidator.isBlank(contactPerson)) {
            problems.add(FieldProblem.of("contactPerson", "review.contactPerson.required"));
        } else if (org.cocrea.web.InputText.hasForbiddenCharacters(contactPerson)) {
            problems.add(FieldProblem.of("contactPerson", "review.contactPerson.controlCharacters"));
        } else if (org.cocrea.web.InputText.exceeds(contactPerson.strip(), CONTACT_MAX)) {
            problems.add(FieldProblem.of("contactPerson", "review.contactPerson.tooLong", CONTACT_MAX));
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        Proposal proposal = get(proposalId);
        proposal.recordReview(verdict.get(), reasoning.strip(), willingToCoCreate, contactPerson.strip(), reviewedBy,
                clock.instant());
        events.publishEvent(new FeasibilityReviewed(proposalId, proposal.getCallId()));
    }

    /**
     * @param callId call id
     * @return how many proposals of the call still wait for routing or for their area's review
     */
    @Transactional(readOnly = true)
    public long pendingReviews(long callId) {
        return repository.countByCallIdAndStatusIn(callId, EnumSet.of(ProposalStatus.RECEIVED, ProposalStatus.IN_REVIEW));
    }

    /**
     * @param callId call id
     * @return the candidate groups of the areas that reviewed at least one proposal of the call, sorted
     */
    @Transactional(readOnly = true)
    public List<String> reviewingAreaGroups(long callId) {
        return repository.findByCallIdOrderByAxisAscIdAsc(callId).stream().map(Proposal::getAreaGroup)
                .filter(g -> g != null).distinct().sorted().toList();
    }

    /**
     * The Java service that gathers an area's reviewed proposals for its feasibility meeting.
     *
     * @param callId    call id
     * @param areaGroup the area's candidate group
     * @return the area's proposals of the call, in submission order
     */
    @Transactional(readOnly = true)
    public List<Proposal> ofArea(long callId, String areaGroup) {
        return repository.findByCallIdAndAreaGroupOrderByIdAsc(callId, areaGroup);
    }

    /**
     * Drafts the reasoned response from the area's verdict and reasoning, in the proposer's language.
     *
     * @param proposalId proposal id
     * @return the draft text (at most 3900 characters) for staff to review
     */
    @Transactional(readOnly = true)
    public String draftResponse(long proposalId) {
        Proposal p = get(proposalId);
        Locale locale = Locale.forLanguageTag(p.getLanguage());
        String intro = messages.getMessage("response.intro." + (p.getVerdict() == null ? "none" : p.getVerdict()),
                new Object[] {p.getTitle()}, locale);
        String text = intro + "\n\n" + (p.getReasoning() == null ? "" : p.getReasoning());
        return org.cocrea.web.InputText.cut(text, RESPONSE_MAX);
    }

    /**
     * Stores the reasoned response as reviewed by staff.
     *
     * @param proposalId   proposal id
     * @param responseText required, at most 3900 characters
     * @throws InputRefusedException when the text is missing or too long
     */
    @Transactional
    public void recordResponse(long proposalId, String responseText) {
        if (ProposalValidator.isBlank(responseText)) {
            throw InputRefusedException.of("responseText", "review.response.required");
        }
        if (org.cocrea.web.InputText.hasForbiddenCharacters(responseText)) {
            throw InputRefusedException.of("responseText", "review.response.controlCharacters");
        }
        if (org.cocrea.web.InputText.exceeds(responseText.strip(), RESPONSE_MAX)) {
            throw InputRefusedException.of("responseText", "review.response.tooLong", RESPONSE_MAX);
        }
        get(proposalId).recordResponse(responseText.strip());
    }

    /**
     * Sends the reasoned response: writes the mail to the outbox and makes the response public on the status page.
     * Idempotent: a proposal already answered is not mailed again.
     *
     * @param proposalId proposal id
     * @throws IllegalStateException when no response text was recorded
     */
    @Transactional
    public void sendResponse(long proposalId) {
        Proposal p = get(proposalId);
        if (p.getStatus() == ProposalStatus.RESPONDED) {
            return;
        }
        if (p.getResponseText() == null) {
            throw new IllegalStateException("Proposal " + p.getTrackingCode() + " has no reasoned response to send");
        }
        Locale locale = Locale.forLanguageTag(p.getLanguage());
        outbox.enqueue(new OutgoingMail(p.getEmail(), locale, "mail/reasoned-response", "mail.reasonedResponse.subject",
                new Object[] {p.getTrackingCode()}, Map.of("proposal", p, "axisName", axisName(p.getAxis(), locale)),
                "reasoned-response", p.getTrackingCode()));
        p.markResponded(clock.instant());
    }

    /**
     * @param callId call id
     * @return the feasible and partially feasible proposals of the call, grouped by axis (axes sorted)
     */
    @Transactional(readOnly = true)
    public Map<String, List<Proposal>> feasibleByAxis(long callId) {
        Map<String, List<Proposal>> byAxis = new TreeMap<>();
        for (Proposal p : repository.findByCallIdOrderByAxisAscIdAsc(callId)) {
            if (p.isFeasible()) {
                byAxis.computeIfAbsent(p.getAxis(), a -> new ArrayList<>()).add(p);
            }
        }
        return byAxis;
    }

    /**
     * Carries into a later co-creation instance the proposals of the same action plan's earlier calls that were found
     * feasible (or partially feasible) but not taken to a round-table, so they join the new pool for prioritisation
     * with their review and reasoned response. Each proposal is carried once (a carried copy left unaddressed again
     * is what a third instance carries). Idempotent.
     *
     * @param toCallId the new call
     * @return how many proposals were carried over
     */
    @Transactional
    public int carryOverInto(long toCallId) {
        CallForProposals to = consultations.get(toCallId);
        int carried = 0;
        for (CallForProposals earlier : consultations.ofActionPlan(to.getActionPlan())) {
            if (earlier.getId() == toCallId || earlier.getCoCreationInstance() >= to.getCoCreationInstance()) {
                continue;
            }
            for (Proposal p : repository.findByCallIdOrderByAxisAscIdAsc(earlier.getId())) {
                if (p.isFeasible() && !p.isPrioritised() && !repository.existsByCarriedOverFrom(p.getId())) {
                    repository.save(Proposal.carriedOver(p, newTrackingCode(), toCallId));
                    carried++;
                }
            }
        }
        return carried;
    }

    /**
     * Marks which feasible proposals go to the co-creation round-tables; every other proposal of the call is unmarked.
     *
     * @param callId      call id
     * @param proposalIds ids of feasible proposals of that call
     * @throws InputRefusedException when an id is not a feasible proposal of the call
     */
    @Transactional
    public void prioritise(long callId, Collection<Long> proposalIds) {
        Map<Long, Proposal> feasible = new HashMap<>();
        feasibleByAxis(callId).values().forEach(list -> list.forEach(p -> feasible.put(p.getId(), p)));
        List<FieldProblem> problems = proposalIds.stream().filter(id -> !feasible.containsKey(id))
                .map(id -> FieldProblem.of("proposalIds", "review.notFeasible", String.valueOf(id)))
                .toList();
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        Set<Long> chosen = Set.copyOf(proposalIds);
        repository.findByCallIdOrderByAxisAscIdAsc(callId).forEach(p -> p.setPrioritised(chosen.contains(p.getId())));
    }

    /**
     * The output of Stage 1 that the co-creation round-tables read.
     *
     * @param callId call id
     * @return prioritised proposals grouped by axis, axes in the call's order
     */
    @Transactional(readOnly = true)
    public Map<String, List<Proposal>> prioritisedByAxis(long callId) {
        Map<String, List<Proposal>> byAxis = new LinkedHashMap<>();
        consultations.get(callId).getAxes().forEach(a -> byAxis.put(a, new ArrayList<>()));
        repository.findByCallIdOrderByAxisAscIdAsc(callId).stream().filter(Proposal::isPrioritised)
                .forEach(p -> byAxis.computeIfAbsent(p.getAxis(), a -> new ArrayList<>()).add(p));
        return byAxis;
    }

    /**
     * @param callId call id
     * @return every proposal of the call, by axis then id
     */
    @Transactional(readOnly = true)
    public List<Proposal> ofCall(long callId) {
        return repository.findByCallIdOrderByAxisAscIdAsc(callId);
    }

    /**
     * @param email a proposer's e-mail
     * @return the proposals submitted with it (for the export of a person's data)
     */
    @Transactional(readOnly = true)
    public List<Proposal> ofProposer(String email) {
        return repository.findByEmailIgnoreCaseOrderByIdAsc(email);
    }

    /**
     * Erases a proposer's personal data (name, e-mail) from their proposals; the proposals themselves stay, since
     * they and their reasoned responses are public (Ley 25.326 erasure request).
     *
     * @param email the proposer's e-mail
     * @return how many proposals were anonymised
     */
    @Transactional
    public int anonymiseProposer(String email) {
        List<Proposal> list = repository.findByEmailIgnoreCaseOrderByIdAsc(email);
        list.forEach(Proposal::anonymiseProposer);
        return list.size();
    }

    /**
     * @param trackingCode public tracking code
     * @return the proposal, if any
     */
    @Transactional(readOnly = true)
    public Optional<Proposal> byTrackingCode(String trackingCode) {
        return trackingCode == null || trackingCode.length() > 20 ? Optional.empty()
                : repository.findByTrackingCode(trackingCode.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * @param proposalId proposal id
     * @return the proposal
     * @throws NotFoundException if there is none
     */
    @Transactional(readOnly = true)
    public Proposal get(long proposalId) {
        return repository.findById(proposalId)
                .orElseThrow(() -> new NotFoundException("proposal", proposalId));
    }
}
