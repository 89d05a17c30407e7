package org.cocrea.commitment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.cocrea.area.Area;
import org.cocrea.area.Areas;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.InputText;
import org.springframework.stereotype.Component;

/** The sheet of a commitment and its saved versions (JSON), for {@link CommitmentSheets}. */
@Component
class SheetVersions {

    private final CommitmentVersionRepository versions;
    private final SheetRules rules;
    private final Areas areas;
    private final ObjectMapper json;
    private final Clock clock;

    SheetVersions(CommitmentVersionRepository versions, SheetRules rules, Areas areas, ObjectMapper json,
            Clock clock) {
        this.versions = versions;
        this.rules = rules;
        this.areas = areas;
        this.json = json;
        this.clock = clock;
    }

    /** See {@link CommitmentSheets#save}. */
    int save(Commitment c, CommitmentSheet sheet, String author, String note) {
        if (c.sheetLocked()) {
            throw InputRefusedException.of("status", "sheet.error.locked");
        }
        List<FieldProblem> problems = new ArrayList<>(rules.validate(sheet));
        if (note != null && (InputText.exceeds(note, 1000) || InputText.hasForbiddenCharacters(note))) {
            problems.add(FieldProblem.of("note", "sheet.error.tooLong"));
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        CommitmentSheet complete = sheet.leadArea() == null || sheet.leadArea().isBlank()
                ? withLeadArea(sheet, areaName(sheet.leadAreaGroup())) : sheet;
        if (complete.equals(sheetOf(c))) {
            return c.getVersion();
        }
        c.apply(complete, true);
        nameLeadAreaInEnglish(c);
        versions.save(new CommitmentVersion(c.getId(), c.getVersion(), toJson(complete), author, clock.instant(),
                note == null || note.isBlank() ? null : note.strip()));
        return c.getVersion();
    }

    /** Saves version 1 of a new draft, written by {@code system}. */
    void saveFirst(Commitment c, CommitmentSheet sheet, String note) {
        versions.save(new CommitmentVersion(c.getId(), 1, toJson(sheet), "system", clock.instant(), note));
    }

    /** @return every saved version of the sheet, oldest first */
    List<CommitmentVersion> versions(long id) {
        return versions.findByCommitmentIdOrderByVersionAsc(id);
    }

    CommitmentSheet sheetOf(Commitment c) {
        return new CommitmentSheet(c.getTitleEs(), nz(c.getTitleEn()), c.getLeadAreaGroup(), nz(c.getLeadArea()),
                nz(c.getSupportingInstitutions()), c.getStartDate(), c.getEndDate(), nz(c.getPublicProblem()),
                nz(c.getStatusQuo()), nz(c.getDescription()), nz(c.getObjective()), nz(c.getHowItHelps()),
                c.getOgpValues(), nz(c.getAdditionalInfo()), nz(c.getContact()),
                c.getMilestones().stream().map(m -> new CommitmentSheet.MilestoneInput(m.getTitle(), m.getStartDate(),
                        m.getEndDate(), m.getResponsibleArea())).toList());
    }

    /**
     * The sheet names its lead area in Spanish; when that is the area's own name (areas.csv), English pages show the
     * area's English name, otherwise the sheet's text marked as Spanish only.
     */
    void nameLeadAreaInEnglish(Commitment c) {
        String english = c.getLeadAreaGroup() == null ? null : areas.byCandidateGroup(c.getLeadAreaGroup())
                .filter(a -> a.getNameEs().equals(c.getLeadArea())).map(Area::getNameEn).orElse(null);
        c.nameLeadArea(c.getLeadArea(), english);
    }

    String areaName(String group) {
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

    CommitmentSheet fromJson(String text) {
        try {
            return json.readValue(text, CommitmentSheet.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored sheet version unreadable", e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
