package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cocrea.consultation.Consultations;
import org.cocrea.proposal.Channel;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.ProposalInput;
import org.cocrea.proposal.Proposals;
import org.cocrea.roundtable.RoundTables;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Co-creation instances of one action plan on PostgreSQL: each call knows its instance number; a later instance
 * carries over the feasible proposals that no round-table took up (once, with their review), and a third carries the
 * second's leftovers, not the originals again. A co-creation instance started from its top-level process runs Stage 1
 * as a call activity, and asking for round-tables from the staff page then starts none outside it.
 */
@CocreaIntegrationTest
class CoCreationInstancesTests {

    @Autowired
    TestFixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    Consultations consultations;
    @Autowired
    RoundTables roundTables;
    @Autowired
    ConsultationWorkflow workflow;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;

    @BeforeEach
    void reset() {
        fixtures.reset();
    }

    private Proposal reviewed(String title, String verdict) {
        Proposal p = proposals.submit(new ProposalInput(title, "Descripción de " + title, "ambiente", "osc-territorial",
                "Red Verde", "Ana", "ana@example.org", true, "es", null), Channel.API);
        proposals.recordReview(p.getId(), verdict, "Motivo de " + title, true, "Persona", "tester");
        return p;
    }

    @Test
    void aLaterInstanceCarriesOverFeasibleProposalsNotTakenUpOnce() {
        String first = fixtures.openCall(Duration.ofDays(3));
        long call1 = fixtures.openCallId();
        assertThat(consultations.get(call1).getCoCreationInstance()).isEqualTo(1);
        Proposal taken = reviewed("Arbolado", "feasible");
        Proposal left = reviewed("Huertas", "partially-feasible");
        reviewed("Autopista", "not-feasible");
        proposals.prioritise(call1, List.of(taken.getId()));
        consultations.close(call1);
        runtimeService.deleteProcessInstance(first, "next instance");

        String second = fixtures.openCall(Duration.ofDays(3));
        long call2 = fixtures.openCallId();
        assertThat(consultations.get(call2).getCoCreationInstance()).isEqualTo(2);
        List<Proposal> pool = proposals.ofCall(call2);
        assertThat(pool).hasSize(1);
        Proposal carried = pool.get(0);
        assertThat(carried.getCarriedOverFrom()).isEqualTo(left.getId());
        assertThat(carried.getTitle()).isEqualTo("Huertas");
        assertThat(carried.getVerdict()).isEqualTo("partially-feasible");
        assertThat(carried.getReasoning()).isEqualTo("Motivo de Huertas");
        assertThat(carried.getTrackingCode()).isNotEqualTo(left.getTrackingCode());
        assertThat(proposals.feasibleByAxis(call2).get("ambiente")).extracting(Proposal::getId)
                .containsExactly(carried.getId());
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(second)
                .variableName(CallForProposalsProcess.CARRIED_OVER).singleResult().getValue()).isEqualTo(1);
        assertThat(proposals.carryOverInto(call2)).as("idempotent").isZero();

        consultations.close(call2);
        runtimeService.deleteProcessInstance(second, "next instance");
        fixtures.openCall(Duration.ofDays(3));
        long call3 = fixtures.openCallId();
        assertThat(consultations.get(call3).getCoCreationInstance()).isEqualTo(3);
        assertThat(proposals.ofCall(call3)).singleElement()
                .satisfies(p -> assertThat(p.getCarriedOverFrom()).isEqualTo(carried.getId()));
    }

    @Test
    void theTopLevelProcessRunsStageOneAndOwnsTheRoundTables() {
        Instant now = Instant.now();
        String id = workflow.startCoCreation("ARBA-2021-2023", "Segunda instancia de co-creación", List.of("ambiente"),
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(3)));
        ProcessInstance stage1 = runtimeService.createProcessInstanceQuery().superProcessInstanceId(id).singleResult();
        assertThat(stage1.getProcessDefinitionId()).startsWith(CallForProposalsProcess.KEY + ":");
        long callId = fixtures.openCallId();
        assertThat(consultations.get(callId).getProcessInstanceId()).isEqualTo(stage1.getId());

        Proposal p = reviewed("Arbolado", "feasible");
        proposals.prioritise(callId, List.of(p.getId()));
        assertThat(roundTables.requestForCall(callId)).containsExactly("ambiente");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(RoundTableProcess.KEY).count())
                .as("inside a co-creation instance the round-tables are its call activities").isZero();
    }
}
