package org.cocrea.commitment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;

import org.cocrea.CocreaApplication;
import org.cocrea.area.Area;
import org.cocrea.area.Areas;
import org.cocrea.notification.EmailAddresses;
import org.cocrea.notification.MailOutbox;
import org.cocrea.notification.OutgoingMail;
import org.cocrea.participant.Contacts;
import org.cocrea.roundtable.BoardEntry;
import org.cocrea.roundtable.Registration;
import org.cocrea.roundtable.RoundTable;
import org.cocrea.roundtable.RoundTables;
import org.cocrea.kernel.Dates;
import org.cocrea.kernel.InputText;
import org.springframework.context.ApplicationEventPublisher;
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
    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);

    private final CommitmentRepository commitments;
    private final CommitmentVersionRepository versions;
    private final DraftCommentRepository comments;
    private final CommitmentCodeRepository codes;
    private final RoundTables roundTables;
    private final org.cocrea.consultation.Consultations consultations;
    private final Contacts contacts;
    private final Areas areas;
    private final MailOutbox outbox;
    private final Dates dates;
    private final CommitmentProperties properties;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final String baseUrl;

    CommitmentSheets(CommitmentRepository commitments, CommitmentVersionRepository versions,
            DraftCommentRepository comments, CommitmentCodeRepository codes,
            RoundTables roundTables, org.cocrea.consultation.Consultations consultations, Contacts contacts, Areas areas, MailOutbox outbox, Dates dates,
            CommitmentProperties properties, ApplicationEventPublisher events, ObjectMapper json, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${cocrea.public-base-url}") String baseUrl) {
        this.baseUrl = baseUrl;
        this.commitments = commitments;
        this.versions = versions;
        this.comments = comments;
        this.codes = codes;
        this.roundTables = roundTables;
        this.consultations = consultations;
        this.contacts = contacts;
        this.areas = areas;
        this.outbox = outbox;
        this.dates = dates;
        this.properties = properties;
        this.events = events;
        this.json = json;
        this.clock = clock;
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
        List<ChosenTopic> out = new ArrayList<>();
        for (RoundTable table : roundTables.ofCall(callId)) {
            if (table.getStatus() == org.cocrea.roundtable.RoundTableStatus.HELD) {
                table.getTopics().forEach(t -> out.add(new ChosenTopic(callId, table.getId(), table.getAxis(), t)));
            }
        }
        return out;
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
        Optional<Commitment> existing = commitments.findByRoundTableIdAndTopic(topic.roundTableId(), topic.topic());
        if (existing.isPresent()) {
            return existing.get().getId();
        }
        LocalDate start = LocalDate.now(clock.withZone(ZONE)).withDayOfMonth(1).plusMonths(1);
        LocalDate end = start.plusYears(1).minusDays(1);
        String leadGroup = leadAreaGroup(topic);
        String title = cut(topic.topic(), MAX_TITLE);
        Commitment c = Commitment.draft(actionPlan, coCreationInstance, topic.callId(), topic.roundTableId(),
                topic.axis(), title, leadGroup, start, end);
        Map<String, List<String>> board = new LinkedHashMap<>();
        for (BoardEntry e : roundTables.entries(topic.roundTableId(), BoardEntry.Board.COMMITMENT)) {
            String line = e.getText() + (e.getAuthorOrganization() == null || e.getAuthorOrganization().isBlank() ? ""
                    : " (" + e.getAuthorOrganization() + ")");
            board.computeIfAbsent(e.getQuestion(), k -> new ArrayList<>()).add(line);
        }
        List<CommitmentSheet.MilestoneInput> milestones = board.getOrDefault("milestones", List.of()).stream()
                .limit(MAX_MILESTONES)
                .map(t -> new CommitmentSheet.MilestoneInput(cut(t, MAX_TITLE), start, end, null)).toList();
        CommitmentSheet sheet = new CommitmentSheet(title, "", leadGroup, areaName(leadGroup),
                bullets(board.get("stakeholders"), MAX_TEXT), start, end, bullets(board.get("public-problem"), MAX_TEXT),
                bullets(board.get("status-quo"), MAX_TEXT), bullets(board.get("solution-ideas"), MAX_DESCRIPTION), "",
                "", List.of(), "", "", milestones);
        c.apply(sheet, false);
        nameLeadAreaInEnglish(c);
        commitments.save(c);
        versions.save(new CommitmentVersion(c.getId(), 1, toJson(sheet), "system", clock.instant(),
                "round-table " + topic.roundTableId()));
        return c.getId();
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
        org.cocrea.consultation.CallForProposals call = consultations.get(callId);
        List<Long> ids = new ArrayList<>();
        for (ChosenTopic topic : chosenTopics(callId)) {
            if (topic.axis().equals(axis)) {
                ids.add(createDraft(topic, call.getActionPlan(), call.getCoCreationInstance()));
            }
        }
        return ids;
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
     * @throws IllegalArgumentException when unknown
     */
    @Transactional(readOnly = true)
    public Commitment get(long id) {
        Commitment c = commitments.findById(id).orElseThrow(() -> new IllegalArgumentException("No commitment " + id));
        c.getMilestones().size();
        return c;
    }

    /**
     * @param id commitment id
     * @return its current sheet
     * @throws IllegalArgumentException when unknown
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
        return codes.findByStatusInOrderByIdDesc(java.util.EnumSet.of(Commitment.Status.CIRCULATING,
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
    public List<InvalidSheetException.Problem> validate(CommitmentSheet sheet) {
        List<InvalidSheetException.Problem> p = new ArrayList<>();
        required(p, "titleEs", sheet.titleEs(), MAX_TITLE);
        optional(p, "titleEn", sheet.titleEn(), MAX_TITLE);
        if (sheet.leadAreaGroup() == null || areas.byCandidateGroup(sheet.leadAreaGroup()).isEmpty()) {
            p.add(new InvalidSheetException.Problem("leadAreaGroup", "sheet.error.leadArea"));
        }
        optional(p, "leadArea", sheet.leadArea(), 300);
        optional(p, "supportingInstitutions", sheet.supportingInstitutions(), MAX_TEXT);
        required(p, "publicProblem", sheet.publicProblem(), MAX_TEXT);
        optional(p, "statusQuo", sheet.statusQuo(), MAX_TEXT);
        required(p, "description", sheet.description(), MAX_DESCRIPTION);
        required(p, "objective", sheet.objective(), MAX_TEXT);
        optional(p, "howItHelps", sheet.howItHelps(), MAX_TEXT);
        optional(p, "additionalInfo", sheet.additionalInfo(), MAX_TEXT);
        optional(p, "contact", sheet.contact(), 300);
        if (sheet.ogpValues().isEmpty()) {
            p.add(new InvalidSheetException.Problem("ogpValues", "sheet.error.ogpValues"));
        } else if (!CommitmentSheet.OGP_VALUES.containsAll(sheet.ogpValues())) {
            p.add(new InvalidSheetException.Problem("ogpValues", "sheet.error.unknownValue"));
        }
        boolean datesOk = true;
        if (sheet.startDate() == null) {
            p.add(new InvalidSheetException.Problem("startDate", "sheet.error.required"));
            datesOk = false;
        }
        if (sheet.endDate() == null) {
            p.add(new InvalidSheetException.Problem("endDate", "sheet.error.required"));
            datesOk = false;
        }
        for (String field : List.of("startDate", "endDate")) {
            LocalDate day = "startDate".equals(field) ? sheet.startDate() : sheet.endDate();
            if (day != null && !plausible(day)) {
                p.add(new InvalidSheetException.Problem(field, "sheet.error.dateRange"));
                datesOk = false;
            }
        }
        if (datesOk && !sheet.endDate().isAfter(sheet.startDate())) {
            p.add(new InvalidSheetException.Problem("endDate", "sheet.error.endBeforeStart"));
        }
        if (datesOk && sheet.endDate().isAfter(sheet.startDate().plusYears(4))) {
            p.add(new InvalidSheetException.Problem("endDate", "sheet.error.period"));
        }
        if (sheet.milestones().isEmpty()) {
            p.add(new InvalidSheetException.Problem("milestones", "sheet.error.noMilestone"));
        }
        if (sheet.milestones().size() > MAX_MILESTONES) {
            p.add(new InvalidSheetException.Problem("milestones", "sheet.error.tooManyMilestones"));
        }
        for (int i = 0; i < sheet.milestones().size(); i++) {
            CommitmentSheet.MilestoneInput m = sheet.milestones().get(i);
            String f = "milestones[" + i + "].";
            required(p, f + "title", m.title(), MAX_TITLE);
            optional(p, f + "responsibleArea", m.responsibleArea(), 300);
            if (m.startDate() == null || m.endDate() == null) {
                p.add(new InvalidSheetException.Problem(f + (m.startDate() == null ? "startDate" : "endDate"),
                        "sheet.error.required"));
                continue;
            }
            if (m.endDate().isBefore(m.startDate())) {
                p.add(new InvalidSheetException.Problem(f + "endDate", "sheet.error.endBeforeStart"));
            }
            if (datesOk && (m.startDate().isBefore(sheet.startDate()) || m.endDate().isAfter(sheet.endDate()))) {
                p.add(new InvalidSheetException.Problem(f + "endDate", "sheet.error.milestoneOutside"));
            }
        }
        return p;
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
     * @throws InvalidSheetException    listing every problem; nothing is stored
     * @throws IllegalArgumentException when the commitment is unknown
     */
    @Transactional
    public int save(long id, CommitmentSheet sheet, String author, String note) {
        Commitment c = get(id);
        if (c.sheetLocked()) {
            throw new InvalidSheetException(List.of(new InvalidSheetException.Problem("status", "sheet.error.locked")));
        }
        List<InvalidSheetException.Problem> problems = new ArrayList<>(validate(sheet));
        if (note != null && (InputText.exceeds(note, 1000) || InputText.hasForbiddenCharacters(note))) {
            problems.add(new InvalidSheetException.Problem("note", "sheet.error.tooLong"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSheetException(problems);
        }
        CommitmentSheet complete = sheet.leadArea() == null || sheet.leadArea().isBlank()
                ? withLeadArea(sheet, areaName(sheet.leadAreaGroup())) : sheet;
        if (complete.equals(sheetOf(c))) {
            return c.getVersion();
        }
        c.apply(complete, true);
        nameLeadAreaInEnglish(c);
        versions.save(new CommitmentVersion(id, c.getVersion(), toJson(complete), author, clock.instant(),
                note == null || note.isBlank() ? null : note.strip()));
        return c.getVersion();
    }

    /**
     * @param id commitment id
     * @return the problems of the stored sheet (empty when it can circulate or be validated)
     */
    @Transactional(readOnly = true)
    public List<InvalidSheetException.Problem> problemsOf(long id) {
        return validate(sheet(id));
    }

    /** @return every saved version of the sheet, oldest first */
    @Transactional(readOnly = true)
    public List<CommitmentVersion> versions(long id) {
        return versions.findByCommitmentIdOrderByVersionAsc(id);
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
     * @throws IllegalArgumentException when a version does not exist
     */
    @Transactional(readOnly = true)
    public List<SectionChange> diff(long id, int from, int to) {
        return diff(id, from, to, java.util.function.Function.identity());
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
     * @throws IllegalArgumentException when a version does not exist
     */
    @Transactional(readOnly = true)
    public List<SectionChange> diff(long id, int from, int to, java.util.function.Function<String, String> ogpLabel) {
        CommitmentSheet a = fromJson(versions.findByCommitmentIdAndVersion(id, from)
                .orElseThrow(() -> new IllegalArgumentException("No version " + from)).getSheet());
        CommitmentSheet b = fromJson(versions.findByCommitmentIdAndVersion(id, to)
                .orElseThrow(() -> new IllegalArgumentException("No version " + to)).getSheet());
        DiffRowGenerator generator = DiffRowGenerator.create().showInlineDiffs(true)
                .inlineDiffBySplitter(CommitmentSheets::words)
                .mergeOriginalRevised(true).lineNormalizer(CommitmentSheets::escape)
                .oldTag(open -> open ? "<del>" : "</del>").newTag(open -> open ? "<ins>" : "</ins>").build();
        List<SectionChange> out = new ArrayList<>();
        for (CommitmentSheet.Section s : CommitmentSheet.Section.values()) {
            String before = a.text(s, ogpLabel);
            String after = b.text(s, ogpLabel);
            if (!before.equals(after) && s == CommitmentSheet.Section.OGP_VALUES) {
                // a list of labels: a value is removed or added whole
                List<String> old = Arrays.asList(before.split("\n"));
                List<String> now = Arrays.asList(after.split("\n"));
                List<String> lines = new ArrayList<>();
                old.stream().filter(v -> !v.isEmpty() && !now.contains(v)).forEach(v -> lines.add("<del>" + escape(v) + "</del>"));
                now.stream().filter(v -> !v.isEmpty() && !old.contains(v)).forEach(v -> lines.add("<ins>" + escape(v) + "</ins>"));
                out.add(new SectionChange(s, lines));
            } else if (!before.equals(after)) {
                List<DiffRow> rows = generator.generateDiffRows(Arrays.asList(before.split("\n", -1)),
                        Arrays.asList(after.split("\n", -1)));
                out.add(new SectionChange(s, rows.stream().filter(r -> r.getTag() != DiffRow.Tag.EQUAL)
                        .map(CommitmentSheets::html).toList()));
            }
        }
        return out;
    }

    /** Splits a line into words and the runs of spaces between them, keeping both (the diff puts them back). */
    private static List<String> words(String line) {
        return new ArrayList<>(Arrays.asList(WORD_BOUNDARY.split(line, -1)));
    }

    private static final java.util.regex.Pattern WORD_BOUNDARY = java.util.regex.Pattern
            .compile("(?<=\\s)(?=\\S)|(?<=\\S)(?=\\s)");

    private static String html(DiffRow row) {
        return switch (row.getTag()) {
            case INSERT -> row.getNewLine().contains("<ins>") ? row.getNewLine() : "<ins>" + row.getNewLine() + "</ins>";
            case DELETE -> row.getOldLine().contains("<del>") ? row.getOldLine() : "<del>" + row.getOldLine() + "</del>";
            default -> row.getOldLine();
        };
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
     * the multi-stakeholder forum's members ({@code cocrea.commitment.forum-members}) and every subscriber to the
     * axis; one per address (lower case), invalid addresses left out.
     *
     * @param id commitment id
     * @return the recipients
     */
    @Transactional(readOnly = true)
    public List<Recipient> circulationRecipients(long id) {
        Commitment c = get(id);
        Map<String, Recipient> out = new LinkedHashMap<>();
        if (c.getRoundTableId() != null) {
            for (Registration r : roundTables.registrations(c.getRoundTableId())) {
                if (r.getStatus() == Registration.Status.REGISTERED) {
                    add(out, r.getEmail(), r.getName(), r.getLanguage(), null);
                }
            }
        }
        properties.forumMembers().forEach(e -> add(out, e, null, null, null));
        if (c.getAxis() != null) {
            contacts.mailableOfAxis(c.getAxis()).forEach(k -> add(out, k.getEmail(), k.getName(), k.getLanguage(),
                    k.getToken()));
        }
        return new ArrayList<>(out.values());
    }

    /**
     * Publishes the draft on its public page ({@code /drafts/{id}}) and mails every recipient the link and the
     * deadline. The sheet must be valid.
     *
     * @param id     commitment id
     * @param window how long comments are taken, e.g. {@code P10D} (from the BPMN); at least one hour, at most a year
     *               (a longer one is a typing mistake, and its deadline may not fit the database)
     * @return the comment deadline
     * @throws InvalidSheetException when the sheet is not valid or not a draft being written
     */
    @Transactional
    public Instant circulate(long id, Duration window) {
        Commitment c = get(id);
        List<InvalidSheetException.Problem> problems = new ArrayList<>(validate(sheetOf(c)));
        if (c.getStatus() != Commitment.Status.DRAFT) {
            problems.add(new InvalidSheetException.Problem("status", "sheet.error.notDraft"));
        }
        if (window == null || window.compareTo(Duration.ofHours(1)) < 0 || window.compareTo(MAX_WINDOW) > 0) {
            problems.add(new InvalidSheetException.Problem("commentWindow", "sheet.error.window"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSheetException(problems);
        }
        Instant deadline = clock.instant().plus(window);
        c.startCirculation(deadline);
        mailAll(c, "mail.draftCirculated", "draft-circulated");
        return deadline;
    }

    /**
     * Reminds the recipients that the comment window closes soon; nothing is sent once the deadline has passed.
     *
     * @param id commitment id
     * @return how many reminders were written
     */
    @Transactional
    public int remindCommenters(long id) {
        Commitment c = get(id);
        if (c.getStatus() != Commitment.Status.CIRCULATING || !clock.instant().isBefore(c.getCommentDeadline())) {
            return 0;
        }
        return mailAll(c, "mail.draftReminder", "draft-reminder");
    }

    /**
     * Closes the comment window: the draft waits for consolidation.
     *
     * @param id commitment id
     * @return how many comments were received
     */
    @Transactional
    public long closeComments(long id) {
        Commitment c = get(id);
        if (c.getStatus() == Commitment.Status.CIRCULATING) {
            c.closeComments();
        }
        return comments.countByCommitmentId(id);
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
     * @throws InvalidSheetException    listing each invalid field, or {@code comment.error.closed} when the window is
     *                                  closed (after the deadline, or the draft does not circulate)
     * @throws IllegalArgumentException when the commitment is unknown
     */
    @Transactional
    public DraftComment comment(long id, String section, String name, String organization, String email,
            boolean consent, String body) {
        Commitment c = get(id);
        if (c.getStatus() != Commitment.Status.CIRCULATING || c.getCommentDeadline() == null
                || !clock.instant().isBefore(c.getCommentDeadline())) {
            throw new InvalidSheetException(List.of(new InvalidSheetException.Problem("deadline",
                    "comment.error.closed")));
        }
        List<InvalidSheetException.Problem> p = new ArrayList<>();
        try {
            CommitmentSheet.Section.of(section);
        } catch (IllegalArgumentException e) {
            p.add(new InvalidSheetException.Problem("section", "comment.error.section"));
        }
        required(p, "name", name, 200);
        optional(p, "organization", organization, 300);
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (!EmailAddresses.isValid(address)) {
            p.add(new InvalidSheetException.Problem("email", "comment.error.email"));
        }
        if (!consent) {
            p.add(new InvalidSheetException.Problem("consent", "comment.error.consent"));
        }
        required(p, "body", body, MAX_TEXT);
        if (!p.isEmpty()) {
            throw new InvalidSheetException(p);
        }
        return comments.save(new DraftComment(id, c.getVersion(), section, name.strip(),
                organization == null || organization.isBlank() ? null : organization.strip(), address, body.strip(),
                clock.instant()));
    }

    /**
     * @param id commitment id
     * @return its comments grouped by section (sheet order), oldest first within a section
     */
    @Transactional(readOnly = true)
    public Map<CommitmentSheet.Section, List<DraftComment>> commentsBySection(long id) {
        Map<CommitmentSheet.Section, List<DraftComment>> out = new LinkedHashMap<>();
        for (CommitmentSheet.Section s : CommitmentSheet.Section.values()) {
            out.put(s, new ArrayList<>());
        }
        comments.findByCommitmentIdOrderByIdAsc(id)
                .forEach(k -> out.get(CommitmentSheet.Section.of(k.getSection())).add(k));
        return out;
    }

    /** @return how many comments of the commitment have no answer yet */
    @Transactional(readOnly = true)
    public long unanswered(long id) {
        return comments.countByCommitmentIdAndAnswerIsNull(id);
    }

    /**
     * Records the team's reasoned answer to a comment (published next to it). Allowed while consolidating.
     *
     * @param commentId comment id
     * @param answer    {@code ACCEPTED}, {@code PARTIALLY_ACCEPTED} or {@code NOT_ACCEPTED}
     * @param reason    the reason (required, at most 4000 characters)
     * @param by        the staff user id
     * @throws InvalidSheetException    when the answer or reason is invalid or the draft is not being consolidated
     * @throws IllegalArgumentException when the comment is unknown
     */
    @Transactional
    public void answer(long commentId, String answer, String reason, String by) {
        DraftComment comment = comments.findById(commentId)
                .orElseThrow(() -> new IllegalArgumentException("No comment " + commentId));
        List<InvalidSheetException.Problem> p = new ArrayList<>();
        if (get(comment.getCommitmentId()).getStatus() != Commitment.Status.CONSOLIDATING) {
            p.add(new InvalidSheetException.Problem("status", "comment.error.notConsolidating"));
        }
        DraftComment.Answer value = null;
        try {
            value = DraftComment.Answer.valueOf(answer == null ? "" : answer);
        } catch (IllegalArgumentException e) {
            p.add(new InvalidSheetException.Problem("answer", "comment.error.answer"));
        }
        required(p, "reason", reason, MAX_TEXT);
        if (!p.isEmpty()) {
            throw new InvalidSheetException(p);
        }
        comment.answer(value, reason.strip(), by, clock.instant());
    }

    /**
     * Ends consolidation: every comment must have its answer; each commenter is told that the answers are published.
     *
     * @param id commitment id
     * @return how many commenters were mailed
     * @throws InvalidSheetException when comments are still unanswered
     */
    @Transactional
    public int finishConsolidation(long id) {
        Commitment c = get(id);
        long open = unanswered(id);
        if (open > 0) {
            throw new InvalidSheetException(List.of(new InvalidSheetException.Problem("comments",
                    "comment.error.unanswered")));
        }
        Map<String, DraftComment> commenters = new LinkedHashMap<>();
        comments.findByCommitmentIdOrderByIdAsc(id).forEach(k -> commenters.putIfAbsent(k.getEmail(), k));
        for (DraftComment k : commenters.values()) {
            outbox.enqueue(new OutgoingMail(k.getEmail(), Locale.forLanguageTag("es"), "mail/draft-answers",
                    "mail.draftAnswers.subject", new Object[] {c.getTitleEs()}, model(c, k.getAuthorName()),
                    "draft-answers", "commitment-" + id));
        }
        return commenters.size();
    }

    /**
     * Sends the final text to the lead area for validation. The sheet must be valid and every comment answered.
     *
     * @param id commitment id
     * @return the lead area's candidate group
     * @throws InvalidSheetException when the sheet is invalid or comments are unanswered
     */
    @Transactional
    public String requestValidation(long id) {
        Commitment c = get(id);
        List<InvalidSheetException.Problem> p = new ArrayList<>(validate(sheetOf(c)));
        if (unanswered(id) > 0) {
            p.add(new InvalidSheetException.Problem("comments", "comment.error.unanswered"));
        }
        if (c.getStatus() == Commitment.Status.PUBLISHED || c.getStatus() == Commitment.Status.CIRCULATING) {
            p.add(new InvalidSheetException.Problem("status", "sheet.error.locked"));
        }
        if (!p.isEmpty()) {
            throw new InvalidSheetException(p);
        }
        c.requestValidation();
        return c.getLeadAreaGroup();
    }

    /**
     * The lead area rejected the text: it goes back to the team, which revises the sheet.
     *
     * @param id     commitment id
     * @param reason the area's reason (required, at most 4000 characters)
     * @throws InvalidSheetException when the reason is missing or too long, or the commitment is not waiting for
     *                               validation (a published one never goes back)
     */
    @Transactional
    public void rejectValidation(long id, String reason) {
        Commitment c = get(id);
        List<InvalidSheetException.Problem> p = new ArrayList<>();
        if (c.getStatus() != Commitment.Status.VALIDATING) {
            p.add(new InvalidSheetException.Problem("status", "sheet.error.notValidating"));
        }
        required(p, "reason", reason, MAX_TEXT);
        if (!p.isEmpty()) {
            throw new InvalidSheetException(p);
        }
        c.backToConsolidation();
    }

    /**
     * Publishes the commitment: gives it the next code ({@code cocrea.commitment.code-prefix} and a zero-padded number
     * one above the highest code with that prefix, e.g. {@code ARBA0007}), marks it published (it appears in the
     * action plan) and publishes {@link CommitmentPublished}, on which its follow-up starts. Idempotent.
     *
     * @param id commitment id
     * @return the code
     * @throws InvalidSheetException when the commitment was not validated
     */
    @Transactional
    public String publish(long id) {
        Commitment c = get(id);
        if (c.getStatus() == Commitment.Status.PUBLISHED) {
            return c.getCode();
        }
        if (c.getStatus() != Commitment.Status.VALIDATING) {
            throw new InvalidSheetException(List.of(new InvalidSheetException.Problem("status",
                    "sheet.error.notValidated")));
        }
        String prefix = properties.codePrefix();
        int next = codes.codesStartingWith(prefix).stream().map(code -> code.substring(prefix.length()))
                .filter(n -> n.matches("\\d+")).mapToInt(Integer::parseInt).max().orElse(0) + 1;
        String code = prefix + String.format(Locale.ROOT, "%0" + properties.codeDigits() + "d", next);
        c.publishAs(code, clock.instant());
        commitments.flush();
        events.publishEvent(new CommitmentPublished(id, code));
        return code;
    }

    /** Mails every recipient with {@code mail/draft-circulated}: subject {@code <keys>.subject}, text {@code <keys>.body}. */
    private int mailAll(Commitment c, String keys, String kind) {
        String template = "mail/draft-circulated";
        String subject = keys + ".subject";
        List<Recipient> recipients = circulationRecipients(c.getId());
        for (Recipient r : recipients) {
            Locale locale = "en".equals(r.language()) ? Locale.ENGLISH : Locale.forLanguageTag("es");
            Map<String, Object> model = model(c, r.name());
            model.put("bodyKey", keys + ".body");
            // Subscribers (mailed because of the directory) get the one-click unsubscribe link and header.
            String unsubscribe = r.token() == null ? null : baseUrl + "/unsubscribe/" + r.token();
            model.put("unsubscribeLink", unsubscribe == null ? "" : unsubscribe);
            model.put("myDataLink", r.token() == null ? "" : baseUrl + "/my-data/" + r.token());
            outbox.enqueue(new OutgoingMail(r.email(), locale, template, subject, new Object[] {c.getTitleEs()},
                    model, kind, "commitment-" + c.getId(), unsubscribe));
        }
        return recipients.size();
    }

    private Map<String, Object> model(Commitment c, String name) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", name == null ? "" : name);
        model.put("title", c.getTitleEs());
        model.put("deadline", dates.format(c.getCommentDeadline()));
        model.put("commitmentId", c.getId());
        return model;
    }

    private static void add(Map<String, Recipient> out, String email, String name, String language, String token) {
        if (email == null) {
            return;
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        if (EmailAddresses.isValid(address)) {
            out.putIfAbsent(address, new Recipient(address, name, language, token));
        }
    }

    CommitmentSheet sheetOf(Commitment c) {
        return new CommitmentSheet(c.getTitleEs(), nz(c.getTitleEn()), c.getLeadAreaGroup(), nz(c.getLeadArea()),
                nz(c.getSupportingInstitutions()), c.getStartDate(), c.getEndDate(), nz(c.getPublicProblem()),
                nz(c.getStatusQuo()), nz(c.getDescription()), nz(c.getObjective()), nz(c.getHowItHelps()),
                c.getOgpValues(), nz(c.getAdditionalInfo()), nz(c.getContact()),
                c.getMilestones().stream().map(m -> new CommitmentSheet.MilestoneInput(m.getTitle(), m.getStartDate(),
                        m.getEndDate(), m.getResponsibleArea())).toList());
    }

    private String leadAreaGroup(ChosenTopic topic) {
        List<String> coCreating = roundTables.coCreatingAreaGroups(topic.roundTableId());
        if (!coCreating.isEmpty()) {
            return coCreating.get(0);
        }
        return areas.all().stream().filter(a -> a.getAxes().contains(topic.axis())).map(Area::getCandidateGroup)
                .findFirst().orElse(null);
    }

    /**
     * The sheet names its lead area in Spanish; when that is the area's own name (areas.csv), English pages show the
     * area's English name, otherwise the sheet's text marked as Spanish only.
     */
    private void nameLeadAreaInEnglish(Commitment c) {
        String english = c.getLeadAreaGroup() == null ? null : areas.byCandidateGroup(c.getLeadAreaGroup())
                .filter(a -> a.getNameEs().equals(c.getLeadArea())).map(Area::getNameEn).orElse(null);
        c.nameLeadArea(c.getLeadArea(), english);
    }

    private String areaName(String group) {
        return group == null ? "" : areas.byCandidateGroup(group).map(Area::getNameEs).orElse("");
    }

    private static CommitmentSheet withLeadArea(CommitmentSheet s, String leadArea) {
        return new CommitmentSheet(s.titleEs(), s.titleEn(), s.leadAreaGroup(), leadArea, s.supportingInstitutions(),
                s.startDate(), s.endDate(), s.publicProblem(), s.statusQuo(), s.description(), s.objective(),
                s.howItHelps(), s.ogpValues(), s.additionalInfo(), s.contact(), s.milestones());
    }

    private String toJson(CommitmentSheet sheet) {
        try {
            return json.writeValueAsString(sheet);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Sheet not serialisable", e);
        }
    }

    private CommitmentSheet fromJson(String text) {
        try {
            return json.readValue(text, CommitmentSheet.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored sheet version unreadable", e);
        }
    }

    /** @return whether the day lies between {@link #EARLIEST_DATE} and {@link #LATEST_DATE} */
    static boolean plausible(LocalDate day) {
        return !day.isBefore(EARLIEST_DATE) && !day.isAfter(LATEST_DATE);
    }

    private static String bullets(List<String> lines, int max) {
        return lines == null ? "" : cut(lines.stream().map(l -> "- " + l).collect(Collectors.joining("\n")), max);
    }

    private static String cut(String s, int max) {
        return s == null ? "" : InputText.cut(s, max);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A required free text: present, at most {@code max} characters, no control characters (shared by Stage 3). */
    static void required(List<InvalidSheetException.Problem> p, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            p.add(new InvalidSheetException.Problem(field, "sheet.error.required"));
        } else {
            optional(p, field, value, max);
        }
    }

    /** An optional free text: at most {@code max} characters, no control characters (shared by Stage 3). */
    static void optional(List<InvalidSheetException.Problem> p, String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (InputText.exceeds(value, max)) {
            p.add(new InvalidSheetException.Problem(field, "sheet.error.tooLong"));
        } else if (InputText.hasForbiddenCharacters(value)) {
            p.add(new InvalidSheetException.Problem(field, "sheet.error.characters"));
        }
    }
}
