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
 * On the first demo start (no call for proposals yet): an earlier co-creation instance with a held round-table whose
 * chosen topic waits as a commitment sheet ({@link DemoRoundTable}); then opens a call for the seven axes of the Buenos Aires 2021
 * consultation, from three days ago to 30 days ahead, and imports the 48 demo proposals, so that area users find real
 * feasibility reviews waiting in Tasklist. Later starts change nothing.
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
    private final DemoRoundTable demoRoundTable;

    DemoData(Consultations consultations, ConsultationWorkflow workflow, ProposalCsvImport csvImport, Clock clock,
            DemoRoundTable demoRoundTable,
            @Value("${cocrea.consultation.default-action-plan:ARBA-2021-2023}") String actionPlan) {
        this.consultations = consultations;
        this.workflow = workflow;
        this.csvImport = csvImport;
        this.clock = clock;
        this.actionPlan = actionPlan;
        this.demoRoundTable = demoRoundTable;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!consultations.all().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        // First an earlier co-creation instance with a held round-table (Stage 3 demo), then the open call.
        demoRoundTable.heldRoundTableOfEarlierInstance(actionPlan);
        workflow.startCall(actionPlan, "Consulta pública — 3.er Plan de Acción de Gobierno Abierto de la Ciudad", AXES,
                now.minus(Duration.ofDays(3)), now.plus(Duration.ofDays(30)));
        try (InputStream csv = new ClassPathResource("demo/proposals-2021-consultation.csv").getInputStream()) {
            ImportReport report = csvImport.importCsv(csv, "demo/proposals-2021-consultation.csv");
            log.info("Demo data: call for proposals open, {} proposals imported, {} refused", report.imported().size(),
                    report.rejected().size());
        }
    }
}
