package org.cocrea.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.cocrea.consultation.CallForProposals;
import org.cocrea.consultation.Consultations;
import org.cocrea.roundtable.BoardEntry;
import org.cocrea.roundtable.RoundTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Demo for Stage 3: an earlier co-creation instance whose "Ambiente y arbolado urbano" round-table was held, with two
 * participants, the phase 2 board answered and one chosen topic. Holding it starts the commitment-drafting process,
 * so the open-government team ({@code equipo}) finds "Completar la ficha de compromiso" in Tasklist with the sheet
 * prefilled from the board. The contents paraphrase the real ARBA0005 round-table (urban trees, 2022); the people
 * are fictitious ({@code example.org}).
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "cocrea.demo.enabled",
        havingValue = "true")
class DemoRoundTable {

    private static final Logger log = LoggerFactory.getLogger(DemoRoundTable.class);

    private final Consultations consultations;
    private final RoundTables roundTables;
    private final Clock clock;

    DemoRoundTable(Consultations consultations, RoundTables roundTables, Clock clock) {
        this.consultations = consultations;
        this.roundTables = roundTables;
        this.clock = clock;
    }

    /**
     * Creates the earlier instance's call (closed at once), its held round-table and its chosen topic.
     *
     * @param actionPlan the demo action plan id
     */
    void heldRoundTableOfEarlierInstance(String actionPlan) {
        Instant now = clock.instant();
        CallForProposals call = consultations.open(actionPlan, "Instancia anterior de co-creación (demo)",
                List.of("ambiente"), now.minus(Duration.ofDays(60)), now.plus(Duration.ofMinutes(5)), null);
        consultations.close(call.getId());
        long id = roundTables.create(call.getId(), "ambiente", null).getId();
        roundTables.confirm(id, roundTables.get(id).getStartsAt(), 120, "https://meet.example.org/mesa-ambiente", 40);
        roundTables.register(id, "Lucía Fernández", "lucia.fernandez@example.org", "Red de Arbolado Urbano",
                "osc-territorial", true);
        roundTables.register(id, "Martín Gómez", "martin.gomez@example.org", "Universidad (Facultad de Agronomía)",
                "academia", true);
        board(id, "public-problem", "No existe un inventario actualizado y abierto del arbolado de los barrios del sur.",
                "Red de Arbolado Urbano");
        board(id, "status-quo", "Los reclamos por poda y reemplazo se gestionan caso a caso, sin datos públicos.",
                "Universidad (Facultad de Agronomía)");
        board(id, "solution-ideas", "Un relevamiento colaborativo con vecinas, vecinos y escuelas, publicado como datos "
                + "abiertos y actualizado cada año.", "Red de Arbolado Urbano");
        board(id, "milestones", "Metodología de relevamiento acordada con organizaciones", "");
        board(id, "milestones", "Jornadas de relevamiento en tres comunas", "");
        board(id, "milestones", "Publicación del inventario en el portal de datos abiertos", "");
        board(id, "stakeholders", "Dirección General de Restauración Ecológica; Red de Arbolado Urbano; escuelas", "");
        roundTables.recordTopics(id, List.of("Relevamiento colaborativo del arbolado urbano"));
        roundTables.markHeld(id);
        log.info("Demo data: held round-table {} with a chosen topic; its commitment sheet waits in Tasklist", id);
    }

    private void board(long id, String question, String text, String organization) {
        roundTables.addEntry(id, BoardEntry.Board.COMMITMENT, question, text, organization);
    }
}
