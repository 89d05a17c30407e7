package org.cocrea.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cocrea.CocreaApplication;
import org.cocrea.commitment.ActionPlan;
import org.cocrea.followup.FollowUps;
import org.cocrea.kernel.Groups;
import org.cocrea.workflow.FollowUpWorkflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo of the monthly follow-up (idempotent). ARBA0001-ARBA0006 ended in 2021-2023: the start-up starts their
 * follow-up like any published commitment, their end date has passed, so the job executor ends them right away and
 * the monitoring body ({@code monitoreo}) finds their evaluation tasks. Besides, a clearly marked example commitment,
 * {@value #CODE}, led by {@code area-ambiente}, runs from five months ago to six months ahead: its past months' reports
 * are already accepted (so milestones show progress) and this month's report waits in Tasklist for user
 * {@code ambiente} (password {@code demo}).
 */
@Component
@Order(60)
@ConditionalOnProperty(name = "cocrea.demo.enabled", havingValue = "true")
class DemoFollowUp implements ApplicationRunner {

    /** The example commitment's code. */
    static final String CODE = "ARBA-DEMO";
    private static final Logger log = LoggerFactory.getLogger(DemoFollowUp.class);
    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);
    private static final String[] MILESTONES = {
        "Relevar los puntos verdes y su estado (ejemplo de demostración)",
        "Publicar el mapa de puntos verdes como datos abiertos",
        "Realizar dos encuentros con organizaciones ambientales",
        "Publicar el informe final con las mejoras acordadas"};

    private final ActionPlan plan;
    private final FollowUps followUps;
    private final FollowUpWorkflow workflow;
    private final Clock clock;
    private final String actionPlan;

    DemoFollowUp(ActionPlan plan, FollowUps followUps, FollowUpWorkflow workflow, Clock clock,
            @Value("${cocrea.consultation.default-action-plan:ARBA-2021-2023}") String actionPlan) {
        this.plan = plan;
        this.followUps = followUps;
        this.workflow = workflow;
        this.clock = clock;
        this.actionPlan = actionPlan;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        YearMonth now = YearMonth.from(clock.instant().atZone(ZONE));
        YearMonth first = now.minusMonths(5);
        plan.importPublished(new ByteArrayInputStream(exampleJson(first, now.plusMonths(6))), actionPlan
                .toUpperCase(Locale.ROOT));
        plan.assignLeadArea(CODE, Groups.ofArea("ambiente"), "ambiente");
        long id = followUps.commitmentId(CODE).orElseThrow();
        if (followUps.reportsOf(id).isEmpty()) {
            int month = 0;
            for (YearMonth m = first; m.isBefore(now); m = m.plusMonths(1), month++) {
                acceptedReport(id, m, month);
            }
        }
        workflow.start(id);
        LocalDate thisMonth = now.atDay(1);
        if (followUps.reportsOf(id).stream().noneMatch(r -> r.getPeriod().equals(thisMonth))) {
            workflow.requestReportNow(id);
        }
        log.info("Demo follow-up: {} with {} reports; user 'ambiente' has this month's report in Tasklist", CODE,
                followUps.reportsOf(id).size());
    }

    /** A past month's report of the example, submitted by the area and accepted by the team. */
    private void acceptedReport(long id, YearMonth month, int index) {
        FollowUps.Request request = followUps.request(id, month.atDay(1).atTime(8, 0).atZone(ZONE).toInstant(), null);
        List<FollowUps.Entry> entries = new ArrayList<>();
        for (FollowUps.Entry e : followUps.entries(request.reportId())) {
            int position = Integer.parseInt(e.title().substring(0, e.title().indexOf('.')));
            entries.add(progress(e.milestoneId(), position, index));
        }
        followUps.submit(request.reportId(), "ambiente", entries);
        followUps.accept(request.reportId(), "equipo");
    }

    /** Milestone 1 is completed in the third month, 2 advances steadily, 3 is delayed, 4 has not started. */
    private static FollowUps.Entry progress(long milestoneId, int position, int month) {
        return switch (position) {
            case 1 -> month >= 2
                    ? new FollowUps.Entry(milestoneId, null, "COMPLETED", 100, "Relevamiento terminado: 112 puntos.",
                            "https://example.org/demo/relevamiento", null)
                    : new FollowUps.Entry(milestoneId, null, "IN_PROGRESS", 40 + 25 * month,
                            "Relevamiento en curso por comunas.", null, "Terminar las comunas restantes.");
            case 2 -> month == 0
                    ? new FollowUps.Entry(milestoneId, null, "NOT_STARTED", 0, null, null, "Definir el formato.")
                    : new FollowUps.Entry(milestoneId, null, "IN_PROGRESS", Math.min(90, 15 * month),
                            "Borrador del conjunto de datos.", "https://example.org/demo/datos", "Validar con el área.");
            case 3 -> month < 3
                    ? new FollowUps.Entry(milestoneId, null, "NOT_STARTED", 0, null, null, "Convocar organizaciones.")
                    : new FollowUps.Entry(milestoneId, null, "DELAYED", 10, "Se postergó el primer encuentro.", null,
                            "Reprogramar el encuentro.");
            default -> new FollowUps.Entry(milestoneId, null, "NOT_STARTED", 0, null, null, null);
        };
    }

    private static byte[] exampleJson(YearMonth start, YearMonth end) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode root = json.createArrayNode();
        ObjectNode c = root.addObject();
        c.put("id", CODE);
        c.put("title_es", "[Ejemplo de demostración] Puntos verdes abiertos: mapa y seguimiento ciudadano");
        c.put("title", "[Demo example] Open recycling points: map and citizen follow-up");
        c.put("co_creation_instance", 2);
        c.put("lead_area", "Dirección General de Restauración Ecológica y Recomposición Ambiental");
        c.putArray("institutions_involved_es").add("Agencia de Protección Ambiental (ejemplo)");
        c.putArray("ogp_values").add("Access to information").add("Civic Participation");
        c.put("commitment_start", start.toString());
        c.put("commitment_end", end.toString());
        c.put("description_es", "Compromiso ficticio para mostrar el seguimiento mensual en la demo; no es parte del "
                + "plan real.");
        c.put("description", "Fictitious commitment that shows the monthly follow-up in the demo.");
        ArrayNode milestones = c.putArray("milestones");
        for (String m : MILESTONES) {
            milestones.addObject().put("title_es", m); // Spanish only: pages say so in English
        }
        c.put("source", "Demo de Cocrea (ficticio)");
        return json.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    }
}
