package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.cocrea.workflow.CommitmentDraftingProcess.*;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.cocrea.CocreaApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentMatchers;

/**
 * Paths of {@code processes/commitment-drafting.bpmn} on an in-memory engine with the job executor off: the sheet
 * refused then completed, circulation with the comment window (deadline and reminder timers at the dates the
 * circulation sets, the window's length read from the BPMN's input parameter), no comments straight to validation,
 * comments consolidated first, validation rejected then accepted, and publication. Delegates and listeners are mocked
 * by bean name; the mocks set the variables the real ones would.
 */
@Deployment(resources = {"processes/commitment-drafting.bpmn", "forms/commitment-sheet.form",
        "forms/commitment-consolidation.form", "forms/commitment-validation.form", "forms/commitment-revision.form"})
class CommitmentDraftingProcessTests {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("process-tests.cfg.xml").build();

    private static final ZonedDateTime NOW = ZonedDateTime.of(2025, 9, 1, 10, 0, 0, 0,
            ZoneId.of(CocreaApplication.ZONE));
    private static final long COMMITMENT = 12L;

    private final JavaDelegate remindCommenters = mock(JavaDelegate.class);
    private final JavaDelegate publishCommitment = mock(JavaDelegate.class);
    private long comments;
    private int sheetRefusals;
    private int sheetChecks;
    private int consolidationRefusals;
    private int consolidations;
    private Duration windowSeen;
    private Duration reminderBeforeSeen;

    @BeforeEach
    void setUp() {
        init(extension.getProcessEngine());
        extension.setCurrentTime(Date.from(NOW.toInstant()));
        Mocks.register("commitmentDraftingStarted", (ExecutionListener) (DelegateExecution e) -> {
            e.setVariable(TITLE, "Arbolado urbano colaborativo");
            e.setVariable(SHEET_PAGE, "http://localhost:8080/staff/commitments/" + COMMITMENT);
        });
        Mocks.register("commitmentSheetCompleted", (TaskListener) (DelegateTask task) -> {
            sheetChecks++;
            if (sheetChecks <= sheetRefusals) {
                throw new RefusedInputException("Ficha inválida: Objetivo: es obligatorio");
            }
        });
        Mocks.register("circulateDraft", (JavaDelegate) (DelegateExecution e) -> {
            windowSeen = Duration.parse((String) e.getVariable(COMMENT_WINDOW));
            reminderBeforeSeen = Duration.parse((String) e.getVariable(REMINDER_BEFORE));
            Instant deadline = NOW.toInstant().plus(windowSeen);
            e.setVariable(COMMENT_DEADLINE, Date.from(deadline));
            e.setVariable(REMINDER_AT, Date.from(deadline.minus(reminderBeforeSeen)));
        });
        Mocks.register("remindCommenters", remindCommenters);
        Mocks.register("closeComments", (JavaDelegate) (DelegateExecution e) -> e.setVariable(COMMENT_COUNT, comments));
        Mocks.register("consolidationCompleted", (TaskListener) (DelegateTask task) -> {
            consolidations++;
            if (consolidations <= consolidationRefusals) {
                throw new RefusedInputException("quedan comentarios sin respuesta");
            }
        });
        Mocks.register("requestValidation", (JavaDelegate) (DelegateExecution e) -> e.setVariable(LEAD_AREA_GROUP,
                "area-ambiente"));
        Mocks.register("commitmentValidated", (TaskListener) (DelegateTask task) -> {
            boolean approved = "approve".equals(task.getVariable(VALIDATION_DECISION));
            if (!approved) {
                task.getExecution().setVariable(REJECTION_REASON, task.getVariable(VALIDATION_REASON));
            }
            task.getExecution().setVariable(VALIDATED, approved);
        });
        Mocks.register("publishCommitment", publishCommitment);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(KEY, businessKey(COMMITMENT), Map.of(COMMITMENT_ID, COMMITMENT));
    }

    private Job timer(String activityId) {
        return managementService().createJobQuery().activityId(activityId).singleResult();
    }

    @Test
    void withoutCommentsTheDraftGoesStraightToValidationAndIsPublished() throws Exception {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt(TASK_COMPLETE_SHEET);
        assertThat(task(pi)).hasCandidateGroup("og-team");
        complete(task(pi), Map.of("sheetReady", true));

        assertThat(pi).isWaitingAt(SUBPROCESS_COMMENT_WINDOW, TIMER_WINDOW_CLOSED);
        assertThat(windowSeen).isEqualTo(Duration.ofDays(10));
        assertThat(reminderBeforeSeen).isEqualTo(Duration.ofDays(2));
        assertThat(timer(TIMER_WINDOW_CLOSED).getDuedate()).isEqualTo(Date.from(NOW.plusDays(10).toInstant()));
        assertThat(timer(TIMER_REMINDER).getDuedate()).isEqualTo(Date.from(NOW.plusDays(8).toInstant()));

        execute(timer(TIMER_REMINDER));
        verify(remindCommenters, times(1)).execute(ArgumentMatchers.any());
        assertThat(pi).hasPassed(TASK_SEND_REMINDER).isWaitingAt(TIMER_WINDOW_CLOSED);

        comments = 0;
        execute(timer(TIMER_WINDOW_CLOSED));
        assertThat(pi).hasPassed(TASK_CLOSE_COMMENTS).hasNotPassed(TASK_CONSOLIDATE).isWaitingAt(TASK_VALIDATE);
        assertThat(task(pi)).hasCandidateGroup("area-ambiente");
        complete(task(pi), Map.of(VALIDATION_DECISION, "approve"));

        verify(publishCommitment, times(1)).execute(ArgumentMatchers.any());
        assertThat(pi).hasPassed(TASK_PUBLISH).isEnded().hasPassed(END_PUBLISHED);
    }

    @Test
    void commentsAreAnsweredBeforeTheAreaValidates() throws Exception {
        ProcessInstance pi = start();
        complete(task(pi), Map.of("sheetReady", true));
        comments = 3;
        consolidationRefusals = 1;
        execute(timer(TIMER_WINDOW_CLOSED));
        assertThat(pi).isWaitingAt(TASK_CONSOLIDATE);
        assertThat(task(pi)).hasCandidateGroup("og-team");
        // The reminder is not sent once the window has closed: its timer went with the window.
        assertThat(timer(TIMER_REMINDER)).isNull();
        verify(remindCommenters, never()).execute(ArgumentMatchers.any());

        assertThatThrownBy(() -> taskService().complete(task(pi).getId()))
                .hasMessageContaining("sin respuesta");
        assertThat(pi).isWaitingAt(TASK_CONSOLIDATE);
        complete(task(pi));
        assertThat(pi).hasPassed(TASK_CONSOLIDATE).isWaitingAt(TASK_VALIDATE);
    }

    @Test
    void aRejectionGoesBackToTheTeamWithTheReasonThenTheAreaAccepts() throws Exception {
        ProcessInstance pi = start();
        complete(task(pi), Map.of("sheetReady", true));
        execute(timer(TIMER_WINDOW_CLOSED));
        complete(task(pi), Map.of(VALIDATION_DECISION, "reject", VALIDATION_REASON, "El hito 2 no es verificable."));

        assertThat(pi).hasPassed(GATEWAY_VALIDATED).isWaitingAt(TASK_REVISE);
        assertThat(task(pi)).hasCandidateGroup("og-team");
        assertThat(pi).variables().containsEntry(REJECTION_REASON, "El hito 2 no es verificable.");
        verify(publishCommitment, never()).execute(ArgumentMatchers.any());

        complete(task(pi), Map.of("sheetReady", true));
        assertThat(pi).isWaitingAt(TASK_VALIDATE);
        assertThat(task(pi)).hasCandidateGroup("area-ambiente");
        complete(task(pi), Map.of(VALIDATION_DECISION, "approve"));
        assertThat(pi).isEnded().hasPassed(END_PUBLISHED);
        verify(publishCommitment, times(1)).execute(ArgumentMatchers.any());
    }

    @Test
    void anIncompleteSheetKeepsTheTaskOpenAndNothingCirculates() {
        sheetRefusals = 1;
        ProcessInstance pi = start();
        assertThatThrownBy(() -> taskService().complete(task(pi).getId(), Map.of("sheetReady", true)))
                .hasMessageContaining("Objetivo");
        assertThat(pi).isWaitingAt(TASK_COMPLETE_SHEET).hasNotPassed(TASK_CIRCULATE);
        assertThat(windowSeen).isNull();
        complete(task(pi), Map.of("sheetReady", true));
        assertThat(pi).hasPassed(TASK_CIRCULATE);
    }
}
