package org.cocrea.proposal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.NotFoundException;
import org.cocrea.notification.MailOutbox;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The proposals of the public consultation, the one public entry to {@code proposal}: submission
 * ({@link ProposalIntake}), routing result, feasibility review and reasoned response ({@link ProposalReviews}), and
 * prioritisation with the carry-over between co-creation instances ({@link ProposalPrioritisation}). Every state change
 * that mails someone writes the mail to the outbox in the same transaction; each public method is one transaction.
 * About 300 lines because it is the documented public API of the feature: each method is a transaction boundary
 * delegating in a line or two to its part.
 */
@Service
public class Proposals {

    private final ProposalRepository repository;
    private final ProposalIntake intake;
    private final ProposalReviews reviews;
    private final ProposalPrioritisation prioritisation;
    private final MessageSource messages;
    private final Clock clock;

    Proposals(ProposalRepository repository, ProposalIntake intake, ProposalReviews reviews,
            ProposalPrioritisation prioritisation, MessageSource messages, Clock clock) {
        this.repository = repository;
        this.intake = intake;
        this.reviews = reviews;
        this.prioritisation = prioritisation;
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
        return intake.store(input, channel, clock.instant());
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
        return intake.store(input, Channel.CSV, submittedAt == null ? clock.instant() : submittedAt);
    }

    /**
     * @param axis   axis id
     * @param locale reader's locale
     * @return the axis name from {@code messages*.properties} ({@code axis.<id>}), or the id if none is defined
     */
    public String axisName(String axis, Locale locale) {
        return axisName(messages, axis, locale);
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
        reviews.recordReview(proposalId, verdictCode, reasoning, willingToCoCreate, contactPerson, reviewedBy);
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
        return reviews.draftResponse(proposalId);
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
        reviews.recordResponse(proposalId, responseText);
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
        reviews.sendResponse(proposalId);
    }

    /**
     * @param callId call id
     * @return the feasible and partially feasible proposals of the call, grouped by axis (axes sorted)
     */
    @Transactional(readOnly = true)
    public Map<String, List<Proposal>> feasibleByAxis(long callId) {
        return prioritisation.feasibleByAxis(callId);
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
        return prioritisation.carryOverInto(toCallId);
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
        prioritisation.prioritise(callId, proposalIds);
    }

    /**
     * The output of Stage 1 that the co-creation round-tables read.
     *
     * @param callId call id
     * @return prioritised proposals grouped by axis, axes in the call's order
     */
    @Transactional(readOnly = true)
    public Map<String, List<Proposal>> prioritisedByAxis(long callId) {
        return prioritisation.prioritisedByAxis(callId);
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
        return find(repository, proposalId);
    }

    /** The axis name from the bundles ({@code axis.<id>}), or the id if none is defined. */
    static String axisName(MessageSource messages, String axis, Locale locale) {
        return messages.getMessage("axis." + axis, null, axis, locale);
    }

    /** @throws IllegalArgumentException if there is no such proposal */
    static Proposal find(ProposalRepository repository, long proposalId) {
        return repository.findById(proposalId)
                .orElseThrow(() -> new NotFoundException("proposal", proposalId));
    }
}
