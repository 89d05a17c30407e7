package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.cocrea.workflow.ProposalReviewProcess.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.cocrea.CocreaApplication;
import org.cocrea.calendar.CalendarProperties;
import org.cocrea.calendar.WorkingDays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Paths of {@code processes/proposal-review.bpmn} on an in-memory engine with the job executor off: routing by the
 * DMN or by triage, the feasibility review with its working-day due date and reminder, the wait for the area's
 * meeting, and the reasoned response. Delegates and task listeners are mocked by bean name; the real
 * {@link WorkingDays} computes the dates, with the clock fixed on a Thursday so that the ten working days cross two
 * weekends and two fixed holidays.
 */
@Deployment(resources = {"processes/proposal-review.bpmn", "processes/proposal-routing.dmn",
        "forms/proposal-triage.form", "forms/feasibility-review.form", "forms/reasoned-response.form"})
class ProposalReviewProcessTests {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().configurationResource("process-tests.cfg.xml").build();

    private static final ZoneId BUENOS_AIRES = ZoneId.of(CocreaApplication.ZONE);
    /** Argentina's fixed-date national holidays, the default of {@link CalendarProperties}. */
    private static final List<MonthDay> FIXED_HOLIDAYS = List.of(MonthDay.of(1, 1), MonthDay.of(3, 24),
            MonthDay.of(4, 2), MonthDay.of(5, 1), MonthDay.of(5, 25), MonthDay.of(6, 20), MonthDay.of(7, 9),
            MonthDay.of(12, 8), MonthDay.of(12, 25));

    /** Thursday 20 March 2025, 10:00 in Buenos Aires. */
    private static final Date NOW = buenosAires(2025, 3, 20);
    /**
     * Ten working days later: 21, 25, 26, 27, 28, 31 March and 1, 3, 4, 7 April (24 March and 2 April are holidays,
     * two weekends in between).
     */
    private static final Date REVIEW_DUE = buenosAires(2025, 4, 7);
    /** Two working days before the due date: Friday 4 April is one, Thursday 3 April is two. */
    private static final Date REMINDER_DUE = buenosAires(2025, 4, 3);

    private static final long PROPOSAL = 101L;
    private static final long CALL = 7L;

    private final JavaDelegate draftResponse = mock(JavaDelegate.class);
    private final JavaDelegate sendResponse = mock(JavaDelegate.class);
    private final JavaDelegate sendReviewReminder = mock(JavaDelegate.class);
    private final TaskListener triageCompleted = mock(TaskListener.class);
    private final TaskListener feasibilityReviewCompleted = mock(TaskListener.class);
    private final TaskListener reasonedResponseCompleted = mock(TaskListener.class);
    /** Area group seen by each run of the assignArea delegate. */
    private final List<Object> assignedAreas = new ArrayList<>();
    /** Task definition key of each task the showProposal listener ran for. */
    private final List<String> shownOn = new ArrayList<>();
    /** Task definition key of each task the triagePreparation listener ran for. */
    private final List<String> triagePreparedOn = new ArrayList<>();

    @BeforeEach
    void setUp() {
        init(extension.getProcessEngine());
        extension.setCurrentTime(NOW);
        WorkingDays workingDays = new WorkingDays(new CalendarProperties(FIXED_HOLIDAYS, List.of()));
        Mocks.register("workingDays", workingDays);
        Mocks.register("proposalReview", new ProposalReviewRules(workingDays));
        Mocks.register("assignArea", (JavaDelegate) execution -> assignedAreas.add(execution.getVariable(AREA_GROUP)));
        Mocks.register("showProposal", (TaskListener) task -> shownOn.add(task.getTaskDefinitionKey()));
        Mocks.register("triagePreparation", (TaskListener) task -> triagePreparedOn.add(task.getTaskDefinitionKey()));
        Mocks.register("triageCompleted", triageCompleted);
        Mocks.register("feasibilityReviewCompleted", feasibilityReviewCompleted);
        Mocks.register("reasonedResponseCompleted", reasonedResponseCompleted);
        Mocks.register("draftResponse", draftResponse);
        Mocks.register("sendResponse", sendResponse);
        Mocks.register("sendReviewReminder", sendReviewReminder);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    @Test
    void proposalRoutedByAxisIsReviewedByItsAreaAndAnswered() throws Exception {
        ProcessInstance pi = start("ambiente");

        assertThat(pi).hasPassed(TASK_ROUTE, TASK_ASSIGN_AREA).hasNotPassed(TASK_TRIAGE)
                .isWaitingAt(TASK_REVIEW).task().hasCandidateGroup("area-ambiente").hasDueDate(REVIEW_DUE);
        assertThat(pi).variables()
                .containsEntry(AREA_GROUP, "area-ambiente").containsEntry(REVIEW_DUE_DATE, REVIEW_DUE);
        assertThat(assignedAreas).containsExactly("area-ambiente");

        complete(task(), withVariables(VERDICT, "feasible", REASONING, "Encaja en el plan de arbolado."));

        verify(feasibilityReviewCompleted).notify(any());
        assertThat(pi).isWaitingAt(EVENT_MEETING_HELD);
        // the review was done in time: its reminder timer is gone with it
        assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();
        verifyNoInteractions(draftResponse);

        runtimeService().createMessageCorrelation(MESSAGE_MEETING_HELD)
                .processInstanceVariableEquals(CALL_ID, CALL)
                .processInstanceVariableEquals(AREA_GROUP, "area-ambiente")
                .correlateWithResult();

        verify(draftResponse).execute(any());
        assertThat(pi).hasPassed(EVENT_MEETING_HELD, TASK_DRAFT_RESPONSE)
                .isWaitingAt(TASK_REVIEW_RESPONSE).task().hasCandidateGroup("og-team");

        complete(task(), withVariables(RESPONSE_TEXT, "Gracias por su propuesta."));

        verify(reasonedResponseCompleted).notify(any());
        // asynchronous before sending: a mail failure must not undo the approval
        assertThat(pi).isWaitingAt(TASK_SEND_RESPONSE);
        verifyNoInteractions(sendResponse);

        execute(job());

        assertThat(pi).isEnded().hasPassed(TASK_SEND_RESPONSE, END_RESPONSE_SENT).hasNotPassed(TASK_SEND_REMINDER);
        verify(sendResponse, times(1)).execute(any());
        verifyNoInteractions(sendReviewReminder, triageCompleted);
        assertThat(shownOn).containsExactly(TASK_REVIEW, TASK_REVIEW_RESPONSE);
        assertThat(triagePreparedOn).isEmpty();
    }

    @Test
    void proposalWithUnknownAxisGoesToTriage() throws Exception {
        ProcessInstance pi = start("no-such-axis");

        assertThat(pi).hasPassed(TASK_ROUTE).hasNotPassed(TASK_ASSIGN_AREA)
                .isWaitingAt(TASK_TRIAGE).task().hasCandidateGroup("og-team");
        assertThat(pi).variables().containsEntry(AREA_GROUP, null);
        assertThat(assignedAreas).isEmpty();

        complete(task(), withVariables(AREA_GROUP, "area-diversidad"));

        verify(triageCompleted).notify(any());
        assertThat(assignedAreas).containsExactly("area-diversidad");
        assertThat(pi).hasPassed(TASK_TRIAGE, TASK_ASSIGN_AREA)
                .isWaitingAt(TASK_REVIEW).task().hasCandidateGroup("area-diversidad").hasDueDate(REVIEW_DUE);
    }

    @Test
    void reviewReminderFiresBeforeDueDate() throws Exception {
        ProcessInstance pi = start("ambiente");
        Task review = taskQuery().processInstanceId(pi.getId()).singleResult();

        assertThat(job(TIMER_REVIEW_REMINDER, pi)).hasDueDate(REMINDER_DUE);
        extension.setCurrentTime(REMINDER_DUE);
        execute(job(TIMER_REVIEW_REMINDER, pi));

        // the reminder is sent asynchronously, on a branch of its own
        assertThat(pi).isWaitingAt(TASK_SEND_REMINDER, TASK_REVIEW);
        verifyNoInteractions(sendReviewReminder);
        execute(job(TASK_SEND_REMINDER, pi));

        verify(sendReviewReminder, times(1)).execute(any());
        assertThat(pi).hasPassed(TIMER_REVIEW_REMINDER, TASK_SEND_REMINDER, END_REMINDER_SENT)
                .isWaitingAt(TASK_REVIEW).task().hasId(review.getId()).hasDueDate(REVIEW_DUE);
        assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();
        verifyNoInteractions(feasibilityReviewCompleted);
    }

    @Test
    void triageTaskShowsTheProposalAndRefusesAnAreaTheServerRejects() throws Exception {
        ProcessInstance pi = start("no-such-axis");
        Task triage = task(pi);

        assertThat(shownOn).containsExactly(TASK_TRIAGE);
        assertThat(triagePreparedOn).containsExactly(TASK_TRIAGE);
        doThrow(new BadUserRequestException("Elija un área existente")).when(triageCompleted).notify(any());

        assertThatThrownBy(() -> taskService().complete(triage.getId(), withVariables(AREA_GROUP, "area-inexistente")))
                .isInstanceOf(ProcessEngineException.class).hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Elija un área existente");

        assertThat(pi).isWaitingAt(TASK_TRIAGE).task().hasId(triage.getId());
        assertThat(pi).variables().containsEntry(AREA_GROUP, null);
        assertThat(assignedAreas).isEmpty();

        reset(triageCompleted);
        complete(triage, withVariables(AREA_GROUP, "area-ambiente"));

        assertThat(pi).isWaitingAt(TASK_REVIEW).task().hasCandidateGroup("area-ambiente");
        assertThat(shownOn).containsExactly(TASK_TRIAGE, TASK_REVIEW);
    }

    @Test
    void feasibilityReviewRefusedByServerValidationStaysOpen() throws Exception {
        ProcessInstance pi = start("ambiente");
        Task review = task(pi);
        doThrow(new BadUserRequestException("Falta el fundamento")).when(feasibilityReviewCompleted).notify(any());

        assertThatThrownBy(() -> taskService().complete(review.getId(), withVariables(VERDICT, "infeasible")))
                .isInstanceOf(ProcessEngineException.class).hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Falta el fundamento");

        verify(feasibilityReviewCompleted).notify(any());
        assertThat(pi).isWaitingAt(TASK_REVIEW).hasNotPassed(TASK_REVIEW).task().hasId(review.getId());
        assertThat(pi).variables().doesNotContainKey(VERDICT);
        // the reminder is still scheduled for the open review
        assertThat(job(TIMER_REVIEW_REMINDER, pi)).hasDueDate(REMINDER_DUE);
    }

    @Test
    void reasonedResponseRefusedByServerValidationIsNotSent() throws Exception {
        ProcessInstance pi = start("ambiente");
        complete(task(pi), withVariables(VERDICT, "feasible"));
        runtimeService().correlateMessage(MESSAGE_MEETING_HELD);
        Task response = task(pi);
        assertThat(shownOn).containsExactly(TASK_REVIEW, TASK_REVIEW_RESPONSE);
        doThrow(new BadUserRequestException("La respuesta está vacía")).when(reasonedResponseCompleted).notify(any());

        assertThatThrownBy(() -> taskService().complete(response.getId(), withVariables(RESPONSE_TEXT, "")))
                .isInstanceOf(ProcessEngineException.class).hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("La respuesta está vacía");

        assertThat(pi).isWaitingAt(TASK_REVIEW_RESPONSE).hasNotPassed(TASK_REVIEW_RESPONSE)
                .task().hasId(response.getId());
        assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();
        verifyNoInteractions(sendResponse);
    }

    private static ProcessInstance start(String axis) {
        return runtimeService().startProcessInstanceByKey(KEY, "PR-2025-0101", withVariables(
                PROPOSAL_ID, PROPOSAL, CALL_ID, CALL, AXIS, axis, SUBMITTER_TYPE, "academia"));
    }

    private static Date buenosAires(int year, int month, int day) {
        return Date.from(ZonedDateTime.of(year, month, day, 10, 0, 0, 0, BUENOS_AIRES).toInstant());
    }
}
