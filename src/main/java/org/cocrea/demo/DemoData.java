package org.cocrea.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.cocrea.consultation.Consultations;
import org.cocrea.proposal.ImportReport;
import org.cocrea.proposal.ProposalCsvImport;
import org.cocrea.workflow.ConsultationWorkflow;
import org.cocrea.workflow.DemoStages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * On the first demo start (no call for proposals yet): two earlier co-creation instances driven through the processes
 * ({@link DemoStages}: a held round-table in the past with both boards filled, a round-table open for registration, a
 * draft open for comments, a sheet waiting in Tasklist, a prioritised call whose round-tables can be scheduled); then
 * opens a call for the seven axes of the Buenos Aires 2021 consultation, from three days ago to 30 days ahead, imports
 * the 48 demo proposals, so that area users find real feasibility reviews waiting in Tasklist, and starts the open call
 * for participation to the directory. Later starts change nothing.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "cocrea.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final List<String> AXES = List.of("acceso-informacion", "datos-abiertos", "gasto-publico", "diversidad",
            "lenguaje-claro", "ambiente", "ninez");
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Consultations consultations;
    private final ConsultationWorkflow workflow;
    private final ProposalCsvImport csvImport;
    private final Clock clock;
    private final String actionPlan;
    private final DemoStages stages;

    DemoData(Consultations consultations, ConsultationWorkflow workflow, ProposalCsvImport csvImport, Clock clock,
            DemoStages stages,
            @Value("${cocrea.consultation.default-action-plan:ARBA-2021-2023}") String actionPlan) {
        this.consultations = consultations;
        this.workflow = workflow;
        this.csvImport = csvImport;
        this.clock = clock;
        this.actionPlan = actionPlan;
        this.stages = stages;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!consultations.all().isEmpty()) {
            return;
        }
        // First the earlier co-creation instances (Stages 2 and 3), then the open call (Stage 1).
        stages.earlierInstances(actionPlan);
        Instant now = clock.instant();
        workflow.startCall(actionPlan, "Consulta pública — 3.er Plan de Acción de Gobierno Abierto de la Ciudad", AXES,
                now.minus(Duration.ofDays(3)), now.plus(Duration.ofDays(30)));
        try (InputStream csv = new ClassPathResource("demo/proposals-2021-consultation.csv").getInputStream()) {
            ImportReport report = csvImport.importCsv(csv, "demo/proposals-2021-consultation.csv");
            log.info("Demo data: call for proposals open, {} proposals imported, {} refused", report.imported().size(),
                    report.rejected().size());
        }
        stages.openCallForParticipation();
    }
}
