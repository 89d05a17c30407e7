package org.cocrea.commitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.cocrea.kernel.BilingualText;

/**
 * An OGP commitment of the action plan, with the fields of the OGP commitment sheet.
 * <p>
 * Over 300 lines because it is the JPA mapping of the {@code commitment} table: the sheet's fifteen fields (most of
 * them in Spanish and English, with the side that is an own translation), its state and code, the IRM's design
 * assessment, each with its getter; the state changes are the few methods the Stage 3 parts call. Splitting it would
 * split one row of the table.
 */
@Entity
@Table(name = "commitment")
public class Commitment {

    /** Life cycle of a commitment. */
    public enum Status {
        /** The team is writing the sheet. */
        DRAFT,
        /** The draft is on its public page, open to comments until the comment deadline. */
        CIRCULATING,
        /** The comment window closed; the team answers the comments and revises the sheet. */
        CONSOLIDATING,
        /** The lead area validates the final text. */
        VALIDATING,
        /** Part of the published action plan, with its code. */
        PUBLISHED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    @Column(name = "action_plan")
    private String actionPlan;
    @Column(name = "co_creation_instance")
    private int coCreationInstance;
    @Column(name = "title_es")
    private String titleEs;
    @Column(name = "title_en")
    private String titleEn;
    @Column(name = "title_translated")
    private String titleTranslated;
    @Column(name = "lead_area")
    private String leadArea;
    @Column(name = "lead_area_en")
    private String leadAreaEn;
    @Column(name = "supporting_institutions")
    private String supportingInstitutions;
    @Column(name = "supporting_institutions_en")
    private String supportingInstitutionsEn;
    @Column(name = "institutions_translated")
    private String institutionsTranslated;
    @Column(name = "start_date")
    private LocalDate startDate;
    @Column(name = "end_date")
    private LocalDate endDate;
    @Column(name = "public_problem")
    private String publicProblem;
    @Column(name = "status_quo")
    private String statusQuo;
    private String description;
    @Column(name = "description_en")
    private String descriptionEn;
    @Column(name = "description_translated")
    private String descriptionTranslated;
    private String objective;
    @Column(name = "how_it_helps")
    private String howItHelps;
    @Column(name = "ogp_values")
    private String ogpValues;
    @Column(name = "additional_info")
    private String additionalInfo;
    private String contact;
    private String source;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "published_at")
    private Instant publishedAt;
    private String axis;
    @Column(name = "lead_area_group")
    private String leadAreaGroup;
    @Column(name = "call_id")
    private Long callId;
    @Column(name = "round_table_id")
    private Long roundTableId;
    private String topic;
    private int version = 1;
    @Column(name = "comment_deadline")
    private Instant commentDeadline;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "irm_verifiable")
    private Boolean irmVerifiable;
    @Column(name = "irm_relevant")
    private Boolean irmRelevant;
    @Column(name = "irm_notes")
    private String irmNotes;
    @Column(name = "irm_notes_en")
    private String irmNotesEn;
    @Column(name = "irm_notes_translated")
    private String irmNotesTranslated;
    @Column(name = "end_of_commitment_report")
    private String endOfCommitmentReport;
    @OneToMany(mappedBy = "commitment", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @OrderBy("position")
    private List<Milestone> milestones = new ArrayList<>();

    protected Commitment() {
    }

    Commitment(String code, String actionPlan, int coCreationInstance, String titleEs, String titleEn,
            LocalDate startDate, LocalDate endDate, String description, List<String> ogpValues) {
        this.code = code;
        this.actionPlan = actionPlan;
        this.coCreationInstance = coCreationInstance;
        this.titleEs = titleEs;
        this.titleEn = titleEn;
        this.startDate = startDate;
        this.endDate = endDate;
        this.description = description;
        this.ogpValues = String.join(";", ogpValues == null ? List.of() : ogpValues);
        this.status = Status.DRAFT;
    }

    /** A new draft sheet for a topic chosen at a round-table; no code until publication. */
    static Commitment draft(String actionPlan, int coCreationInstance, long callId, long roundTableId, String axis,
            String topic, String leadAreaGroup, LocalDate startDate, LocalDate endDate) {
        Commitment c = new Commitment(null, actionPlan, coCreationInstance, topic, "", startDate, endDate, "",
                List.of());
        c.callId = callId;
        c.roundTableId = roundTableId;
        c.axis = axis;
        c.topic = topic;
        c.leadAreaGroup = leadAreaGroup;
        return c;
    }

    /** Replaces the sheet's content (already validated) and counts a new version. */
    void apply(CommitmentSheet sheet, boolean newVersion) {
        titleEs = sheet.titleEs();
        titleEn = sheet.titleEn();
        leadAreaGroup = sheet.leadAreaGroup();
        leadArea = sheet.leadArea();
        supportingInstitutions = sheet.supportingInstitutions();
        startDate = sheet.startDate();
        endDate = sheet.endDate();
        publicProblem = sheet.publicProblem();
        statusQuo = sheet.statusQuo();
        description = sheet.description();
        objective = sheet.objective();
        howItHelps = sheet.howItHelps();
        ogpValues = String.join(";", sheet.ogpValues());
        additionalInfo = sheet.additionalInfo();
        contact = sheet.contact();
        // Rows are updated in place (stable ids, no clash on the position constraint: Hibernate inserts before it
        // deletes), then extra rows are added or the surplus removed from the end.
        List<CommitmentSheet.MilestoneInput> rows = sheet.milestones();
        for (int i = 0; i < rows.size(); i++) {
            CommitmentSheet.MilestoneInput m = rows.get(i);
            if (i < milestones.size()) {
                milestones.get(i).update(m.title(), m.startDate(), m.endDate(), m.responsibleArea());
            } else {
                milestones.add(new Milestone(this, i + 1, m.title(), m.startDate(), m.endDate(), m.responsibleArea(),
                        false));
            }
        }
        while (milestones.size() > rows.size()) {
            milestones.remove(milestones.size() - 1);
        }
        if (newVersion) {
            version++;
        }
    }

    void nameLeadArea(String name) {
        this.leadArea = name;
    }

    /**
     * Names the lead area in both languages (e.g. from {@code areas.csv}).
     *
     * @param spanish the Spanish name
     * @param english the English name, may be null
     */
    void nameLeadArea(String spanish, String english) {
        this.leadArea = spanish;
        this.leadAreaEn = english;
    }

    /**
     * Replaces the bilingual texts of an imported commitment (its sheet is not edited in Cocrea).
     *
     * @param title        both titles; a missing Spanish title is stored empty (the column is required)
     * @param description  both descriptions
     * @param institutions the institutions involved, joined by "; ", in both languages
     */
    void translate(BilingualText title, BilingualText description, BilingualText institutions) {
        titleEs = title.spanish() == null ? "" : title.spanish();
        titleEn = title.english() == null ? "" : title.english();
        titleTranslated = title.translated();
        this.description = description.spanish() == null ? "" : description.spanish();
        descriptionEn = description.english();
        descriptionTranslated = description.translated();
        supportingInstitutions = institutions.spanish();
        supportingInstitutionsEn = institutions.english();
        institutionsTranslated = institutions.translated();
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /**
     * @return whether the sheet is frozen: while it circulates (the text people comment on), while its lead area
     *         validates it (the text the area approves is the one published) and once published
     */
    boolean sheetLocked() {
        return status == Status.CIRCULATING || status == Status.VALIDATING || status == Status.PUBLISHED;
    }

    void startCirculation(Instant deadline) {
        status = Status.CIRCULATING;
        commentDeadline = deadline;
    }

    void closeComments() {
        status = Status.CONSOLIDATING;
    }

    void requestValidation() {
        status = Status.VALIDATING;
    }

    void backToConsolidation() {
        status = Status.CONSOLIDATING;
    }

    void publishAs(String newCode, Instant at) {
        code = newCode;
        publish(at);
    }

    void describe(String leadArea, String supportingInstitutions, String source) {
        this.leadArea = leadArea;
        this.supportingInstitutions = supportingInstitutions;
        this.source = source;
    }

    /**
     * Records the IRM's assessment of the commitment's design (imported commitments) and OGP's end-of-commitment
     * report.
     *
     * @param verifiable whether the IRM found it verifiable, null when not assessed
     * @param relevant   whether the IRM found it relevant to OGP values, null when not assessed
     * @param notes      the IRM's notes, joined by " ", in both languages
     * @param endReport  the end-of-commitment report's address, may be null
     */
    void assessDesign(Boolean verifiable, Boolean relevant, BilingualText notes, String endReport) {
        irmVerifiable = verifiable;
        irmRelevant = relevant;
        irmNotes = notes.spanish();
        irmNotesEn = notes.english();
        irmNotesTranslated = notes.translated();
        endOfCommitmentReport = endReport;
    }

    void addMilestone(String title, LocalDate start, LocalDate end, String responsibleArea, boolean derived) {
        milestones.add(new Milestone(this, milestones.size() + 1, title, start, end, responsibleArea, derived));
    }

    void addMilestone(BilingualText title, LocalDate start, LocalDate end, String responsibleArea, boolean derived) {
        Milestone m = new Milestone(this, milestones.size() + 1, "", start, end, responsibleArea, derived);
        m.name(title);
        milestones.add(m);
    }

    void publish(Instant at) {
        status = Status.PUBLISHED;
        publishedAt = at;
    }

    /**
     * Sets who leads the commitment's implementation.
     *
     * @param leadAreaGroup the lead area's candidate group ({@code area-*}), which receives validation and follow-up
     *                      tasks
     * @param axis          the thematic axis (as in {@code areas.csv})
     */
    void assignLeadArea(String leadAreaGroup, String axis) {
        this.leadAreaGroup = leadAreaGroup;
        this.axis = axis;
    }

    public Long getId() {
        return id;
    }

    /** @return the OGP identifier, e.g. {@code ARBA0001} */
    public String getCode() {
        return code;
    }

    public String getActionPlan() {
        return actionPlan;
    }

    public int getCoCreationInstance() {
        return coCreationInstance;
    }

    public String getTitleEs() {
        return titleEs;
    }

    public String getTitleEn() {
        return titleEn;
    }

    /**
     * @param language {@code en} or anything else for Spanish
     * @return the title in that language, else in the other one (see {@link #getTitle()} for the fallback marker)
     */
    public String title(String language) {
        return getTitle().in(language).text();
    }

    /** @return the title in both languages, with the side that is an own translation */
    public BilingualText getTitle() {
        return new BilingualText(titleEs, titleEn, titleTranslated);
    }

    /** @return the lead area's name as written in Spanish (the sheet's text or the area's name), may be null */
    public String getLeadArea() {
        return leadArea;
    }

    /** @return the lead area's name in both languages (English only when known, e.g. from {@code areas.csv}) */
    public BilingualText getLeadAreaText() {
        return new BilingualText(leadArea, leadAreaEn);
    }

    /** @return the supporting institutions in Spanish, joined by "; ", may be null */
    public String getSupportingInstitutions() {
        return supportingInstitutions;
    }

    /** @return the supporting institutions in both languages, joined by "; " */
    public BilingualText getInstitutionsText() {
        return new BilingualText(supportingInstitutions, supportingInstitutionsEn, institutionsTranslated);
    }

    /** @return the description in both languages (a sheet written in Cocrea has Spanish only) */
    public BilingualText getDescriptionText() {
        return new BilingualText(description, descriptionEn, descriptionTranslated);
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public String getPublicProblem() {
        return publicProblem;
    }

    public String getStatusQuo() {
        return statusQuo;
    }

    /** @return the description in Spanish ("" when only an English one exists: see {@link #getDescriptionText()}) */
    public String getDescription() {
        return description;
    }

    public String getObjective() {
        return objective;
    }

    /** @return the public problem as a bilingual text: the sheet's editor writes Spanish only */
    public BilingualText getPublicProblemText() {
        return new BilingualText(publicProblem, null);
    }

    /** @return the objective as a bilingual text: the sheet's editor writes Spanish only */
    public BilingualText getObjectiveText() {
        return new BilingualText(objective, null);
    }

    public String getHowItHelps() {
        return howItHelps;
    }

    /** @return the OGP values it is relevant to (access to information, civic participation, ...) */
    public List<String> getOgpValues() {
        return Arrays.stream(ogpValues.split(";")).filter(s -> !s.isBlank()).toList();
    }

    public String getAdditionalInfo() {
        return additionalInfo;
    }

    public String getContact() {
        return contact;
    }

    /** @return where the commitment's data comes from (public sources) */
    public String getSource() {
        return source;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    /** @return the milestones in order */
    public List<Milestone> getMilestones() {
        return milestones;
    }

    /** @return the thematic axis, or null when not known */
    public String getAxis() {
        return axis;
    }

    /** @return the lead area's candidate group ({@code area-*}), or null when not assigned */
    public String getLeadAreaGroup() {
        return leadAreaGroup;
    }

    /** @return the call for proposals whose co-creation produced it, or null for imported commitments */
    public Long getCallId() {
        return callId;
    }

    /** @return the round-table whose chosen topic it develops, or null */
    public Long getRoundTableId() {
        return roundTableId;
    }

    /** @return the round-table topic it develops, or null */
    public String getTopic() {
        return topic;
    }

    /** @return the sheet's current version number (1 for a new sheet) */
    public int getVersion() {
        return version;
    }

    /** @return when the public comment window closes, or null when it never circulated */
    public Instant getCommentDeadline() {
        return commentDeadline;
    }

    /** @return whether the IRM found the design verifiable, null when not assessed (commitments made in Cocrea) */
    public Boolean getIrmVerifiable() {
        return irmVerifiable;
    }

    /** @return whether the IRM found the design relevant to OGP values, null when not assessed */
    public Boolean getIrmRelevant() {
        return irmRelevant;
    }

    /** @return the IRM's notes on the design, both languages */
    public BilingualText getIrmNotes() {
        return new BilingualText(irmNotes, irmNotesEn, irmNotesTranslated);
    }

    /** @return the address of OGP's end-of-commitment report, or null */
    public String getEndOfCommitmentReport() {
        return endOfCommitmentReport;
    }

    /** @return the Camunda process instance that carries the sheet through Stage 3, or null */
    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
