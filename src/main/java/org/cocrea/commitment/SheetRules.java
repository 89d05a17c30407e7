package org.cocrea.commitment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.cocrea.area.Areas;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputText;
import org.springframework.stereotype.Component;

/**
 * The server-side rules of a commitment sheet and the free-text rules shared by Stage 3, for {@link CommitmentSheets}.
 */
@Component
class SheetRules {

    private final Areas areas;

    SheetRules(Areas areas) {
        this.areas = areas;
    }

    /**
     * Validates a sheet without saving it (server-side rules).
     *
     * @param sheet the sheet
     * @return every problem (empty when valid): required fields, lengths, control characters, dates between 2000 and
     *         2099, end after start, at least one milestone, milestones inside the commitment's dates, a known lead
     *         area, known OGP values
     */
    List<FieldProblem> validate(CommitmentSheet sheet) {
        List<FieldProblem> p = new ArrayList<>();
        required(p, "titleEs", sheet.titleEs(), CommitmentSheets.MAX_TITLE);
        optional(p, "titleEn", sheet.titleEn(), CommitmentSheets.MAX_TITLE);
        if (sheet.leadAreaGroup() == null || areas.byCandidateGroup(sheet.leadAreaGroup()).isEmpty()) {
            p.add(FieldProblem.of("leadAreaGroup", "sheet.error.leadArea"));
        }
        optional(p, "leadArea", sheet.leadArea(), 300);
        optional(p, "supportingInstitutions", sheet.supportingInstitutions(), CommitmentSheets.MAX_TEXT);
        required(p, "publicProblem", sheet.publicProblem(), CommitmentSheets.MAX_TEXT);
        optional(p, "statusQuo", sheet.statusQuo(), CommitmentSheets.MAX_TEXT);
        required(p, "description", sheet.description(), CommitmentSheets.MAX_DESCRIPTION);
        required(p, "objective", sheet.objective(), CommitmentSheets.MAX_TEXT);
        optional(p, "howItHelps", sheet.howItHelps(), CommitmentSheets.MAX_TEXT);
        optional(p, "additionalInfo", sheet.additionalInfo(), CommitmentSheets.MAX_TEXT);
        optional(p, "contact", sheet.contact(), 300);
        if (sheet.ogpValues().isEmpty()) {
            p.add(FieldProblem.of("ogpValues", "sheet.error.ogpValues"));
        } else if (!CommitmentSheet.OGP_VALUES.containsAll(sheet.ogpValues())) {
            p.add(FieldProblem.of("ogpValues", "sheet.error.unknownValue"));
        }
        boolean datesOk = true;
        if (sheet.startDate() == null) {
            p.add(FieldProblem.of("startDate", "sheet.error.required"));
            datesOk = false;
        }
        if (sheet.endDate() == null) {
            p.add(FieldProblem.of("endDate", "sheet.error.required"));
            datesOk = false;
        }
        for (String field : List.of("startDate", "endDate")) {
            LocalDate day = "startDate".equals(field) ? sheet.startDate() : sheet.endDate();
            if (day != null && !plausible(day)) {
                p.add(FieldProblem.of(field, "sheet.error.dateRange"));
                datesOk = false;
            }
        }
        if (datesOk && !sheet.endDate().isAfter(sheet.startDate())) {
            p.add(FieldProblem.of("endDate", "sheet.error.endBeforeStart"));
        }
        if (datesOk && sheet.endDate().isAfter(sheet.startDate().plusYears(4))) {
            p.add(FieldProblem.of("endDate", "sheet.error.period"));
        }
        if (sheet.milestones().isEmpty()) {
            p.add(FieldProblem.of("milestones", "sheet.error.noMilestone"));
        }
        if (sheet.milestones().size() > CommitmentSheets.MAX_MILESTONES) {
            p.add(FieldProblem.of("milestones", "sheet.error.tooManyMilestones"));
        }
        for (int i = 0; i < sheet.milestones().size(); i++) {
            CommitmentSheet.MilestoneInput m = sheet.milestones().get(i);
            String f = "milestones[" + i + "].";
            required(p, f + "title", m.title(), CommitmentSheets.MAX_TITLE);
            optional(p, f + "responsibleArea", m.responsibleArea(), 300);
            if (m.startDate() == null || m.endDate() == null) {
                p.add(FieldProblem.of(f + (m.startDate() == null ? "startDate" : "endDate"),
                        "sheet.error.required"));
                continue;
            }
            if (m.endDate().isBefore(m.startDate())) {
                p.add(FieldProblem.of(f + "endDate", "sheet.error.endBeforeStart"));
            }
            if (datesOk && (m.startDate().isBefore(sheet.startDate()) || m.endDate().isAfter(sheet.endDate()))) {
                p.add(FieldProblem.of(f + "endDate", "sheet.error.milestoneOutside"));
            }
        }
        return p;
    }

    /** @return whether the day lies between {@link CommitmentSheets#EARLIEST_DATE} and {@link CommitmentSheets#LATEST_DATE} */
    static boolean plausible(LocalDate day) {
        return !day.isBefore(CommitmentSheets.EARLIEST_DATE) && !day.isAfter(CommitmentSheets.LATEST_DATE);
    }

    /** A required free text: present, at most {@code max} characters, no control characters (shared by Stage 3). */
    static void required(List<FieldProblem> p, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            p.add(FieldProblem.of(field, "sheet.error.required"));
        } else {
            optional(p, field, value, max);
        }
    }

    /** An optional free text: at most {@code max} characters, no control characters (shared by Stage 3). */
    static void optional(List<FieldProblem> p, String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (InputText.exceeds(value, max)) {
            p.add(FieldProblem.of(field, "sheet.error.tooLong"));
        } else if (InputText.hasForbiddenCharacters(value)) {
            p.add(FieldProblem.of(field, "sheet.error.characters"));
        }
    }
}
