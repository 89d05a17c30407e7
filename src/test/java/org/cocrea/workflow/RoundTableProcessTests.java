package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.cocrea.workflow.RoundTableProcess.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.cocrea.CocreaApplication;
import org.cocrea.calendar.ScheduleExpressions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Paths of {@code processes/round-table.bpmn} on an in-memory engine with the job executor off: the proposed date and
 * its confirmation (and refusal), the invitations, the reminders 48 h and 2 h before the start (timer due dates
 * computed by the real {@link ScheduleExpressions}), the meeting's two phases and attendance, a rescheduling that
 * recomputes the timers, a cancellation, and a meeting confirmed less than 48 h ahead. Delegates and listeners are
 * mocked by bean name; the confirm and refresh mocks set {@code roundTableStartsAt} as the real ones would.
 */
@Deployment(resources = {"processes/round-table.bpmn", "forms/round-table-schedule.form",
        "forms/round-table-phase-1.form", "forms/round-table-phase-2.form", "forms/round-table-attendance.form"})
class RoundTableProcessTests {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("process-tests.cfg.xml").build();

    private static final ZoneId BUENOS_AIRES = ZoneId.of(CocreaApplication.ZONE);
    /** Wednesday 5 March 2025, 09:00 in Buenos Aires. */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2025, 3, 5, 9, 0, 0, 0, BUENOS_AIRES);
    /** Twenty days later: Tuesday 25 March 2025, 10:00. */
    private static final ZonedDateTime START = ZonedDateTime.of(2025, 3, 25, 10, 0, 0, 0, BUENOS_AIRES);
    /** The rescheduled start: Thursday 3 April 2025, 15:00. */
    private static final ZonedDateTime NEW_START = ZonedDateTime.of(2025, 4, 3, 15, 0, 0, 0, BUENOS_AIRES);
    private static final long CALL = 42L;
    private static final String AXIS_ID = "ambiente";
    private static final long TABLE = 7L;

    private final JavaDelegate sendRoundTableInvitations = mock(JavaDelegate.class);
    private final JavaDelegate remindRoundTable = mock(JavaDelegate.class);
    private final JavaDelegate closeRoundTable = mock(JavaDelegate.class);
    private final TaskListener roundTablePhase1Recorded = mock(TaskListener.class);
    private final TaskListener roundTablePhase2Recorded = mock(TaskListener.class);
    private final TaskListener attendanceOptionsOffered = mock(TaskListener.class);
    private final TaskListener roundTableAttendanceRecorded = mock(TaskListener.class);
    /** The start the confirm listener stores; the first {@link #refusals} runs refuse instead. */
    private ZonedDateTime confirmedStart = START;
    private int refusals;
    private int confirmRuns;
    /** The start refreshRoundTableStart reads after a rescheduling. */
    private ZonedDateTime refreshedStart = NEW_START;
    private int refreshRuns;
    /** What the round-table looks like when refreshRoundTableStart reads it. */
    private boolean rescheduled;
    private boolean cancelled;
    private final TaskListener organizationOptionsOffered = mock(TaskListener.class);
    private final TaskListener organizationsChosen = mock(TaskListener.class);
    private final JavaDelegate sendPersonalInvitations = mock(JavaDelegate.class);
    private int proposeRuns;

    @BeforeEach
    void setUp() {
        init(extension.getProcessEngine());
        extension.setCurrentTime(Date.from(NOW.toInstant()));
        Mocks.register("schedule", new ScheduleExpressions());
        Mocks.register("proposeRoundTableDate", (JavaDelegate) execution -> {
            proposeRuns++;
            execution.setVariable(ROUND_TABLE_ID, TABLE);
            execution.setVariable(TITLE, "Mesa de co-creación: Ambiente");
            execution.setVariable(PAGE, "http://localhost:8080/staff/round-tables/" + TABLE);
            execution.setVariable(STARTS_AT, START.toLocalDateTime().toString());
            execution.setVariable(DURATION_MINUTES, 120);
            execution.setVariable(CAPACITY, 40);
        });
        Mocks.register("roundTableDateConfirmed", (TaskListener) (DelegateTask task) -> {
            confirmRuns++;
            if (confirmRuns <= refusals) {
                throw new RefusedInputException("Datos inválidos / Invalid data: demasiado pronto");
            }
            task.getExecution().setVariable(STARTS_AT_DATE, Date.from(confirmedStart.toInstant()));
        });
        Mocks.register("sendRoundTableInvitations", sendRoundTableInvitations);
        Mocks.register("refreshRoundTableStart", (JavaDelegate) execution -> {
            refreshRuns++;
            execution.setVariable(STARTS_AT_DATE, Date.from((rescheduled ? refreshedStart : confirmedStart).toInstant()));
            execution.setVariable(STATUS, cancelled ? "CANCELLED" : "SCHEDULED");
        });
        Mocks.register("organizationOptionsOffered", organizationOptionsOffered);
        Mocks.register("nameTaskAfterRoundTable", (TaskListener) task -> task.setName(task.getName() + " · Ambiente"));
        Mocks.register("organizationsChosen", organizationsChosen);
        Mocks.register("sendPersonalInvitations", sendPersonalInvitations);
        Mocks.register("remindRoundTable", remindRoundTable);
        Mocks.register("roundTablePhase1Recorded", roundTablePhase1Recorded);
        Mocks.register("roundTablePhase2Recorded", roundTablePhase2Recorded);
        Mocks.register("attendanceOptionsOffered", attendanceOptionsOffered);
        Mocks.register("roundTableAttendanceRecorded", roundTableAttendanceRecorded);
        Mocks.register("closeRoundTable", closeRoundTable);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    @Test
    void confirmedRoundTableIsRemindedTwiceThenHeld() throws Exception {
        ProcessInstance pi = start();

        assertThat(proposeRuns).isEqualTo(1);
        assertThat(pi).hasPassed(TASK_PROPOSE_DATE).isWaitingAt(TASK_CONFIRM_DATE).task().hasCandidateGroup("og-team");
        assertThat(pi).variables().containsEntry(ROUND_TABLE_ID, TABLE).containsEntry(STARTS_AT, "2025-03-25T10:00");

        complete(task(TASK_CONFIRM_DATE, pi));

        // the invitations are an asynchronous step: nothing is sent in the staff member's transaction
        assertThat(confirmRuns).isEqualTo(1);
        assertThat(pi).hasPassed(TASK_CONFIRM_DATE).isWaitingAt(TASK_SEND_INVITATIONS);
        verifyNoInteractions(sendRoundTableInvitations);
        execute(job(TASK_SEND_INVITATIONS, pi));

        verify(sendRoundTableInvitations).execute(any());
        assertThat(pi).hasPassed(TASK_SEND_INVITATIONS).isWaitingAt(TIMER_REMINDER_48H);
        assertThat(timers(pi)).extracting(Job::getDuedate)
                .containsExactly(Date.from(START.minus(Duration.ofHours(48)).toInstant()));
        verifyNoInteractions(remindRoundTable);

        fire(TIMER_REMINDER_48H, pi, START.minusHours(48));

        verify(remindRoundTable, times(1)).execute(any());
        assertThat(pi).hasPassed(TIMER_REMINDER_48H, "Task_Remind48h").isWaitingAt(TIMER_REMINDER_2H);
        assertThat(timers(pi)).extracting(Job::getDuedate)
                .containsExactly(Date.from(START.minus(Duration.ofHours(2)).toInstant()));

        fire(TIMER_REMINDER_2H, pi, START.minusHours(2));

        verify(remindRoundTable, times(2)).execute(any());
        assertThat(pi).hasPassed(TIMER_REMINDER_2H, "Task_Remind2h").isWaitingAt(TIMER_MEETING_STARTS);
        assertThat(timers(pi)).extracting(Job::getDuedate).containsExactly(Date.from(START.toInstant()));
        assertThat(pi).hasNotPassed(TASK_PHASE_1);

        fire(TIMER_MEETING_STARTS, pi, START);

        assertThat(pi).hasPassed(SUBPROCESS_UNTIL_MEETING, "EndEvent_MeetingTime").isWaitingAt(TASK_PHASE_1)
                .task().hasCandidateGroup("og-team");
        assertThat(timers(pi)).isEmpty();

        complete(task(TASK_PHASE_1, pi), withVariables(PRESENTATION, "El área presentó las propuestas."));
        verify(roundTablePhase1Recorded).notify(any());
        assertThat(pi).isWaitingAt(TASK_PHASE_2).task().hasCandidateGroup("og-team");

        complete(task(TASK_PHASE_2, pi), withVariables(CHOSEN_TOPICS, "Corredores verdes"));
        verify(roundTablePhase2Recorded).notify(any());
        assertThat(pi).isWaitingAt(TASK_ATTENDANCE).task().hasCandidateGroup("og-team");
        verify(attendanceOptionsOffered).notify(any());
        verifyNoInteractions(roundTableAttendanceRecorded, closeRoundTable);

        complete(task(TASK_ATTENDANCE, pi), withVariables(ATTENDEES, "[]"));

        verify(roundTableAttendanceRecorded).notify(any());
        verify(closeRoundTable).execute(any());
        assertThat(pi).hasPassed(TASK_ATTENDANCE, TASK_CLOSE, END_HELD).hasNotPassed(END_CANCELLED).isEnded();
        verify(sendRoundTableInvitations, times(1)).execute(any());
        assertThat(refreshRuns).as("once, after the invitations").isEqualTo(1);
    }

    @Test
    void reschedulingSendsTheUpdateAndRecomputesTheTimers() throws Exception {
        ProcessInstance pi = scheduled();
        String oldTimer = timers(pi).get(0).getId();

        correlate(MESSAGE_RESCHEDULED);

        // the wait was interrupted: its timer is gone, the update waits for its asynchronous job
        assertThat(pi).hasPassed(EVENT_RESCHEDULED).isWaitingAt(TASK_SEND_UPDATED);
        assertThat(timers(pi)).isEmpty();
        assertThat(jobQuery().jobId(oldTimer).count()).isZero();
        verify(sendRoundTableInvitations, times(1)).execute(any());
        assertThat(refreshRuns).isEqualTo(1);

        execute(job(TASK_SEND_UPDATED, pi));

        verify(sendRoundTableInvitations, times(2)).execute(any());
        assertThat(refreshRuns).isEqualTo(2);
        assertThat(pi).hasPassed(TASK_SEND_UPDATED, TASK_REFRESH_START).isWaitingAt(TIMER_REMINDER_48H);
        assertThat(pi).variables().containsEntry(STARTS_AT_DATE, Date.from(NEW_START.toInstant()));
        assertThat(timers(pi)).extracting(Job::getDuedate)
                .containsExactly(Date.from(NEW_START.minus(Duration.ofHours(48)).toInstant()));

        fire(TIMER_REMINDER_48H, pi, NEW_START.minusHours(48));
        assertThat(timers(pi)).extracting(Job::getDuedate)
                .containsExactly(Date.from(NEW_START.minus(Duration.ofHours(2)).toInstant()));
        fire(TIMER_REMINDER_2H, pi, NEW_START.minusHours(2));
        assertThat(timers(pi)).extracting(Job::getDuedate).containsExactly(Date.from(NEW_START.toInstant()));
        fire(TIMER_MEETING_STARTS, pi, NEW_START);

        verify(remindRoundTable, times(2)).execute(any());
        assertThat(pi).isWaitingAt(TASK_PHASE_1);
    }

    @Test
    void reschedulingAfterTheFirstReminderRestartsTheWaitWithBothReminders() throws Exception {
        ProcessInstance pi = scheduled();
        fire(TIMER_REMINDER_48H, pi, START.minusHours(48));
        assertThat(pi).isWaitingAt(TIMER_REMINDER_2H);
        verify(remindRoundTable, times(1)).execute(any());

        correlate(MESSAGE_RESCHEDULED);
        assertThat(timers(pi)).as("the 2 h timer of the old date is gone").isEmpty();
        execute(job(TASK_SEND_UPDATED, pi));

        assertThat(pi).isWaitingAt(TIMER_REMINDER_48H);
        assertThat(timers(pi)).extracting(Job::getDuedate)
                .containsExactly(Date.from(NEW_START.minus(Duration.ofHours(48)).toInstant()));
        fire(TIMER_REMINDER_48H, pi, NEW_START.minusHours(48));
        verify(remindRoundTable, times(2)).execute(any());
        assertThat(pi).isWaitingAt(TIMER_REMINDER_2H);
    }

    @Test
    void cancellationSendsTheCancelAndEndsWithoutTimers() throws Exception {
        ProcessInstance pi = scheduled();

        correlate(MESSAGE_CANCELLED);

        assertThat(pi).hasPassed(EVENT_CANCELLED).isWaitingAt(TASK_SEND_CANCELLATION);
        assertThat(timers(pi)).isEmpty();
        verify(sendRoundTableInvitations, times(1)).execute(any());

        execute(job(TASK_SEND_CANCELLATION, pi));

        verify(sendRoundTableInvitations, times(2)).execute(any());
        assertThat(pi).hasPassed(TASK_SEND_CANCELLATION, END_CANCELLED).hasNotPassed(TASK_PHASE_1, END_HELD)
                .isEnded();
        assertThat(jobQuery().count()).isZero();
        verifyNoInteractions(remindRoundTable, closeRoundTable);
        assertThat(refreshRuns).isEqualTo(1);
    }

    @Test
    void refusedConfirmationKeepsTheTaskOpen() throws Exception {
        refusals = 1;
        ProcessInstance pi = start();
        String taskId = task(TASK_CONFIRM_DATE, pi).getId();

        Throwable refusal = catchThrowable(() -> complete(task(TASK_CONFIRM_DATE, pi)));

        assertThat(refusal).isNotNull();
        assertThat(causes(refusal)).as("the refusal reaches the caller (Tasklist shows it)")
                .anySatisfy(t -> assertThat(t).isInstanceOf(RefusedInputException.class)
                        .hasMessageContaining("demasiado pronto"));
        assertThat(confirmRuns).isEqualTo(1);
        assertThat(pi).isWaitingAt(TASK_CONFIRM_DATE).hasNotPassed(TASK_CONFIRM_DATE, TASK_SEND_INVITATIONS);
        assertThat(task(TASK_CONFIRM_DATE, pi).getId()).isEqualTo(taskId);
        assertThat(pi).variables().doesNotContainKey(STARTS_AT_DATE);
        assertThat(jobQuery().count()).isZero();
        verifyNoInteractions(sendRoundTableInvitations);

        // corrected and submitted again: the same task completes
        complete(task(TASK_CONFIRM_DATE, pi));
        assertThat(confirmRuns).isEqualTo(2);
        assertThat(pi).hasPassed(TASK_CONFIRM_DATE).isWaitingAt(TASK_SEND_INVITATIONS);
    }

    @Test
    void meetingLessThan48HoursAwayRemindsAtOnce() throws Exception {
        confirmedStart = NOW.plusHours(30);
        ProcessInstance pi = start();
        complete(task(TASK_CONFIRM_DATE, pi));
        execute(job(TASK_SEND_INVITATIONS, pi));

        Job reminder48h = job(TIMER_REMINDER_48H, pi);
        assertThat(reminder48h).hasDueDate(Date.from(confirmedStart.minusHours(48).toInstant()));
        assertThat(reminder48h.getDuedate()).as("already due").isBefore(Date.from(NOW.toInstant()));
        // the job executor would acquire it right away: it is executable now
        assertThat(jobQuery().processInstanceId(pi.getId()).timers().executable().list()).extracting(Job::getId)
                .containsExactly(reminder48h.getId());

        execute(reminder48h); // the clock has not moved

        verify(remindRoundTable, times(1)).execute(any());
        assertThat(pi).isWaitingAt(TIMER_REMINDER_2H);
        Job reminder2h = job(TIMER_REMINDER_2H, pi);
        assertThat(reminder2h).hasDueDate(Date.from(confirmedStart.minusHours(2).toInstant()));
        assertThat(jobQuery().processInstanceId(pi.getId()).timers().executable().count())
                .as("the 2 h reminder waits for its time").isZero();
    }

    @Test
    void rescheduleAndCancelAreHeardOnlyWhileWaitingForTheMeeting() throws Exception {
        ProcessInstance pi = start();
        assertThat(messageSubscriptions(pi)).as("before the confirmation").isEmpty();

        complete(task(TASK_CONFIRM_DATE, pi));
        assertThat(messageSubscriptions(pi)).as("while the invitations job is pending").isEmpty();

        execute(job(TASK_SEND_INVITATIONS, pi));
        assertThat(messageSubscriptions(pi)).containsExactlyInAnyOrder(MESSAGE_RESCHEDULED, MESSAGE_CANCELLED);

        fire(TIMER_REMINDER_48H, pi, START.minusHours(48));
        fire(TIMER_REMINDER_2H, pi, START.minusHours(2));
        assertThat(messageSubscriptions(pi)).as("until the meeting starts")
                .containsExactlyInAnyOrder(MESSAGE_RESCHEDULED, MESSAGE_CANCELLED);

        fire(TIMER_MEETING_STARTS, pi, START);
        assertThat(messageSubscriptions(pi)).as("once the meeting started").isEmpty();
        verify(sendRoundTableInvitations, times(1)).execute(any());
    }

    @Test
    void cancellationWhileTheInvitationsArePendingStillEndsTheRoundTable() throws Exception {
        ProcessInstance pi = start();
        complete(task(TASK_CONFIRM_DATE, pi));

        // staff cancel on the round-table page before the job executor has run the invitations job
        cancelled = true;
        runtimeService().createMessageCorrelation(MESSAGE_CANCELLED)
                .processInstanceBusinessKey(businessKey(CALL, AXIS_ID)).correlateAllWithResult();
        while (jobQuery().processInstanceId(pi.getId()).messages().count() > 0) {
            execute(jobQuery().processInstanceId(pi.getId()).messages().list().get(0));
        }

        assertThat(pi).isEnded();
        assertThat(timers(pi)).isEmpty();
    }

    private static List<String> messageSubscriptions(ProcessInstance pi) {
        return runtimeService().createEventSubscriptionQuery().processInstanceId(pi.getId()).eventType("message")
                .list().stream().map(s -> s.getEventName()).toList();
    }

    /**
     * Starts the instance the way {@code RoundTableEventsBridge} does and passes the personalised call (staff choose
     * organisations, the personal invitations job runs): the instance waits for the date confirmation.
     */
    private ProcessInstance start() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, businessKey(CALL, AXIS_ID),
                withVariables(CALL_ID, CALL, AXIS, AXIS_ID));
        assertThat(pi).isWaitingAt(TASK_CHOOSE_ORGANIZATIONS);
        complete(task(TASK_CHOOSE_ORGANIZATIONS, pi));
        execute(job(TASK_SEND_PERSONAL_INVITATIONS, pi));
        return pi;
    }

    /** Starts, confirms and sends the invitations: the instance waits for the 48 h reminder. */
    private ProcessInstance scheduled() {
        ProcessInstance pi = start();
        complete(task(TASK_CONFIRM_DATE, pi));
        execute(job(TASK_SEND_INVITATIONS, pi));
        assertThat(pi).isWaitingAt(TIMER_REMINDER_48H);
        return pi;
    }

    /** Correlates a message the way {@code RoundTableEventsBridge} does, to exactly one instance. */
    private void correlate(String message) {
        rescheduled |= MESSAGE_RESCHEDULED.equals(message);
        cancelled |= MESSAGE_CANCELLED.equals(message);
        assertThat(runtimeService().createMessageCorrelation(message)
                .processInstanceBusinessKey(businessKey(CALL, AXIS_ID)).correlateAllWithResult()).hasSize(1);
    }

    /** Moves the clock to the timer's due date and fires it. */
    private static void fire(String timer, ProcessInstance pi, ZonedDateTime at) {
        Job job = job(timer, pi);
        assertThat(job).as(timer).hasDueDate(Date.from(at.toInstant()));
        extension.setCurrentTime(Date.from(at.toInstant()));
        execute(job);
    }

    private static List<Job> timers(ProcessInstance pi) {
        return jobQuery().processInstanceId(pi.getId()).timers().list();
    }

    private static Task task(String key, ProcessInstance pi) {
        return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> out = new ArrayList<>();
        for (Throwable c = t; c != null && !out.contains(c); c = c.getCause()) {
            out.add(c);
        }
        return out;
    }
}
