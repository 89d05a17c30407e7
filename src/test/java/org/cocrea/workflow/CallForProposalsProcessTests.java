package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.cocrea.workflow.CallForProposalsProcess.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.cocrea.CocreaApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Paths of {@code processes/call-for-proposals.bpmn} on an in-memory engine with the job executor off: opening the
 * call (and refusing the start), the closing timer, waiting for the last review (message or 12-hour re-check), one
 * feasibility meeting per area, and the prioritisation. Delegates and task listeners are mocked by bean name; the
 * mocks set the routing variables the real delegates would ({@code callId}, {@code callClosesAt},
 * {@code allReviewsDone}, {@code meetingAreaGroups}).
 */
@Deployment(resources = {"processes/call-for-proposals.bpmn", "forms/call-for-proposals-start.form",
        "forms/feasibility-meeting.form", "forms/prioritisation.form"})
class CallForProposalsProcessTests {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().configurationResource("process-tests.cfg.xml").build();

    private static final ZoneId BUENOS_AIRES = ZoneId.of(CocreaApplication.ZONE);
    private static final ZonedDateTime NOW = ZonedDateTime.of(2025, 3, 3, 9, 0, 0, 0, BUENOS_AIRES);
    private static final ZonedDateTime CLOSING_TIME = ZonedDateTime.of(2025, 3, 31, 23, 59, 0, 0, BUENOS_AIRES);
    private static final long CALL = 42L;

    private final JavaDelegate closeCall = mock(JavaDelegate.class);
    private final JavaDelegate preparePrioritisation = mock(JavaDelegate.class);
    private final TaskListener feasibilityMeetingCompleted = mock(TaskListener.class);
    private final TaskListener prioritisationCompleted = mock(TaskListener.class);
    /** Answers of the successive checkReviews runs; a run beyond them fails the test. */
    private final Deque<Boolean> reviewChecks = new ArrayDeque<>();
    private int reviewChecksRun;
    /** What gatherMeetingAreas returns. */
    private List<String> meetingAreas = List.of("area-ambiente", "area-diversidad");
    /** Area group seen by each run of prepareMeetingAgenda. */
    private final List<Object> agendaAreas = new ArrayList<>();

    @BeforeEach
    void setUp() {
        init(extension.getProcessEngine());
        extension.setCurrentTime(Date.from(NOW.toInstant()));
        Mocks.register("openCall", (JavaDelegate) execution -> {
            execution.setVariable(CALL_ID, CALL);
            execution.setVariable(CALL_CLOSES_AT, Date.from(CLOSING_TIME.toInstant()));
        });
        Mocks.register("closeCall", closeCall);
        Mocks.register("checkReviews", (JavaDelegate) execution -> {
            reviewChecksRun++;
            assertThat(reviewChecks).as("unexpected run of checkReviews").isNotEmpty();
            execution.setVariable(ALL_REVIEWS_DONE, reviewChecks.removeFirst());
        });
        Mocks.register("gatherMeetingAreas",
                (JavaDelegate) execution -> execution.setVariable(MEETING_AREA_GROUPS, new ArrayList<>(meetingAreas)));
        Mocks.register("prepareMeetingAgenda", (JavaDelegate) execution -> {
            agendaAreas.add(execution.getVariable(AREA_GROUP));
            execution.setVariableLocal(MEETING_AGENDA, "agenda of " + execution.getVariable(AREA_GROUP));
        });
        Mocks.register("feasibilityMeetingCompleted", feasibilityMeetingCompleted);
        Mocks.register("preparePrioritisation", preparePrioritisation);
        Mocks.register("prioritisationCompleted", prioritisationCompleted);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    @Test
    void callClosesAndEachAreaMeetsBeforePrioritisation() throws Exception {
        reviewChecks.add(true);
        ProcessInstance pi = startCall();

        assertThat(pi).hasPassed(TASK_OPEN_CALL).isWaitingAt(TIMER_CALL_CLOSES);
        assertThat(pi).variables().containsEntry(CALL_ID, CALL);
        assertThat(job()).hasActivityId(TIMER_CALL_CLOSES).hasDueDate(Date.from(CLOSING_TIME.toInstant()));
        verifyNoInteractions(closeCall);

        closeTheCall(pi);

        verify(closeCall).execute(any());
        assertThat(reviewChecksRun).isEqualTo(1);
        assertThat(pi).hasPassed(TASK_CLOSE_CALL, TASK_CHECK_REVIEWS, TASK_GATHER_AREAS)
                .hasNotPassed(GATEWAY_WAIT_REVIEWS).isWaitingAt(TASK_RECORD_MEETING);
        assertThat(agendaAreas).containsExactlyInAnyOrder("area-ambiente", "area-diversidad");
        List<Task> meetings = meetingTasks(pi);
        assertThat(meetings).hasSize(2);
        assertThat(meetings).extracting(t -> taskService().getVariable(t.getId(), AREA_GROUP))
                .containsExactlyInAnyOrder("area-ambiente", "area-diversidad");
        // each meeting sees the agenda of its own area
        assertThat(meetings).allSatisfy(t -> assertThat(taskService().getVariable(t.getId(), MEETING_AGENDA))
                .isEqualTo("agenda of " + taskService().getVariable(t.getId(), AREA_GROUP)));
        meetings.forEach(t -> assertThat(t).hasCandidateGroup("og-team"));

        complete(meetings.get(0));

        // the completion stops before the area's end event: its own job ends the area's subprocess instance
        assertThat(pi).isWaitingAt(TASK_RECORD_MEETING, END_MEETING_RECORDED)
                .hasNotPassed(TASK_PREPARE_PRIORITISATION);
        assertThat(meetingTasks(pi)).hasSize(1);
        execute(job(END_MEETING_RECORDED, pi));
        assertThat(pi).isWaitingAt(TASK_RECORD_MEETING).hasNotPassed(TASK_PREPARE_PRIORITISATION);
        verifyNoInteractions(preparePrioritisation);

        complete(meetings.get(1));

        verify(feasibilityMeetingCompleted, times(2)).notify(any());
        verifyNoInteractions(preparePrioritisation);
        execute(job(END_MEETING_RECORDED, pi));
        verify(preparePrioritisation).execute(any());
        assertThat(pi).hasPassed(SUBPROCESS_MEETING, TASK_PREPARE_PRIORITISATION)
                .isWaitingAt(TASK_PRIORITISE).task().hasCandidateGroup("og-team");

        complete(task(), withVariables(PRIORITISED_PROPOSALS, "[101, 103]"));

        verify(prioritisationCompleted).notify(any());
        assertThat(pi).isEnded().hasPassed(END_CONSULTATION_CLOSED);
    }

    @Test
    void reviewsPendingWaitsForTheLastReview() throws Exception {
        reviewChecks.add(false);
        reviewChecks.add(true);
        ProcessInstance pi = startCall();
        closeTheCall(pi);

        assertThat(reviewChecksRun).isEqualTo(1);
        assertThat(pi).isWaitingAt(GATEWAY_WAIT_REVIEWS).hasNotPassed(TASK_GATHER_AREAS);
        // the timer job belongs to the gateway's execution; it is found by its timer's activity id
        assertThat(job(TIMER_RECHECK_REVIEWS, pi))
                .hasDueDate(Date.from(CLOSING_TIME.plus(Duration.ofHours(12)).toInstant()));

        runtimeService().createMessageCorrelation(MESSAGE_REVIEWS_COMPLETED)
                .processInstanceVariableEquals(CALL_ID, CALL)
                .correlateWithResult();

        assertThat(reviewChecksRun).isEqualTo(2);
        assertThat(pi).hasPassed(EVENT_REVIEWS_COMPLETED, TASK_GATHER_AREAS).hasNotPassed(TIMER_RECHECK_REVIEWS)
                .isWaitingAt(TASK_RECORD_MEETING);
        // the event-based gateway cancelled the other branch
        assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(meetingTasks(pi)).hasSize(2);
    }

    @Test
    void recheckTimerLoopsBackToTheCheck() {
        reviewChecks.add(false);
        reviewChecks.add(false);
        reviewChecks.add(true);
        ProcessInstance pi = startCall();
        closeTheCall(pi);

        ZonedDateTime firstRecheck = CLOSING_TIME.plus(Duration.ofHours(12));
        assertThat(job(TIMER_RECHECK_REVIEWS, pi)).hasDueDate(Date.from(firstRecheck.toInstant()));
        extension.setCurrentTime(Date.from(firstRecheck.toInstant()));
        execute(job(TIMER_RECHECK_REVIEWS, pi));

        // still pending: back at the gateway with a fresh twelve-hour timer
        assertThat(reviewChecksRun).isEqualTo(2);
        assertThat(pi).hasPassed(TIMER_RECHECK_REVIEWS).isWaitingAt(GATEWAY_WAIT_REVIEWS);
        ZonedDateTime secondRecheck = firstRecheck.plus(Duration.ofHours(12));
        assertThat(job(TIMER_RECHECK_REVIEWS, pi)).hasDueDate(Date.from(secondRecheck.toInstant()));
        extension.setCurrentTime(Date.from(secondRecheck.toInstant()));
        execute(job(TIMER_RECHECK_REVIEWS, pi));

        assertThat(reviewChecksRun).isEqualTo(3);
        assertThat(pi).hasPassed(TASK_GATHER_AREAS).hasNotPassed(EVENT_REVIEWS_COMPLETED)
                .isWaitingAt(TASK_RECORD_MEETING);
    }

    @Test
    void noProposalsMeansNoMeetings() throws Exception {
        reviewChecks.add(true);
        meetingAreas = List.of();
        ProcessInstance pi = startCall();
        closeTheCall(pi);

        assertThat(pi).hasPassed(TASK_GATHER_AREAS, TASK_PREPARE_PRIORITISATION).hasNotPassed(TASK_RECORD_MEETING)
                .isWaitingAt(TASK_PRIORITISE).task().hasCandidateGroup("og-team");
        assertThat(agendaAreas).isEmpty();
        assertThat(meetingTasks(pi)).isEmpty();
        verifyNoInteractions(feasibilityMeetingCompleted);
        verify(preparePrioritisation).execute(any());
    }

    @Test
    void openCallRefusalPreventsTheStart() throws Exception {
        JavaDelegate refusingOpenCall = mock(JavaDelegate.class);
        doThrow(new BadUserRequestException("Ya hay una convocatoria abierta para el plan"))
                .when(refusingOpenCall).execute(any());
        Mocks.register("openCall", refusingOpenCall);

        // Task_OpenCall runs in the starting transaction, so Tasklist's start form shows the refusal
        assertThatThrownBy(this::startCall).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Ya hay una convocatoria abierta");

        verify(refusingOpenCall).execute(any());
        assertThat(processInstanceQuery().processDefinitionKey(KEY).count()).isZero();
        assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
        assertThat(jobQuery().count()).isZero();
        verifyNoInteractions(closeCall);
        assertThat(reviewChecksRun).isZero();
    }

    @Test
    void oneAreasMeetingAnswersNeverPrefillAnotherAreasForm() {
        reviewChecks.add(true);
        ProcessInstance pi = startCall();
        closeTheCall(pi);
        List<Task> meetings = meetingTasks(pi);
        Object[] seenAtCompletion = new Object[1];
        Mocks.register("feasibilityMeetingCompleted", (TaskListener) t -> seenAtCompletion[0] = t.getVariable(MEETING_OUTCOME));

        complete(meetings.get(0), withVariables(MEETING_DATE, "2025-04-01T10:00:00-03:00",
                MEETING_ATTENDEES, "Ana, Luis", MEETING_OUTCOME, "acuerdos A"));

        assertThat(seenAtCompletion[0]).as("the listener reads the submitted values").isEqualTo("acuerdos A");
        Task other = meetingTasks(pi).get(0);
        assertThat(taskService().getVariables(other.getId())).containsEntry(MEETING_OUTCOME, null)
                .containsEntry(MEETING_ATTENDEES, null).containsEntry(MEETING_DATE, null);
        assertThat(runtimeService().getVariables(pi.getId())).doesNotContainKey(MEETING_OUTCOME);
    }

    /** Starts the call the way Tasklist's start form (and {@link ConsultationWorkflow}) does. */
    private ProcessInstance startCall() {
        return runtimeService().startProcessInstanceByKey(KEY, withVariables(
                ACTION_PLAN, "ARBA-2025-2027",
                TITLE, "Convocatoria a propuestas 2025",
                AXES, Variables.objectValue(new ArrayList<>(List.of("ambiente", "diversidad")))
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create(),
                OPENS_AT, NOW.toOffsetDateTime().toString(),
                CLOSES_AT, CLOSING_TIME.toOffsetDateTime().toString()));
    }

    /** Moves the clock to the closing date-time and fires the closing timer. */
    private static void closeTheCall(ProcessInstance pi) {
        extension.setCurrentTime(Date.from(CLOSING_TIME.toInstant()));
        execute(job(TIMER_CALL_CLOSES, pi));
    }

    private static List<Task> meetingTasks(ProcessInstance pi) {
        return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_RECORD_MEETING).list();
    }
}
