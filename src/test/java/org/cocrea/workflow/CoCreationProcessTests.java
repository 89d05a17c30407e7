package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.cocrea.workflow.CoCreationProcess.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Paths of {@code processes/co-creation.bpmn}: the three stages as call activities. The called processes are replaced
 * by one-task stand-ins with the same keys, so the test sees what each call activity passes (business keys, call id,
 * axis, commitment id) and that the stages run in order: Stage 1, then the open call in parallel with one round-table
 * per prioritised axis, each followed by one commitment-drafting instance per chosen topic.
 */
@Deployment(resources = {"processes/co-creation.bpmn", "forms/co-creation-start.form"})
class CoCreationProcessTests {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("process-tests.cfg.xml").build();

    private static final long CALL = 42L;

    private String stubs;
    private List<String> prioritisedAxes = List.of("ambiente", "ninez");
    private Map<String, List<Long>> topicsByAxis = Map.of("ambiente", List.of(101L, 102L), "ninez", List.of());

    @BeforeEach
    void setUp() {
        init(extension.getProcessEngine());
        stubs = repositoryService().createDeployment().name("stand-ins")
                .addModelInstance("call-for-proposals.bpmn", standIn("call-for-proposals", "Task_StubConsultation"))
                .addModelInstance("call-for-participation.bpmn", standIn("call-for-participation", "Task_StubOpenCall"))
                .addModelInstance("round-table.bpmn", standIn("round-table", "Task_StubRoundTable"))
                .addModelInstance("commitment-drafting.bpmn", standIn("commitment-drafting", "Task_StubDrafting"))
                .deploy().getId();
        Mocks.register("prepareRoundTables", (JavaDelegate) (DelegateExecution e) -> {
            assertThat(((Number) e.getVariable(CALL_ID)).longValue()).isEqualTo(CALL);
            e.setVariable(ROUND_TABLE_AXES, prioritisedAxes);
        });
        Mocks.register("prepareCommitmentSheets", (JavaDelegate) (DelegateExecution e) -> e.setVariable(COMMITMENT_IDS,
                topicsByAxis.get((String) e.getVariable(AXIS))));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        repositoryService().deleteDeployment(stubs, true);
    }

    private static BpmnModelInstance standIn(String key, String taskId) {
        return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent().userTask(taskId).endEvent().done();
    }

    private Task stubTask(String taskId) {
        return taskService().createTaskQuery().taskDefinitionKey(taskId).singleResult();
    }

    private void finishStage1(ProcessInstance pi) {
        assertThat(pi).isWaitingAt(CALL_CONSULTATION);
        Task consultation = stubTask("Task_StubConsultation");
        assertThat(runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult()
                .getProcessDefinitionId()).startsWith("call-for-proposals:");
        // The start form's values go down to Stage 1 (camunda:in variables="all").
        assertThat(runtimeService().getVariable(consultation.getProcessInstanceId(), "title")).isEqualTo("Segunda instancia");
        // The stand-in plays Stage 1's delegates, which set the call's id (a task completion may not: it is owned).
        runtimeService().setVariable(consultation.getProcessInstanceId(), "callId", CALL);
        taskService().complete(consultation.getId());
    }

    @Test
    void theThreeStagesRunInOrderWithOneRoundTablePerAxisAndOneSheetPerTopic() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, Map.of("title", "Segunda instancia"));
        finishStage1(pi);

        assertThat(pi).hasPassed(TASK_PREPARE_ROUND_TABLES).isWaitingAt(CALL_OPEN_CALL, CALL_ROUND_TABLE);
        assertThat(stubTask("Task_StubOpenCall")).isNotNull();
        List<Task> tables = taskService().createTaskQuery().taskDefinitionKey("Task_StubRoundTable").list();
        assertThat(tables).hasSize(2);
        assertThat(tables.stream().map(t -> runtimeService().createProcessInstanceQuery()
                .processInstanceId(t.getProcessInstanceId()).singleResult().getBusinessKey()))
                .containsExactlyInAnyOrder("42:ambiente", "42:ninez");
        for (Task t : tables) {
            assertThat(((Number) runtimeService().getVariable(t.getProcessInstanceId(), "callId")).longValue())
                    .isEqualTo(CALL);
            taskService().complete(t.getId());
        }

        List<Task> drafts = taskService().createTaskQuery().taskDefinitionKey("Task_StubDrafting").list();
        assertThat(drafts).hasSize(2);
        assertThat(drafts.stream().map(t -> runtimeService().createProcessInstanceQuery()
                .processInstanceId(t.getProcessInstanceId()).singleResult().getBusinessKey()))
                .containsExactlyInAnyOrder("commitment-101", "commitment-102");
        assertThat(drafts.stream().map(t -> ((Number) runtimeService().getVariable(t.getProcessInstanceId(),
                "commitmentId")).longValue())).containsExactlyInAnyOrder(101L, 102L);
        drafts.forEach(t -> taskService().complete(t.getId()));
        assertThat(pi).isWaitingAt(CALL_OPEN_CALL);

        taskService().complete(stubTask("Task_StubOpenCall").getId());
        assertThat(pi).isEnded().hasPassed(END);
    }

    @Test
    void withoutPrioritisedAxesOnlyTheOpenCallRemains() {
        prioritisedAxes = List.of();
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, Map.of("title", "Segunda instancia"));
        finishStage1(pi);
        assertThat(pi).isWaitingAt(CALL_OPEN_CALL);
        assertThat(taskService().createTaskQuery().taskDefinitionKey("Task_StubRoundTable").count()).isZero();
        taskService().complete(stubTask("Task_StubOpenCall").getId());
        assertThat(pi).isEnded();
    }

    @Test
    void aRoundTableWithoutChosenTopicsEndsItsAxis() {
        prioritisedAxes = List.of("ninez");
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, Map.of("title", "Segunda instancia"));
        finishStage1(pi);
        taskService().complete(stubTask("Task_StubRoundTable").getId());
        assertThat(taskService().createTaskQuery().taskDefinitionKey("Task_StubDrafting").count()).isZero();
        assertThat(pi).hasPassed(TASK_PREPARE_SHEETS).isWaitingAt(CALL_OPEN_CALL);
        taskService().complete(stubTask("Task_StubOpenCall").getId());
        assertThat(pi).isEnded();
    }
}
