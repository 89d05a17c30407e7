package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.cocrea.workflow.ActionPlanClosureProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.cocrea.CocreaApplication;
import org.cocrea.implementation.ActionPlanSettings;
import org.cocrea.kernel.Groups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Paths of {@code processes/action-plan-closure.bpmn} on an in-memory engine with the job executor off: the instance
 * waits for the day after the plan's end date (computed by the real {@link ActionPlanSettings}); the timer produces a
 * draft; the team publishes it; the team asks for a new draft first (a second version) and then publishes; an invalid
 * review is refused and the task stays open. Delegates are recording stand-ins registered by bean name; the review
 * listener mimics the real one's check of the decision.
 */
@Deployment(resources = {"processes/action-plan-closure.bpmn", "forms/self-assessment-review.form"})
class ActionPlanClosureProcessTests {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("process-tests.cfg.xml").build();

    private static final ZoneId BUENOS_AIRES = ZoneId.of(CocreaApplication.ZONE);
    private static final String PLAN = "ARBA-2021-2023";
    private static final ActionPlanSettings SETTINGS = new ActionPlanSettings(PLAN, LocalDate.of(2023, 10, 31), true, null);
    /** The plan ends with 31 October 2023: the timer is due at 00:00 on 1 November in Buenos Aires (03:00 UTC). */
    private static final ZonedDateTime ENDS_AT = ZonedDateTime.of(2023, 11, 1, 0, 0, 0, 0, BUENOS_AIRES);

    private final List<String> calls = new ArrayList<>();
    private int drafts;

    @BeforeEach
    void setUp() {
        init(extension.getProcessEngine());
        extension.setCurrentTime(Date.from(ENDS_AT.minusMonths(2).toInstant()));
        Mocks.register("draftSelfAssessment", (JavaDelegate) execution -> {
            drafts++;
            calls.add("draft v" + drafts);
            execution.setVariable(SELF_ASSESSMENT_ID, 100L + drafts);
            execution.setVariable(SELF_ASSESSMENT_VERSION, drafts);
            execution.setVariable(DECISION, null);
        });
        Mocks.register("selfAssessmentReviewed", (TaskListener) (DelegateTask task) -> {
            Object decision = task.getVariable(DECISION);
            if (!DECISION_PUBLISH.equals(decision) && !DECISION_REDRAFT.equals(decision)) {
                throw new RefusedInputException("Datos inválidos / Invalid data: decision");
            }
            calls.add("reviewed " + task.getVariable(SELF_ASSESSMENT_ID) + " " + decision);
        });
        Mocks.register("publishSelfAssessment", (JavaDelegate) execution -> calls.add("publish "
                + execution.getVariable(SELF_ASSESSMENT_ID)));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(KEY, PLAN, Variables.createVariables()
                .putValue(ACTION_PLAN_ID, PLAN).putValue(PLAN_ENDS_AT, Date.from(SETTINGS.endsAt().toInstant())));
    }

    private static Job timer(ProcessInstance pi) {
        return jobQuery().processInstanceId(pi.getId()).timers().singleResult();
    }

    private static void fireAtPlanEnd(ProcessInstance pi) {
        Job job = timer(pi);
        assertThat(job).hasDueDate(Date.from(ENDS_AT.toInstant()));
        extension.setCurrentTime(Date.from(ENDS_AT.toInstant()));
        execute(job);
    }

    @Test
    void waitsForTheDayAfterThePlansEndDate() {
        assertThat(SETTINGS.endsAt()).isEqualTo(ENDS_AT);

        ProcessInstance pi = start();

        assertThat(pi).isWaitingAt(TIMER_PLAN_ENDS);
        assertThat(timer(pi).getDuedate()).isEqualTo(Date.from(ENDS_AT.toInstant()))
                .isEqualTo(Date.from(Instant.parse("2023-11-01T03:00:00Z")));
        assertThat(calls).isEmpty();
    }

    @Test
    void draftIsReviewedAndPublished() {
        ProcessInstance pi = start();

        fireAtPlanEnd(pi);

        assertThat(pi).hasPassed(TIMER_PLAN_ENDS, TASK_DRAFT).isWaitingAt(TASK_REVIEW).task()
                .hasCandidateGroup(Groups.OPEN_GOVERNMENT_TEAM);
        assertThat(calls).containsExactly("draft v1");

        complete(task(TASK_REVIEW, pi), Map.of(INTRODUCTION, "Balance del plan", DECISION, DECISION_PUBLISH));

        assertThat(pi).hasPassed(TASK_REVIEW, GATEWAY_DECISION, TASK_PUBLISH, END_PUBLISHED).isEnded();
        assertThat(draftRuns(pi)).isEqualTo(1);
        assertThat(calls).containsExactly("draft v1", "reviewed 101 publish", "publish 101");
    }

    @Test
    void teamAsksForANewDraftBeforePublishing() {
        ProcessInstance pi = start();
        fireAtPlanEnd(pi);

        complete(task(TASK_REVIEW, pi), Map.of(DECISION, DECISION_REDRAFT));

        assertThat(pi).isWaitingAt(TASK_REVIEW);
        assertThat(draftRuns(pi)).as("the redraft flow led back to the draft").isEqualTo(2);
        assertThat(pi).variables().containsEntry(SELF_ASSESSMENT_VERSION, 2).containsEntry(SELF_ASSESSMENT_ID, 102L);
        assertThat(calls).containsExactly("draft v1", "reviewed 101 redraft", "draft v2");

        complete(task(TASK_REVIEW, pi), Map.of(DECISION, DECISION_PUBLISH));

        assertThat(pi).hasPassed(TASK_PUBLISH).isEnded();
        assertThat(calls).containsExactly("draft v1", "reviewed 101 redraft", "draft v2", "reviewed 102 publish",
                "publish 102");
    }

    @Test
    void reviewWithoutADecisionIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance pi = start();
        fireAtPlanEnd(pi);
        String taskId = task(TASK_REVIEW, pi).getId();

        assertThatThrownBy(() -> taskService().complete(taskId, Map.of(DECISION, "maybe")))
                .hasRootCauseInstanceOf(RefusedInputException.class).hasMessageContaining("decision");

        assertThat(pi).isWaitingAt(TASK_REVIEW);
        assertThat(task(TASK_REVIEW, pi).getId()).isEqualTo(taskId);
        assertThat(calls).containsExactly("draft v1");
    }

    private static long draftRuns(ProcessInstance pi) {
        return historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(TASK_DRAFT).count();
    }

    private static Task task(String key, ProcessInstance pi) {
        return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }
}
