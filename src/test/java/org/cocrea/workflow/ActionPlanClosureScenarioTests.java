package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.cocrea.commitment.ActionPlan;
import org.cocrea.implementation.SelfAssessment;
import org.cocrea.implementation.SelfAssessments;
import org.cocrea.kernel.Groups;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The closure of the configured plan (ARBA-2021-2023, ending 31 October 2023) on the application's engine and
 * PostgreSQL: the start-up starter is idempotent; the timer is due the day after the end date; firing it stores draft
 * version 1 and gives og-team the review task; an invalid review is refused with the reason; a review as an og-team
 * member stores the introduction, publishes the report (public at /self-assessment) and ends the instance; once
 * published, the starter starts nothing.
 */
@CocreaIntegrationTest
class ActionPlanClosureScenarioTests {

    @Autowired
    ActionPlanClosureStarter starter;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    SelfAssessments assessments;
    @Autowired
    ActionPlan plan;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    MockMvc mvc;

    @BeforeEach
    void setUp() throws Exception {
        fixtures.reset();
        fixtures.user("equipo-cierre", "equipo-cierre@example.org", Groups.OPEN_GOVERNMENT_TEAM);
        try (InputStream in = new ClassPathResource("data/ba-2021-2023-commitments.json").getInputStream()) {
            plan.importPublished(in, "ARBA-2021-2023");
        }
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
    }

    /** @return the refusal in the engine's exception chain (Tasklist and /engine-rest report its message) */
    private static RefusedInputException refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RefusedInputException r) {
                return r;
            }
        }
        throw new AssertionError("no RefusedInputException in " + e);
    }

    private long instances() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(ActionPlanClosureProcess.KEY)
                .processInstanceBusinessKey("ARBA-2021-2023").count();
    }

    @Test
    void closureIsStartedOnceDraftedReviewedAndPublished() throws Exception {
        String id = starter.ensureStarted();
        assertThat(starter.ensureStarted()).as("idempotent").isEqualTo(id);
        assertThat(instances()).isEqualTo(1);

        Job timer = managementService.createJobQuery().processInstanceId(id).timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(Instant.parse("2023-11-01T03:00:00Z"));
        assertThat(assessments.versions("ARBA-2021-2023")).isEmpty();

        managementService.executeJob(timer.getId());

        List<SelfAssessment> versions = assessments.versions("ARBA-2021-2023");
        assertThat(versions).hasSize(1);
        SelfAssessment draft = versions.get(0);
        assertThat(draft.getStatus()).isEqualTo(SelfAssessment.Status.DRAFT);
        assertThat(draft.getProcessInstanceId()).isEqualTo(id);
        assertThat(assessments.report(draft).commitments()).hasSize(6);
        Task review = taskService.createTaskQuery().processInstanceId(id)
                .taskDefinitionKey(ActionPlanClosureProcess.TASK_REVIEW).singleResult();
        assertThat(taskService.getIdentityLinksForTask(review.getId())).anyMatch(l -> Groups.OPEN_GOVERNMENT_TEAM
                .equals(l.getGroupId()));
        assertThat(taskService.getVariable(review.getId(), ActionPlanClosureProcess.PREVIEW).toString())
                .endsWith("/staff/self-assessment?version=1");
        mvc.perform(get("/self-assessment")).andExpect(status().isNotFound());

        identityService.setAuthentication("equipo-cierre", List.of(Groups.OPEN_GOVERNMENT_TEAM));
        assertThatThrownBy(() -> taskService.complete(review.getId(), Variables.createVariables()
                .putValue(ActionPlanClosureProcess.INTRODUCTION, "x".repeat(8001))
                .putValue(ActionPlanClosureProcess.DECISION, ActionPlanClosureProcess.DECISION_PUBLISH)))
                .satisfies(e -> assertThat(refusal(e)).hasMessageContaining("Introducción: entre 0 y 8.000 caracteres"));
        assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).as("still open").isEqualTo(1);

        taskService.complete(review.getId(), Variables.createVariables()
                .putValue(ActionPlanClosureProcess.INTRODUCTION, "Balance del tercer plan de la Ciudad.")
                .putValue(ActionPlanClosureProcess.NOTES, "")
                .putValue(ActionPlanClosureProcess.DECISION, ActionPlanClosureProcess.DECISION_PUBLISH));
        identityService.clearAuthentication();

        assertThat(instances()).isZero();
        SelfAssessment published = assessments.published("ARBA-2021-2023").orElseThrow();
        assertThat(published.getId()).isEqualTo(draft.getId());
        assertThat(published.getPublishedBy()).isEqualTo("equipo-cierre");
        assertThat(published.getIntroduction()).isEqualTo("Balance del tercer plan de la Ciudad.");
        assertThat(published.getNotes()).isNull();
        mvc.perform(get("/self-assessment")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Balance del tercer plan de la Ciudad.")))
                .andExpect(content().string(containsString("ARBA0006")));

        assertThat(starter.ensureStarted()).as("nothing to start once published").isNull();
        assertThat(instances()).isZero();
    }
}
