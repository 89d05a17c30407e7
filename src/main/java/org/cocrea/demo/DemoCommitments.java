package org.cocrea.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

import org.cocrea.commitment.ActionPlan;
import org.cocrea.kernel.Groups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Demo: the real commitments ARBA0001-ARBA0006 of the Buenos Aires 2021-2023 plan (two co-creation instances), as the
 * already-published part of the plan, with milestones derived from their action lines (marked as derived).
 * Idempotent.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "cocrea.demo.enabled", havingValue = "true")
class DemoCommitments implements ApplicationRunner {

    private static final Map<String, String[]> LEAD_AREAS = Map.of(
            "ARBA0001", new String[] {"acceso-informacion", "acceso-informacion"},
            "ARBA0002", new String[] {"gobierno-abierto", "datos-abiertos"},
            "ARBA0003", new String[] {"diversidad", "diversidad"},
            "ARBA0004", new String[] {"legal-tecnica", "lenguaje-claro"},
            "ARBA0005", new String[] {"ambiente", "ambiente"},
            "ARBA0006", new String[] {"ciudad-amigable", "ninez"});

    private final ActionPlan plan;
    private final String actionPlan;

    DemoCommitments(ActionPlan plan,
            @Value("${cocrea.consultation.default-action-plan:ARBA-2021-2023}") String actionPlan) {
        this.plan = plan;
        this.actionPlan = actionPlan;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        try (InputStream in = new ClassPathResource("demo/ba-2021-2023-commitments.json").getInputStream()) {
            plan.importPublished(in, actionPlan.toUpperCase(Locale.ROOT));
        }
        // The data file names the institutions but no lead area; the demo assigns the area (areas.csv) whose name
        // heads each commitment's list of institutions, and that area's axis.
        LEAD_AREAS.forEach((code, area) -> plan.assignLeadArea(code, Groups.ofArea(area[0]), area[1]));
    }
}
