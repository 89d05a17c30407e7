package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.cocrea.workflow.CommitmentFollowUpProcess.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.cocrea.CocreaApplication;
import org.cocrea.calendar.ScheduleExpressions;
import org.cocrea.followup.FollowUpProperties;
import org.cocrea.followup.FollowUpSchedule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.unit.DataSize;

/**
 * Paths of {@code processes/commitment-follow-up.bpmn} on an in-memory engine with the job executor off and the engine
 * clock moved by hand: a report submitted on time and accepted; an overdue report (reminder, notice, escalation task);
 * more evidence requested (back to the area with a new due date); a report still open when the next month comes
 * (both stay, each with its own report); a second firing in one month (no second report); all milestones completed
 * early (the follow-up ends, evaluation); the end date reached (open reports close, evaluation); the evaluation
 * completed; a commitment not started yet; one with nothing pending. The monthly timer runs on the real
 * {@link FollowUpSchedule} cron through whole years (1st at 08:00, and the last day of every month). Delegates and
 * listeners are mocked by bean name; the request mock keeps one report per month as the real service does.
 */
@Deployment(resources = {"processes/commitment-follow-up.bpmn", "forms/follow-up-report.form",
        "forms/follow-up-review.form", "forms/follow-up-escalation.form", "forms/commitment-evaluation.form"})
class CommitmentFollowUpProcessTests {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("process-tests.cfg.xml").build();

    private static final ZoneId BUENOS_AIRES = ZoneId.of(CocreaApplication.ZONE);
    private static final long COMMITMENT = 99L;
    private static final String CODE = "ARBA0099";
    private static final String AREA = "area-ambiente";

    /** The commitment's period (what prepareFollowUp reads): all of 2027 unless a test changes it. */
    private LocalDate start = LocalDate.of(2027, 1, 1);
    private LocalDate end = LocalDate.of(2027, 12, 31);
    private boolean nothingPending;
    /** What the next accepted review reports: whether every milestone is now completed. */
    private boolean completedAfterAccept;
    /** Reports by month, as the real service keeps them (one per commitment and month). */
    private final Map<YearMonth, Long> reports = new LinkedHashMap<>();
    private final List<Long> submitted = new ArrayList<>();
    private final List<Long> reviewed = new ArrayList<>();
    private final JavaDelegate remindFollowUpReport = mock(JavaDelegate.class);
    private final JavaDelegate notifyFollowUpOverdue = mock(JavaDelegate.class);
    private final TaskListener evaluationRequested = mock(TaskListener.class);
    private final TaskListener commitmentEvaluated = mock(TaskListener.class);

    @BeforeEach
    void setUp() {
        init(extension.getProcessEngine());
        useSchedule("1", 8);
        Mocks.register("schedule", new ScheduleExpressions());
        Mocks.register("prepareFollowUp", (JavaDelegate) execution -> {
            Date startsAt = Date.from(start.atStartOfDay(BUENOS_AIRES).toInstant());
            execution.setVariable(COMMITMENT_LABEL, CODE + " — Compromiso de prueba");
            execution.setVariable(LEAD_AREA_GROUP, AREA);
            execution.setVariable(STARTS_AT, startsAt);
            execution.setVariable(ENDS_AT, Date.from(end.plusDays(1).atStartOfDay(BUENOS_AIRES).toInstant()));
            execution.setVariable(IMPLEMENTATION_STARTED, !startsAt.after(ClockUtil.getCurrentTime()));
            execution.setVariable(ALL_COMPLETED, nothingPending);
        });
        Mocks.register("requestFollowUpReport", (JavaDelegate) execution -> {
            ZonedDateTime now = ClockUtil.getCurrentTime().toInstant().atZone(BUENOS_AIRES);
            YearMonth month = YearMonth.from(now);
            boolean created = !reports.containsKey(month);
            reports.putIfAbsent(month, 1000L + reports.size());
            execution.setVariableLocal(REPORT_ID, reports.get(month));
            execution.setVariableLocal(REPORT_CREATED, created);
            execution.setVariableLocal(REPORT_DUE_AT, dueAt(now.toLocalDate().plusDays(10)));
            execution.setVariableLocal(REPORT_MONTH, month.toString());
            execution.setVariableLocal(REPORT_PAGE, "http://localhost/follow-up/reports/" + reports.get(month));
            execution.setVariableLocal(REPORT_ACCEPTED, false);
        });
        Mocks.register("followUpReportOffered",
                (TaskListener) task -> task.setVariableLocal(REPORT_ID, task.getVariable(REPORT_ID)));
        Mocks.register("followUpReportSubmitted",
                (TaskListener) task -> submitted.add((Long) task.getVariable(REPORT_ID)));
        Mocks.register("remindFollowUpReport", remindFollowUpReport);
        Mocks.register("notifyFollowUpOverdue", notifyFollowUpOverdue);
        Mocks.register("followUpEscalationOffered", (TaskListener) task -> { });
        Mocks.register("followUpReviewOffered", (TaskListener) task -> task.setVariableLocal(REVIEW_DECISION, null));
        Mocks.register("followUpReportReviewed", (TaskListener) (DelegateTask task) -> {
            reviewed.add((Long) task.getVariable(REPORT_ID));
            // reads the decision as the real listener does (Tasklist's local copy or complete's variable)
            if (DECISION_ACCEPT.equals(CommitmentFollowUpDelegates.input(task, REVIEW_DECISION))) {
                task.getExecution().setVariable(REPORT_ACCEPTED, true);
                task.getExecution().setVariable(ALL_COMPLETED, completedAfterAccept);
            } else {
                task.getExecution().setVariable(REPORT_ACCEPTED, false);
                LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(BUENOS_AIRES).toLocalDate();
                task.getExecution().setVariable(REPORT_DUE_AT, dueAt(today.plusDays(10)));
            }
        });
        Mocks.register("evaluationRequested", evaluationRequested);
        Mocks.register("commitmentEvaluated", commitmentEvaluated);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    private static void useSchedule(String day, int hour) {
        Mocks.register("followUpSchedule", new FollowUpSchedule(new FollowUpProperties(day, hour, 10,
                new FollowUpProperties.Evidence(Path.of("target/unused"), DataSize.ofMegabytes(10)))));
    }

    private static Date dueAt(LocalDate day) {
        return Date.from(day.atTime(23, 59).atZone(BUENOS_AIRES).toInstant());
    }

    private static ZonedDateTime at(int year, int month, int day, int hour) {
        return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, BUENOS_AIRES);
    }

    @Test
    void reportSubmittedOnTimeIsAcceptedAndTheNextMonthIsScheduled() throws Exception {
        ProcessInstance pi = startAt(at(2027, 1, 1, 0));
        assertThat(pi).hasPassed(TASK_PREPARE).isActive();
        assertThat(pi).isWaitingAt(TIMER_COMMITMENT_ENDS);
        assertThat(monthlyTimer(pi).getDuedate()).isEqualTo(date(at(2027, 1, 1, 8)));
        assertThat(job(TIMER_COMMITMENT_ENDS, pi).getDuedate()).isEqualTo(date(at(2028, 1, 1, 0)));

        fire(monthlyTimer(pi), at(2027, 1, 1, 8));

        Task report = submitTasks(pi).get(0);
        assertThat(report).hasCandidateGroup(AREA).hasDueDate(dueAt(LocalDate.of(2027, 1, 11)));
        assertThat(job(TIMER_DUE_SOON, pi).getDuedate()).isEqualTo(dueAt(LocalDate.of(2027, 1, 8)));
        assertThat(job(TIMER_OVERDUE, pi).getDuedate()).isEqualTo(dueAt(LocalDate.of(2027, 1, 11)));
        complete(report);

        assertThat(submitted).containsExactly(1000L);
        assertThat(jobQuery().processInstanceId(pi.getId()).activityId(TIMER_OVERDUE).count()).isZero();
        Task review = task(TASK_REVIEW_REPORT, pi);
        assertThat(review).hasCandidateGroup("og-team");
        complete(review, withVariables(REVIEW_DECISION, DECISION_ACCEPT));

        assertThat(reviewed).containsExactly(1000L);
        assertThat(pi).hasPassed(END_REPORT_ACCEPTED).isActive();
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(monthlyTimer(pi).getDuedate()).isEqualTo(date(at(2027, 2, 1, 8)));
        verify(remindFollowUpReport, never()).execute(any());
        verify(notifyFollowUpOverdue, never()).execute(any());
    }

    @Test
    void overdueReportIsRemindedThenEscalatedToTheTeamAndStaysOpen() throws Exception {
        ProcessInstance pi = startAt(at(2027, 3, 1, 0));
        start = LocalDate.of(2027, 3, 1);
        fire(monthlyTimer(pi), at(2027, 3, 1, 8));

        fire(job(TIMER_DUE_SOON, pi), LocalDate.of(2027, 3, 8).atTime(23, 59).atZone(BUENOS_AIRES));
        verify(remindFollowUpReport, times(1)).execute(any());
        assertThat(pi).hasPassed(TASK_REMIND_AREA);
        verify(notifyFollowUpOverdue, never()).execute(any());

        fire(job(TIMER_OVERDUE, pi), LocalDate.of(2027, 3, 11).atTime(23, 59).atZone(BUENOS_AIRES));
        verify(notifyFollowUpOverdue, times(1)).execute(any());
        Task escalation = task(TASK_HANDLE_OVERDUE, pi);
        assertThat(escalation).hasCandidateGroup("og-team");
        // the area's task is not lost: it stays open next to the escalation
        assertThat(submitTasks(pi)).hasSize(1);

        complete(escalation, withVariables(ESCALATION_NOTE, "Llamamos al área; envía el lunes."));
        complete(submitTasks(pi).get(0));
        complete(task(TASK_REVIEW_REPORT, pi), withVariables(REVIEW_DECISION, DECISION_ACCEPT));
        assertThat(pi).hasPassed(END_REPORT_ACCEPTED, "EndEvent_OverdueHandled").isActive();
        verify(remindFollowUpReport, times(1)).execute(any());
    }

    @Test
    void moreEvidenceRequestedSendsTheReportBackWithANewDueDate() {
        ProcessInstance pi = startAt(at(2027, 1, 1, 0));
        fire(monthlyTimer(pi), at(2027, 1, 1, 8));
        complete(submitTasks(pi).get(0));

        extension.setCurrentTime(date(at(2027, 1, 5, 10)));
        complete(task(TASK_REVIEW_REPORT, pi), withVariables(REVIEW_DECISION, DECISION_MORE, REVIEW_REASON,
                "Faltan los enlaces al acta"));

        Task again = submitTasks(pi).get(0);
        assertThat(again).hasCandidateGroup(AREA).hasDueDate(dueAt(LocalDate.of(2027, 1, 15)));
        assertThat(job(TIMER_OVERDUE, pi).getDuedate()).isEqualTo(dueAt(LocalDate.of(2027, 1, 15)));
        assertThat(job(TIMER_DUE_SOON, pi).getDuedate()).isEqualTo(dueAt(LocalDate.of(2027, 1, 12)));
        complete(again);
        complete(task(TASK_REVIEW_REPORT, pi), withVariables(REVIEW_DECISION, DECISION_ACCEPT));

        assertThat(submitted).containsExactly(1000L, 1000L);
        assertThat(reviewed).containsExactly(1000L, 1000L);
        assertThat(reports).hasSize(1);
        assertThat(pi).hasPassed(END_REPORT_ACCEPTED).isActive();
    }

    @Test
    void reportStillOpenWhenTheNextMonthComesStaysOpenAndTheNextMonthGetsItsOwn() {
        ProcessInstance pi = startAt(at(2027, 1, 1, 0));
        fire(monthlyTimer(pi), at(2027, 1, 1, 8));
        fire(monthlyTimer(pi), at(2027, 2, 1, 8));

        List<Task> open = submitTasks(pi);
        assertThat(open).hasSize(2);
        assertThat(open).extracting(t -> taskService().getVariable(t.getId(), REPORT_ID))
                .containsExactlyInAnyOrder(1000L, 1001L);
        // January's report, submitted late, is reviewed as January's
        Task january = open.stream().filter(t -> taskService().getVariable(t.getId(), REPORT_ID).equals(1000L))
                .findFirst().orElseThrow();
        complete(january);
        assertThat(taskService().getVariable(task(TASK_REVIEW_REPORT, pi).getId(), REPORT_ID)).isEqualTo(1000L);
        complete(task(TASK_REVIEW_REPORT, pi), withVariables(REVIEW_DECISION, DECISION_ACCEPT));
        assertThat(submitTasks(pi)).extracting(t -> taskService().getVariable(t.getId(), REPORT_ID))
                .containsExactly(1001L);
    }

    @Test
    void aSecondFiringInTheSameMonthDoesNotDoubleTheReport() {
        ProcessInstance pi = startAt(at(2027, 1, 1, 0));
        fire(monthlyTimer(pi), at(2027, 1, 1, 8));
        // someone executes the timer again in January (Cockpit's "execute job", a changed schedule)
        extension.setCurrentTime(date(at(2027, 1, 15, 9)));
        execute(monthlyTimer(pi));

        assertThat(pi).hasPassed(END_ALREADY_REQUESTED);
        assertThat(submitTasks(pi)).hasSize(1);
        assertThat(reports).hasSize(1);
        assertThat(monthlyTimer(pi).getDuedate()).isEqualTo(date(at(2027, 2, 1, 8)));
    }

    @Test
    void allMilestonesCompletedEndsTheFollowUpEarlyAndAsksForTheEvaluation() throws Exception {
        // published late, in April: the first report is May's
        ProcessInstance pi = startAt(at(2027, 4, 20, 10));
        fire(monthlyTimer(pi), at(2027, 5, 1, 8));
        fire(monthlyTimer(pi), at(2027, 6, 1, 8));
        Task may = submitTasks(pi).stream().filter(t -> taskService().getVariable(t.getId(), REPORT_ID).equals(1000L))
                .findFirst().orElseThrow();
        complete(may);
        completedAfterAccept = true;
        complete(task(TASK_REVIEW_REPORT, pi), withVariables(REVIEW_DECISION, DECISION_ACCEPT));

        assertThat(pi).hasPassed(END_ALL_COMPLETED, EVENT_ALL_COMPLETED).isWaitingAt(TASK_EVALUATE);
        // the follow-up is over: no monthly timer, no end timer, June's request is closed
        assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(submitTasks(pi)).isEmpty();
        assertThat(task(TASK_EVALUATE, pi)).hasCandidateGroup("monitoring-body");
        verify(evaluationRequested, times(1)).notify(any());
    }

    @Test
    void endDateReachedClosesOpenReportsAndAsksForTheEvaluation() throws Exception {
        ProcessInstance pi = startAt(at(2027, 11, 15, 10));
        fire(monthlyTimer(pi), at(2027, 12, 1, 8));
        assertThat(submitTasks(pi)).hasSize(1);

        fire(job(TIMER_COMMITMENT_ENDS, pi), at(2028, 1, 1, 0));

        assertThat(pi).hasPassed(END_PERIOD_OVER).isWaitingAt(TASK_EVALUATE);
        assertThat(submitTasks(pi)).isEmpty();
        assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();
        verify(evaluationRequested, times(1)).notify(any());
    }

    @Test
    void completedEvaluationEndsTheInstance() throws Exception {
        end = LocalDate.of(2027, 2, 28);
        ProcessInstance pi = startAt(at(2027, 1, 1, 0));
        fire(job(TIMER_COMMITMENT_ENDS, pi), at(2027, 3, 1, 0));

        complete(task(TASK_EVALUATE, pi), withVariables(COMPLETION_LEVEL, "SUBSTANTIAL", OPENED_GOVERNMENT, "MAJOR",
                VERIFIABLE, true, RELEVANT, true));

        verify(commitmentEvaluated, times(1)).notify(any());
        assertThat(pi).hasPassed(END_EVALUATED).isEnded();
    }

    @Test
    void commitmentNotStartedYetWaitsForItsStartDate() {
        start = LocalDate.of(2027, 4, 1);
        ProcessInstance pi = startAt(at(2027, 1, 15, 10));

        assertThat(pi).isWaitingAt(TIMER_IMPLEMENTATION_STARTS);
        assertThat(job(TIMER_IMPLEMENTATION_STARTS, pi).getDuedate()).isEqualTo(date(at(2027, 4, 1, 0)));
        fire(job(TIMER_IMPLEMENTATION_STARTS, pi), at(2027, 4, 1, 0));

        assertThat(pi).isWaitingAt(TIMER_COMMITMENT_ENDS);
        assertThat(monthlyTimer(pi).getDuedate()).isEqualTo(date(at(2027, 4, 1, 8)));
    }

    @Test
    void commitmentWithNothingPendingGoesStraightToTheEvaluation() {
        nothingPending = true;
        ProcessInstance pi = startAt(at(2027, 1, 15, 10));

        assertThat(pi).isWaitingAt(TASK_EVALUATE);
        assertThat(pi).hasNotPassed(SUBPROCESS_IMPLEMENTATION);
    }

    @Test
    void monthlyTimerFiresOnceOnTheFirstOfEveryMonthForAWholeYear() {
        ProcessInstance pi = startAt(at(2027, 1, 1, 0));
        List<Date> fired = runUntilTheEnd(pi);

        List<Date> expected = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            expected.add(date(at(2027, m, 1, 8)));
        }
        assertThat(fired).containsExactlyElementsOf(expected);
        assertThat(reports.keySet()).hasSize(12).doesNotHaveDuplicates();
        assertThat(submitTasks(pi)).isEmpty();
        assertThat(pi).isWaitingAt(TASK_EVALUATE);
    }

    @Test
    void monthlyTimerOnTheLastDayOfTheMonthMissesNoMonthEnd() {
        useSchedule("L", 18);
        start = LocalDate.of(2028, 1, 1);
        end = LocalDate.of(2028, 12, 31);
        ProcessInstance pi = startAt(at(2028, 1, 1, 0));
        List<Date> fired = runUntilTheEnd(pi);

        List<Date> expected = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            expected.add(date(YearMonth.of(2028, m).atEndOfMonth().atTime(18, 0).atZone(BUENOS_AIRES)));
        }
        // 31 January, 29 February (2028 is a leap year), 31 March, 30 April ...
        assertThat(fired).containsExactlyElementsOf(expected);
        assertThat(fired.get(1)).isEqualTo(date(LocalDateTime.of(2028, 2, 29, 18, 0).atZone(BUENOS_AIRES)));
        assertThat(reports.keySet()).hasSize(12);
    }

    /**
     * Fires the monthly timer at each due date (submitting and accepting every report right away) and then the end
     * timer; fails if the monthly timer ever comes due after the end.
     *
     * @return the due dates the monthly timer fired at
     */
    private List<Date> runUntilTheEnd(ProcessInstance pi) {
        List<Date> fired = new ArrayList<>();
        Date ends = job(TIMER_COMMITMENT_ENDS, pi).getDuedate();
        for (int i = 0; i < 40; i++) {
            Job monthly = monthlyTimer(pi);
            if (!monthly.getDuedate().before(ends)) {
                break;
            }
            fired.add(monthly.getDuedate());
            extension.setCurrentTime(monthly.getDuedate());
            execute(monthly);
            assertThat(submitTasks(pi)).as("one report task per firing").hasSize(1);
            complete(submitTasks(pi).get(0));
            complete(task(TASK_REVIEW_REPORT, pi), withVariables(REVIEW_DECISION, DECISION_ACCEPT));
        }
        fire(job(TIMER_COMMITMENT_ENDS, pi), ends.toInstant().atZone(BUENOS_AIRES));
        return fired;
    }

    private ProcessInstance startAt(ZonedDateTime now) {
        extension.setCurrentTime(date(now));
        return runtimeService().startProcessInstanceByKey(KEY, CODE, withVariables(COMMITMENT_ID, COMMITMENT));
    }

    private static Date date(ZonedDateTime t) {
        return Date.from(t.toInstant());
    }

    private static void fire(Job job, ZonedDateTime at) {
        assertThat(job).hasDueDate(date(at));
        extension.setCurrentTime(date(at));
        execute(job);
    }

    private static Job monthlyTimer(ProcessInstance pi) {
        return jobQuery().processInstanceId(pi.getId()).activityId(TIMER_MONTHLY_REPORT).singleResult();
    }

    private static Job job(String activity, ProcessInstance pi) {
        return jobQuery().processInstanceId(pi.getId()).activityId(activity).singleResult();
    }

    private static List<Task> submitTasks(ProcessInstance pi) {
        return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_SUBMIT_REPORT).list();
    }

    private static Task task(String key, ProcessInstance pi) {
        return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }
}
