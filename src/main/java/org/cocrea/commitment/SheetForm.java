package org.cocrea.commitment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The commitment-sheet form of the staff page, bound field by field ({@code milestones[0].title}...). Rows whose
 * fields are all empty are ignored, so the page can offer blank rows for new milestones.
 */
public class SheetForm {

    private String titleEs;
    private String titleEn;
    private String leadAreaGroup;
    private String supportingInstitutions;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endDate;
    private String publicProblem;
    private String statusQuo;
    private String description;
    private String objective;
    private String howItHelps;
    private List<String> ogpValues = new ArrayList<>();
    private String additionalInfo;
    private String contact;
    private String note;
    private List<Row> milestones = new ArrayList<>();

    /** One milestone row of the form. */
    public static class Row {
        private String title;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate startDate;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate endDate;
        private String responsibleArea;

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public LocalDate getStartDate() {
            return startDate;
        }

        public void setStartDate(LocalDate startDate) {
            this.startDate = startDate;
        }

        public LocalDate getEndDate() {
            return endDate;
        }

        public void setEndDate(LocalDate endDate) {
            this.endDate = endDate;
        }

        public String getResponsibleArea() {
            return responsibleArea;
        }

        public void setResponsibleArea(String responsibleArea) {
            this.responsibleArea = responsibleArea;
        }

        boolean blank() {
            return (title == null || title.isBlank()) && startDate == null && endDate == null
                    && (responsibleArea == null || responsibleArea.isBlank());
        }
    }

    /**
     * @param sheet the stored sheet
     * @param blankRows how many empty milestone rows to add
     * @return the form showing it
     */
    static SheetForm of(CommitmentSheet sheet, int blankRows) {
        SheetForm f = new SheetForm();
        f.titleEs = sheet.titleEs();
        f.titleEn = sheet.titleEn();
        f.leadAreaGroup = sheet.leadAreaGroup();
        f.supportingInstitutions = sheet.supportingInstitutions();
        f.startDate = sheet.startDate();
        f.endDate = sheet.endDate();
        f.publicProblem = sheet.publicProblem();
        f.statusQuo = sheet.statusQuo();
        f.description = sheet.description();
        f.objective = sheet.objective();
        f.howItHelps = sheet.howItHelps();
        f.ogpValues = new ArrayList<>(sheet.ogpValues());
        f.additionalInfo = sheet.additionalInfo();
        f.contact = sheet.contact();
        for (CommitmentSheet.MilestoneInput m : sheet.milestones()) {
            Row r = new Row();
            r.title = m.title();
            r.startDate = m.startDate();
            r.endDate = m.endDate();
            r.responsibleArea = m.responsibleArea();
            f.milestones.add(r);
        }
        f.addBlankRows(blankRows);
        return f;
    }

    void addBlankRows(int n) {
        for (int i = 0; i < n; i++) {
            milestones.add(new Row());
        }
    }

    /** After a refused save: one empty row to add a milestone, unless the form still has one. */
    void keepOneBlankRow() {
        if (milestones.stream().noneMatch(Row::blank)) {
            milestones.add(new Row());
        }
    }

    /**
     * @return the sheet the form holds (lead area name filled by the service), blank milestone rows left out, each
     *         OGP value once (a repeated or indexed {@code ogpValues} parameter gives duplicates and gaps)
     */
    CommitmentSheet toSheet() {
        List<CommitmentSheet.MilestoneInput> rows = milestones.stream().filter(r -> !r.blank())
                .map(r -> new CommitmentSheet.MilestoneInput(strip(r.title), r.startDate, r.endDate,
                        strip(r.responsibleArea)))
                .toList();
        return new CommitmentSheet(strip(titleEs), strip(titleEn), leadAreaGroup, null, strip(supportingInstitutions),
                startDate, endDate, strip(publicProblem), strip(statusQuo), strip(description), strip(objective),
                strip(howItHelps), ogpValues.stream().filter(Objects::nonNull).distinct().toList(),
                strip(additionalInfo), strip(contact), rows);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip().replace("\r\n", "\n");
    }

    public String getTitleEs() {
        return titleEs;
    }

    public void setTitleEs(String titleEs) {
        this.titleEs = titleEs;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public void setTitleEn(String titleEn) {
        this.titleEn = titleEn;
    }

    public String getLeadAreaGroup() {
        return leadAreaGroup;
    }

    public void setLeadAreaGroup(String leadAreaGroup) {
        this.leadAreaGroup = leadAreaGroup;
    }

    public String getSupportingInstitutions() {
        return supportingInstitutions;
    }

    public void setSupportingInstitutions(String supportingInstitutions) {
        this.supportingInstitutions = supportingInstitutions;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public String getPublicProblem() {
        return publicProblem;
    }

    public void setPublicProblem(String publicProblem) {
        this.publicProblem = publicProblem;
    }

    public String getStatusQuo() {
        return statusQuo;
    }

    public void setStatusQuo(String statusQuo) {
        this.statusQuo = statusQuo;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getObjective() {
        return objective;
    }

    public void setObjective(String objective) {
        this.objective = objective;
    }

    public String getHowItHelps() {
        return howItHelps;
    }

    public void setHowItHelps(String howItHelps) {
        this.howItHelps = howItHelps;
    }

    public List<String> getOgpValues() {
        return ogpValues;
    }

    public void setOgpValues(List<String> ogpValues) {
        this.ogpValues = ogpValues == null ? new ArrayList<>() : ogpValues;
    }

    public String getAdditionalInfo() {
        return additionalInfo;
    }

    public void setAdditionalInfo(String additionalInfo) {
        this.additionalInfo = additionalInfo;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public List<Row> getMilestones() {
        return milestones;
    }

    public void setMilestones(List<Row> milestones) {
        this.milestones = milestones == null ? new ArrayList<>() : milestones;
    }
}
