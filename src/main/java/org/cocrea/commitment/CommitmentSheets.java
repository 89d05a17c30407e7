package org.cocrea.commitment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stage 3 of co-creation: turns a topic chosen at a round-table into an OGP commitment sheet, keeps every version of
 * it, circulates the draft for public comment, records the comments per section and the team's reasoned answers,
 * sends the final text to the lead area for validation and publishes the commitment with its code.
 *
 * <p>Dates of the sheet are calendar days; instants (comment deadline) are shown in America/Argentina/Buenos_Aires.
 * Rules implemented: OGP action plan template (commitment sheet fields), OGP Participation and Co-Creation Standards
 * (draft shared for comment, reasoned response to every comment).
 *
 * <p>This is the feature's one public entry point (and its transaction boundary); the work is done by package-private
 * parts: {@link DraftCreation} (topics to drafts), {@link SheetRules} (the sheet's rules), {@link SheetVersions} and
 * {@link SheetDiff} (versions and their comparison), {@link DraftCirculation} and {@link DraftComments} (circulation,
 * comments and answers) and {@link SheetPublication} (validation by the lead area and publication). Refusals are
 * {@link InputRefusedException}s whose {@link FieldProblem}s name the field and a message key of {@code i18n/stage3};
 * an unknown commitment, comment or version is a {@link NotFoundException}. The class is over 300 lines only
 * because of the Javadoc of its two dozen public methods: each body is one delegation.
 */
@Service
public class CommitmentSheets {

    static final int MAX_TITLE = 500;
    static final int MAX_TEXT = 4000;
    static final int MAX_DESCRIPTION = 8000;
    static final int MAX_MILESTONES = 30;
    /** Dates outside these years are typing mistakes (and some do not fit the database's date type). */
    static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(2099, 12, 31);
    static final Duration MAX_WINDOW = Duration.ofDays(366);

    private final CommitmentRepository commitments;
    private final CommitmentCodeRepository codes;
    private final DraftCreation drafts;
    private final SheetRules rules;
    private final SheetVersions sheets;
    private final SheetDiff differ;
    private final DraftCirculation circulation;
    private final DraftComments comments;
    private final SheetPublication publication;

    CommitmentSheets(CommitmentRepository commitments, CommitmentCodeRepository codes, DraftCreation drafts,
            SheetRules rules, SheetVersions sheets, SheetDiff differ, DraftCirculation circulation,
            DraftComments comments, SheetPublication publication) {
        this.commitments = commitments;
        this.codes = codes;
        this.drafts = drafts;
        this.rules = rules;
        this.sheets = sheets;
        this.differ = differ;
        this.circulation = circulation;
        this.comments = comments;
        this.publication = publication;
    }

    /** A topic chosen at a held round-table, waiting to become a commitment sheet. */
    public record ChosenTopic(long callId, long roundTableId, String axis, String topic) {
    }

    /**
     * @param callId a call for proposals
     * @return every topic chosen at its held round-tables, in round-table order
     */
    @Transactional(readOnly = true)
    public List<ChosenTopic> chosenTopics(long callId) {
        return drafts.chosenTopics(callId);
    }

    /**
     * Creates the draft sheet of a chosen topic (idempotent: the same round-table and topic give the same draft),
     * prefilled from the round-table's phase 2 board: the public problem, the status quo, the solution ideas as the
     * description, the stakeholders as supporting institutions and one milestone per milestone idea (spanning the
     * default period, to be dated by the team). The default period starts on the first day of next month (Buenos
     * Aires) and lasts a year. Saved as version 1 by {@code system}.
     *
     * @param topic              the chosen topic
     * @param actionPlan         the action plan id, e.g. {@code ARBA-2021-2023}
     * @param coCreationInstance the co-creation instance (1 for the first)
     * @return the draft commitment's id
     */
    @Transactional
    public long createDraft(ChosenTopic topic, String actionPlan, int coCreationInstance) {
        return drafts.createDraft(topic, actionPlan, coCreationInstance);
    }

    /**
     * Creates the draft sheets of every topic chosen at the call's held round-table of one axis (idempotent, see
     * {@link #createDraft}), in the call's action plan and co-creation instance.
     *
     * @param callId the call for proposals
     * @param axis   the round-table's axis
     * @return the draft commitments' ids, in topic order (empty when the round-table was not held or chose none)
     */
    @Transactional
    public List<Long> createDrafts(long callId, String axis) {
        return drafts.createDrafts(callId, axis);
    }

    /**
     * @param commitmentId the Camunda process instance carrying the sheet through Stage 3
     * @param processInstanceId its id
     */
    @Transactional
    public void attachProcess(long commitmentId, String processInstanceId) {
        get(commitmentId).attachProcess(processInstanceId);
    }

    /**
     * @param id commitment id
     * @return the commitment with its milestones
     * @throws NotFoundException when unknown
     */
    @Transactional(readOnly = true)
    public Commitment get(long id) {
        Commitment c = commitments.findById(id).orElseThrow(() -> new NotFoundException("commitment", id));
        c.getMilestones().size();
        return c;
    }

    /**
     * @param id commitment id
     * @return its current sheet
     * @throws NotFoundException when unknown
     */
    @Transactional(readOnly = true)
    public CommitmentSheet sheet(long id) {
        return sheetOf(get(id));
    }

    /** @return the commitments not yet published, newest first (the staff list) */
    @Transactional(readOnly = true)
    public List<Commitment> inProgress() {
        return codes.findByStatusNotOrderByIdDesc(Commitment.Status.PUBLISHED);
    }


    /**
     * @return the drafts the public can read (circulating, being consolidated or validated), newest first; drafts being
     *         written and published commitments are not listed
     */
    @Transactional(readOnly = true)
    public List<Commitment> publicDrafts() {
        return codes.findByStatusInOrderByIdDesc(EnumSet.of(Commitment.Status.CIRCULATING,
                Commitment.Status.CONSOLIDATING, Commitment.Status.VALIDATING));
    }

    /**
     * Validates a sheet without saving it (server-side rules).
     *
     * @param sheet the sheet
     * @return every problem (empty when valid): required fields, lengths, control characters, dates between 2000 and
     *         2099, end after start, at least one milestone, milestones inside the commitment's dates, a known lead
     *         area, known OGP values
     */
    public List<FieldProblem> validate(CommitmentSheet sheet) {
        return rules.validate(sheet);
    }

    /**
     * Saves a new version of the sheet (who, when, note), after validating it. Refused once the commitment is
     * published, while it circulates (the circulated text must stay what people comment on) and while its lead area
     * validates it (what the area approves is what is published; a rejection reopens the sheet).
     *
     * @param id     commitment id
     * @param sheet  the new content
     * @param author the user id of the editor
     * @param note   a note on the change (optional, at most 1000 characters)
     * @return the new version number
     * @throws InputRefusedException   listing every problem; nothing is stored
     * @throws NotFoundException       when the commitment is unknown
     */
    @Transactional
    public int save(long id, CommitmentSheet sheet, String author, String note) {
        return sheets.save(get(id), sheet, author, note);
    }

    /**
     * @param id commitment id
     * @return the problems of the stored sheet (empty when it can circulate or be validated)
     */
    @Transactional(readOnly = true)
    public List<FieldProblem> problemsOf(long id) {
        return validate(sheet(id));
    }

    /** @return every saved version of the sheet, oldest first */
    @Transactional(readOnly = true)
    public List<CommitmentVersion> versions(long id) {
        return sheets.versions(id);
    }

    /**
     * What changed in one section between two versions.
     *
     * @param section the section
     * @param lines   the changed lines as HTML: the text escaped, removed words in {@code <del>}, added in {@code <ins>}
     */
    public record SectionChange(CommitmentSheet.Section section, List<String> lines) {
    }

    /**
     * Compares two versions section by section, word by word. The texts are HTML-escaped before the {@code <del>} and
     * {@code <ins>} marks are added, so the rows can be shown as HTML.
     *
     * @param id   commitment id
     * @param from the older version number
     * @param to   the newer version number
     * @return the changed sections only, in sheet order
     * @throws NotFoundException when a version does not exist
     */
    @Transactional(readOnly = true)
    public List<SectionChange> diff(long id, int from, int to) {
        return diff(id, from, to, Function.identity());
    }

    /**
     * Compares two versions section by section, word by word, as readers see them: OGP values by label, days as
     * {@code dd/MM/yyyy}. A word is what lies between spaces, so a changed date is shown whole (removed, then added),
     * never character by character; OGP values, a list, are shown removed or added whole, one per line. The texts are HTML-escaped before the {@code <del>} and {@code <ins>}
     * marks are added, so the rows can be shown as HTML.
     *
     * @param id       commitment id
     * @param from     the older version number
     * @param to       the newer version number
     * @param ogpLabel the label of an OGP value id in the reader's language
     * @return the changed sections only, in sheet order
     * @throws NotFoundException when a version does not exist
     */
    @Transactional(readOnly = true)
    public List<SectionChange> diff(long id, int from, int to, Function<String, String> ogpLabel) {
        return differ.diff(id, from, to, ogpLabel);
    }

    /**
     * Who is told about a circulated draft.
     *
     * @param email    address (lower case)
     * @param name     name, or null
     * @param language {@code es} or {@code en}, or null for Spanish
     * @param token    the directory's private token of a subscriber (one-click unsubscribe), or null for people
     *                 who are mailed because they took part (round-table, forum)
     */
    public record Recipient(String email, String name, String language, String token) {
    }

    /**
     * Everyone the draft goes to: the registered participants of the round-table that produced it (attended or not),
     * the multi-stakeholder forum's current members (term covers today, {@code forum.Forum}) and every subscriber to the
     * axis; one per address (lower case), invalid addresses left out.
     *
     * @param id commitment id
     * @return the recipients
     */
    @Transactional(readOnly = true)
    public List<Recipient> circulationRecipients(long id) {
        return circulation.recipients(get(id));
    }

    /**
     * Publishes the draft on its public page ({@code /drafts/{id}}) and mails every recipient the link and the
     * deadline. The sheet must be valid.
     *
     * @param id     commitment id
     * @param window how long comments are taken, e.g. {@code P10D} (from the BPMN); at least one hour, at most a year
     *               (a longer one is a typing mistake, and its deadline may not fit the database)
     * @return the comment deadline
     * @throws InputRefusedException when the sheet is not valid or not a draft being written
     */
    @Transactional
    public Instant circulate(long id, Duration window) {
        return circulation.circulate(get(id), window);
    }

    /**
     * Reminds the recipients that the comment window closes soon; nothing is sent once the deadline has passed.
     *
     * @param id commitment id
     * @return how many reminders were written
     */
    @Transactional
    public int remindCommenters(long id) {
        return circulation.remindCommenters(get(id));
    }

    /**
     * Closes the comment window: the draft waits for consolidation.
     *
     * @param id commitment id
     * @return how many comments were received
     */
    @Transactional
    public long closeComments(long id) {
        return circulation.closeComments(get(id));
    }

    /**
     * Takes a public comment on one section of a circulating draft.
     *
     * @param id           commitment id
     * @param section      section id ({@link CommitmentSheet.Section#id()})
     * @param name         the commenter's name (required, at most 200 characters)
     * @param organization organisation (optional, at most 300)
     * @param email        e-mail (required, valid; never published)
     * @param consent      consent to the publication of the comment with the name and organisation (required)
     * @param body         the comment (required, at most 4000 characters)
     * @return the stored comment
     * @throws InputRefusedException   listing each invalid field, or {@code comment.error.closed} when the window is
     *                                  closed (after the deadline, or the draft does not circulate)
     * @throws NotFoundException       when the commitment is unknown
     */
    @Transactional
    public DraftComment comment(long id, String section, String name, String organization, String email,
            boolean consent, String body) {
        return comments.comment(get(id), section, name, organization, email, consent, body);
    }

    /**
     * @param id commitment id
     * @return its comments grouped by section (sheet order), oldest first within a section
     */
    @Transactional(readOnly = true)
    public Map<CommitmentSheet.Section, List<DraftComment>> commentsBySection(long id) {
        return comments.bySection(id);
    }

    /** @return how many comments of the commitment have no answer yet */
    @Transactional(readOnly = true)
    public long unanswered(long id) {
        return comments.unanswered(id);
    }

    /**
     * Records the team's reasoned answer to a comment (published next to it). Allowed while consolidating.
     *
     * @param commentId comment id
     * @param answer    {@code ACCEPTED}, {@code PARTIALLY_ACCEPTED} or {@code NOT_ACCEPTED}
     * @param reason    the reason (required, at most 4000 characters)
     * @param by        the staff user id
     * @throws InputRefusedException   when the answer or reason is invalid or the draft is not being consolidated
     * @throws NotFoundException       when the comment is unknown
     */
    @Transactional
    public void answer(long commentId, String answer, String reason, String by) {
        DraftComment comment = comments.find(commentId);
        comments.answer(comment, get(comment.getCommitmentId()), answer, reason, by);
    }

    /**
     * Ends consolidation: every comment must have its answer; each commenter is told that the answers are published.
     *
     * @param id commitment id
     * @return how many commenters were mailed
     * @throws InputRefusedException when comments are still unanswered
     */
    @Transactional
    public int finishConsolidation(long id) {
        return comments.finishConsolidation(get(id));
    }

    /**
     * Sends the final text to the lead area for validation. The sheet must be valid and every comment answered.
     *
     * @param id commitment id
     * @return the lead area's candidate group
     * @throws InputRefusedException when the sheet is invalid or comments are unanswered
     */
    @Transactional
    public String requestValidation(long id) {
        return publication.requestValidation(get(id));
    }

    /**
     * The lead area rejected the text: it goes back to the team, which revises the sheet.
     *
     * @param id     commitment id
     * @param reason the area's reason (required, at most 4000 characters)
     * @throws InputRefusedException when the reason is missing or too long, or the commitment is not waiting for
     *                               validation (a published one never goes back)
     */
    @Transactional
    public void rejectValidation(long id, String reason) {
        publication.rejectValidation(get(id), reason);
    }

    /**
     * Publishes the commitment: gives it the next code ({@code cocrea.commitment.code-prefix} and a zero-padded number
     * one above the highest code with that prefix, e.g. {@code ARBA0007}), marks it published (it appears in the
     * action plan) and publishes {@link CommitmentPublished}, on which its follow-up starts. Idempotent.
     *
     * @param id commitment id
     * @return the code
     * @throws InputRefusedException when the commitment was not validated
     */
    @Transactional
    public String publish(long id) {
        return publication.publish(get(id));
    }

    /** @return the sheet as stored on the commitment (package use: the page controller) */
    CommitmentSheet sheetOf(Commitment c) {
        return sheets.sheetOf(c);
    }
}
