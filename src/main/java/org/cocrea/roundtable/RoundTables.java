package org.cocrea.roundtable;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.NotFoundException;
import org.cocrea.notification.MailOutbox;
import org.cocrea.kernel.BilingualText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one public entry to round-tables (the workflow, the demo and the pages use only this): creation with a
 * proposed date, confirmation, rescheduling and cancellation ({@link RoundTableLifecycle}), the personalised call,
 * invitations carrying iCalendar and reminders ({@link RoundTableInvitations}), public registration with capacity and
 * waiting list, withdrawal and attendance ({@link RoundTableRegistrations}), the two boards and the chosen topics
 * ({@link RoundTableBoards}). Each method is one transaction.
 * <p>
 * Refused input throws {@link InputRefusedException} naming every field and the message key of its reason
 * ({@code roundTable.refusal.*}, and {@code roundTables.error.*} for the public registration form); nothing is stored
 * then. An unknown round-table or registration id throws {@link NotFoundException}. Instants are absolute; the texts
 * show them in America/Argentina/Buenos_Aires.
 * <p>
 * Longer than 300 lines on purpose: it holds only one documented, transactional, one-line delegation per public
 * operation (29 of them, the API the workflow, the demo and the pages already call); the work is in the four parts.
 */
@Service
public class RoundTables {

    static final int TEXT_MAX = 4000;

    private final RoundTableLifecycle lifecycle;
    private final RoundTableInvitations invitations;
    private final RoundTableRegistrations registrations;
    private final RoundTableBoards boards;

    RoundTables(RoundTableLifecycle lifecycle, RoundTableInvitations invitations,
            RoundTableRegistrations registrations, RoundTableBoards boards) {
        this.lifecycle = lifecycle;
        this.invitations = invitations;
        this.registrations = registrations;
        this.boards = boards;
    }

    /**
     * Asks for one round-table per prioritised axis of the call that has none yet (the workflow starts them).
     *
     * @param callId call id
     * @return the axes requested
     */
    @Transactional
    public List<String> requestForCall(long callId) {
        return lifecycle.requestForCall(callId);
    }

    /**
     * The axes {@link #requestForCall(long)} would start a round-table for: those with prioritised proposals and no
     * round-table yet (a cancelled one counts as one).
     *
     * @param callId call id
     * @return axis ids, in the order of the call's prioritisation
     */
    @Transactional(readOnly = true)
    public List<String> axesToSchedule(long callId) {
        return lifecycle.axesToSchedule(callId);
    }

    /**
     * The scheduling service: creates the axis's round-table with the first acceptable date.
     *
     * @param callId            call id
     * @param axis              axis id
     * @param processInstanceId the round-table process instance
     * @return the round-table, status PROPOSED, titled "Mesa de co-creación: axis" / "Co-creation round-table: axis"
     *         ({@code roundTable.defaultTitle} of {@code i18n/bilingual})
     */
    @Transactional
    public RoundTable create(long callId, String axis, String processInstanceId) {
        return lifecycle.create(callId, axis, processInstanceId, null);
    }

    /**
     * The scheduling service: creates the axis's round-table with the first acceptable date and a title of its own.
     *
     * @param callId            call id
     * @param axis              axis id
     * @param processInstanceId the round-table process instance
     * @param title             the title in Spanish and English (an English one may be missing), or null for the
     *                          default title of {@link #create(long, String, String)}
     * @return the round-table, status PROPOSED (an existing round-table of the axis keeps its title)
     * @throws InputRefusedException when the title has no text, a text longer than 300 characters or control
     *                               characters
     */
    @Transactional
    public RoundTable create(long callId, String axis, String processInstanceId, BilingualText title) {
        return lifecycle.create(callId, axis, processInstanceId, title);
    }

    /**
     * Staff confirm (or change) the date, link and capacity; refused with every reason when the date is too soon,
     * on a non-working day, outside hours or overlapping another round-table of the call.
     *
     * @param id              round-table id
     * @param startsAt        start
     * @param durationMinutes length in minutes, or null to keep it
     * @param meetingLink     the virtual meeting's http(s) link
     * @param capacity        seats, 1 to 1000
     * @return the round-table, SCHEDULED
     * @throws InputRefusedException with the reasons
     */
    @Transactional
    public RoundTable confirm(long id, Instant startsAt, Integer durationMinutes, String meetingLink, Integer capacity) {
        return lifecycle.confirm(id, startsAt, durationMinutes, meetingLink, capacity);
    }

    /**
     * Moves a scheduled round-table to another date; the workflow then sends the updated invitation (same UID, higher
     * SEQUENCE) to the invitees and the registered people.
     *
     * @param id       round-table id
     * @param startsAt new start
     * @throws InputRefusedException with the reasons
     */
    @Transactional
    public void reschedule(long id, Instant startsAt) {
        lifecycle.reschedule(id, startsAt);
    }

    /**
     * Cancels a scheduled round-table that has not started; the workflow then sends {@code METHOD:CANCEL}.
     *
     * @param id round-table id
     * @throws InputRefusedException when it is not scheduled or has started
     */
    @Transactional
    public void cancel(long id) {
        lifecycle.cancel(id);
    }

    /**
     * Personalised call: records which organisations staff chose to invite and the information meeting.
     *
     * @param id              round-table id
     * @param organizationIds organisations suggested by the directory for the axis; may be empty
     * @param infoMeetingAt   the information meeting, in the future (required when inviting anyone)
     * @param infoMeetingLink its http(s) link (required when inviting anyone)
     * @throws InputRefusedException with the reasons
     */
    @Transactional
    public void invitePersonally(long id, Collection<Long> organizationIds, Instant infoMeetingAt,
            String infoMeetingLink) {
        invitations.invitePersonally(id, organizationIds, infoMeetingAt, infoMeetingLink);
    }

    /**
     * Mails each person of the invited organisations a personal invitation to the information meeting.
     *
     * @param id round-table id
     * @return how many invitations were written
     */
    @Transactional
    public int sendPersonalInvitations(long id) {
        return invitations.sendPersonalInvitations(id);
    }

    /**
     * @param id round-table id
     * @return the mailable people of the organisations invited personally
     */
    @Transactional(readOnly = true)
    public List<Invitee> invitedOrganizationInvitees(long id) {
        return invitations.invitedOrganizationInvitees(id);
    }

    /**
     * Who is invited besides the area representatives: the proposers of the axis's prioritised proposals.
     *
     * @param id round-table id
     * @return the proposers, one per e-mail
     */
    @Transactional(readOnly = true)
    public List<Invitee> proposerInvitees(long id) {
        return invitations.proposerInvitees(id);
    }

    /**
     * @param id round-table id
     * @return the area groups whose proposals on this axis were found feasible by an area willing to co-create
     */
    @Transactional(readOnly = true)
    public List<String> coCreatingAreaGroups(long id) {
        return invitations.coCreatingAreaGroups(id);
    }

    /**
     * Mails the invitation (or its update, or the cancellation) with the iCalendar attachment to the proposers of the
     * axis's prioritised proposals, the people of the organisations invited personally, the given invitees and
     * everyone registered (the waiting list only for a cancellation), once per address.
     *
     * @param id       round-table id
     * @param invitees further invitees: the representatives of the areas willing to co-create
     * @return how many mails were written
     */
    @Transactional
    public int sendInvitations(long id, Collection<Invitee> invitees) {
        return invitations.sendInvitations(id, invitees);
    }

    /**
     * Reminds the registered people (not the waiting list) of the meeting.
     *
     * @param id round-table id
     * @return how many reminders were written
     */
    @Transactional
    public int remind(long id) {
        return invitations.remind(id);
    }

    /**
     * Registers a person on the public page, with Spanish mails; see
     * {@link #register(long, String, String, String, String, boolean, String)}.
     *
     * @return the registration
     * @throws InputRefusedException with every reason (closed for registration, duplicate, invalid fields)
     */
    @Transactional
    public Registration register(long id, String name, String email, String organization, String organizationType,
            boolean consent) {
        return registrations.register(id, name, email, organization, organizationType, consent, "es");
    }

    /**
     * Registers a person on the public page: a seat while there are seats, else the waiting list. The mail saying
     * which is capped per address ({@code cocrea.limits.confirmation-mail.round-table-registration},
     * {@link MailOutbox#enqueueConfirmation}); the registration is stored either way.
     *
     * @param id               round-table id
     * @param name             required, at most 150 characters
     * @param email            required, valid
     * @param organization     at most 200 characters; may be empty for individuals
     * @param organizationType one of the organisation types or {@code ciudadania}
     * @param consent          must be true
     * @param language         {@code es} or {@code en}: the language of the person's mails
     * @return the registration
     * @throws InputRefusedException with every reason (codes {@code roundTables.error.*}: closed for registration,
     *                               duplicate, invalid fields)
     */
    @Transactional
    public Registration register(long id, String name, String email, String organization, String organizationType,
            boolean consent, String language) {
        return registrations.register(id, name, email, organization, organizationType, consent, language);
    }

    /**
     * Withdraws a registration (staff, at the person's request). While the round-table is scheduled and has not
     * started, the person gets a calendar cancellation and the first person on the waiting list gets the seat and
     * is told. Idempotent.
     *
     * @param registrationId registration id
     * @throws NotFoundException     when there is no such registration
     * @throws InputRefusedException when the round-table was already held
     */
    @Transactional
    public void withdraw(long registrationId) {
        registrations.withdraw(registrationId);
    }

    /**
     * Adds an entry to a board.
     *
     * @param id                 round-table id
     * @param board              which board
     * @param question           for the commitment board, one of {@link BoardEntry#COMMITMENT_QUESTIONS}
     * @param text               required, at most 4000 characters
     * @param authorOrganization the author's organisation, or empty for "anonymous"
     * @return the entry
     * @throws InputRefusedException with the reasons
     */
    @Transactional
    public BoardEntry addEntry(long id, BoardEntry.Board board, String question, String text, String authorOrganization) {
        return boards.addEntry(id, board, question, text, authorOrganization);
    }

    /**
     * @param id    round-table id
     * @param board which board
     * @return its entries in order
     */
    @Transactional(readOnly = true)
    public List<BoardEntry> entries(long id, BoardEntry.Board board) {
        return boards.entries(id, board);
    }

    /**
     * @param id    round-table id
     * @param board which board
     * @return the board as CSV: {@code time,question,author_organization,text} (time in Buenos Aires)
     */
    @Transactional(readOnly = true)
    public String boardCsv(long id, BoardEntry.Board board) {
        return boards.boardCsv(id, board);
    }

    /**
     * Phase 1: the areas' presentation of the proposals and their prioritisation.
     *
     * @param id           round-table id
     * @param presentation summary, required, at most 4000 characters
     * @throws InputRefusedException when missing or too long
     */
    @Transactional
    public void recordPresentation(long id, String presentation) {
        boards.recordPresentation(id, presentation);
    }

    /**
     * Phase 2: the commitment topic(s) chosen.
     *
     * @param id     round-table id
     * @param topics one or more, each at most 300 characters
     * @throws InputRefusedException when none or too long
     */
    @Transactional
    public void recordTopics(long id, List<String> topics) {
        boards.recordTopics(id, topics);
    }

    /**
     * Records who attended.
     *
     * @param id              round-table id
     * @param registrationIds the registrations that attended (others are marked absent)
     * @throws InputRefusedException when an id is not a live registration of this round-table
     */
    @Transactional
    public void recordAttendance(long id, Collection<Long> registrationIds) {
        registrations.recordAttendance(id, registrationIds);
    }

    /**
     * Marks the round-table as held (boards, topics and attendance complete).
     *
     * @param id round-table id
     * @throws IllegalStateException when it is not SCHEDULED
     */
    @Transactional
    public void markHeld(long id) {
        lifecycle.markHeld(id);
    }

    /**
     * @param id round-table id
     * @return its registrations, in order
     */
    @Transactional(readOnly = true)
    public List<Registration> registrations(long id) {
        return registrations.registrations(id);
    }

    /** @return scheduled round-tables that have not started, soonest first */
    @Transactional(readOnly = true)
    public List<RoundTable> upcoming() {
        return lifecycle.upcoming();
    }

    /**
     * @param callId call id
     * @return the call's round-tables
     */
    @Transactional(readOnly = true)
    public List<RoundTable> ofCall(long callId) {
        return lifecycle.ofCall(callId);
    }

    /**
     * The output Stage 3 reads.
     *
     * @param callId call id
     * @return chosen topics per axis, of the round-tables held
     */
    @Transactional(readOnly = true)
    public Map<String, List<String>> chosenTopics(long callId) {
        return boards.chosenTopics(callId);
    }

    /**
     * @param id round-table id
     * @return the round-table
     * @throws NotFoundException if unknown
     */
    @Transactional(readOnly = true)
    public RoundTable get(long id) {
        return lifecycle.get(id);
    }
}
