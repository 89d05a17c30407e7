package org.cocrea.commitment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cocrea.CocreaApplication;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Endorsements of the action plan by non-governmental stakeholders (organisation, role, date), which the OGP action
 * plan template lists and the published plan shows.
 */
@Service
public class Endorsements {

    private final EndorsementRepository endorsements;
    private final Clock clock;

    Endorsements(EndorsementRepository endorsements, Clock clock) {
        this.endorsements = endorsements;
        this.clock = clock;
    }

    /**
     * Records an endorsement.
     *
     * @param actionPlan   action plan id (stored upper case)
     * @param organization the organisation (required, at most 300 characters)
     * @param person       who signed (optional, at most 200)
     * @param role         the organisation's role (required, at most 300), e.g. "miembro del foro multiactor"
     * @param endorsedOn   the day (required; not in the future, Buenos Aires calendar, and not before 2000)
     * @param by           the staff user who recorded it
     * @return the stored endorsement
     * @throws InputRefusedException listing each invalid field
     */
    @Transactional
    public Endorsement record(String actionPlan, String organization, String person, String role,
            LocalDate endorsedOn, String by) {
        List<FieldProblem> p = new ArrayList<>();
        SheetRules.required(p, "organization", organization, 300);
        SheetRules.optional(p, "person", person, 200);
        SheetRules.required(p, "role", role, 300);
        if (endorsedOn == null) {
            p.add(FieldProblem.of("endorsedOn", "sheet.error.required"));
        } else if (endorsedOn.isAfter(LocalDate.now(clock.withZone(ZoneId.of(CocreaApplication.ZONE))))) {
            p.add(FieldProblem.of("endorsedOn", "endorsement.error.future"));
        } else if (!SheetRules.plausible(endorsedOn)) {
            p.add(FieldProblem.of("endorsedOn", "sheet.error.dateRange"));
        }
        if (!p.isEmpty()) {
            throw new InputRefusedException(p);
        }
        return endorsements.save(new Endorsement(actionPlan.toUpperCase(Locale.ROOT), organization.strip(),
                person == null || person.isBlank() ? null : person.strip(), role.strip(), endorsedOn, by,
                clock.instant()));
    }

    /**
     * @param actionPlan action plan id
     * @return its endorsements, oldest first
     */
    @Transactional(readOnly = true)
    public List<Endorsement> of(String actionPlan) {
        return endorsements.findByActionPlanOrderByEndorsedOnAscIdAsc(actionPlan.toUpperCase(Locale.ROOT));
    }
}
