package org.cocrea.workflow;

import static org.cocrea.workflow.CommitmentFollowUpProcess.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.cocrea.followup.Evaluations;
import org.cocrea.followup.FollowUpMails;
import org.cocrea.followup.FollowUps;
import org.cocrea.followup.InvalidFollowUpException;
import org.cocrea.notification.TaskNotifications;
import org.cocrea.web.BilingualText;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners of {@code commitment-follow-up.bpmn}, each a thin bean named as in the model. Report
 * variables are written local to the monthly report's event-subprocess instance, so reports of different months open
 * at the same time never share them.
 */
@Configuration(proxyBeanMethods = false)
class CommitmentFollowUpDelegates {

    private static final Locale ES = Locale.forLanguageTag("es");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The commitment this instance follows. It is an owned variable ({@link CommitmentFollowUpProcess#OWNED}): no
     * completion can change it ({@link OwnedVariablesGuard}).
     *
     * @param scope the task or execution
     * @return the commitment's id
     */
    static long commitmentId(VariableScope scope) {
        return ((Number) scope.getVariable(COMMITMENT_ID)).longValue();
    }

    /**
     * The report the scope works on; owned like {@link #commitmentId(VariableScope)}.
     *
     * @param scope the task or execution of one monthly report
     * @return the report's id
     */
    static long reportId(VariableScope scope) {
        return ((Number) scope.getVariable(REPORT_ID)).longValue();
    }

    /**
     * A value the user entered in a task's form. Tasklist's submit-form updates the task-local copy the create
     * listener made (so a form never shows another report's answers); {@code complete} with variables (REST, Java)
     * writes to the process instance instead: that copy wins when present, and is removed, so it never goes stale.
     *
     * @param task the task being completed
     * @param name variable name
     * @return the entered value, or null
     */
    static Object input(DelegateTask task, String name) {
        DelegateExecution execution = task.getExecution();
        if (execution.hasVariable(name)) {
            Object value = execution.getVariable(name);
            execution.removeVariable(name);
            return value;
        }
        return task.getVariableLocal(name);
    }

    /** Runs a feature call, turning its refusal into the engine's refusal (the task stays open, 400 in Tasklist). */
    private static <T> T refused(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidFollowUpException e) {
            throw refusal(e);
        }
    }

    /**
     * @param e the follow-up's refusal, each reason "Spanish / English"
     * @return the engine's refusal, "field: reason" per problem in each language
     */
    static RefusedInputException refusal(InvalidFollowUpException e) {
        List<String> es = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (InvalidFollowUpException.Problem p : e.problems()) {
            BilingualText reason = BilingualText.pair(p.reason());
            es.add(p.field() + ": " + (reason == null ? p.reason() : reason.spanish()));
            en.add(p.field() + ": " + (reason == null ? p.reason() : reason.english()));
        }
        return new RefusedInputException(String.join("; ", es), String.join("; ", en), e);
    }

    /** {@code Task_PrepareFollowUp}: the commitment's plan as routing variables. */
    @Bean
    JavaDelegate prepareFollowUp(FollowUps followUps, Clock clock) {
        return (DelegateExecution execution) -> {
            FollowUps.Plan plan = followUps.plan(commitmentId(execution));
            execution.setVariable(COMMITMENT_LABEL, plan.code() + " — " + plan.title());
            execution.setVariable(LEAD_AREA_GROUP, plan.leadAreaGroup());
            execution.setVariable(STARTS_AT, Date.from(plan.startsAt()));
            execution.setVariable(ENDS_AT, Date.from(plan.endsAt()));
            execution.setVariable(IMPLEMENTATION_STARTED, !plan.startsAt().isAfter(clock.instant()));
            execution.setVariable(ALL_COMPLETED, plan.allMilestonesCompleted());
        };
    }

    /** {@code Task_RequestReport}: this month's report, created once per commitment and month. */
    @Bean
    JavaDelegate requestFollowUpReport(FollowUps followUps, FollowUpMails mails, Clock clock) {
        return (DelegateExecution execution) -> {
            FollowUps.Request request = followUps.request(commitmentId(execution), clock.instant(),
                    execution.getProcessInstanceId());
            execution.setVariableLocal(REPORT_ID, request.reportId());
            execution.setVariableLocal(REPORT_CREATED, request.created());
            execution.setVariableLocal(REPORT_DUE_AT, Date.from(request.dueAt()));
            execution.setVariableLocal(REPORT_MONTH, followUps.month(request.period(), ES));
            execution.setVariableLocal(REPORT_PAGE, mails.reportPage(request.reportId()));
            execution.setVariableLocal(REPORT_ACCEPTED, false);
        };
    }

    /**
     * Create listener of {@code Task_SubmitReport}: the milestones to report on (Json rows for the form's dynamic
     * list), the staff's reason when the report came back, and the commitment and month in the task's name.
     */
    @Bean
    TaskListener followUpReportOffered(FollowUps followUps) {
        return (DelegateTask task) -> {
            long reportId = reportId(task);
            nameAfterReport(task);
            ArrayNode rows = JSON.createArrayNode();
            ArrayNode ids = JSON.createArrayNode();
            for (FollowUps.Entry e : followUps.entries(reportId)) {
                ObjectNode row = rows.addObject();
                row.put("milestoneId", e.milestoneId());
                row.put("title", e.title());
                row.put("status", e.status());
                row.put("percentComplete", e.percentComplete());
                row.put("workDone", e.workDone());
                row.put("evidenceLinks", e.evidenceLinks());
                row.put("nextSteps", e.nextSteps());
                ids.add(e.milestoneId());
            }
            task.setVariableLocal(REPORT_ID, reportId);
            task.setVariableLocal(MILESTONES, Spin.JSON(rows.toString()));
            task.setVariableLocal(OFFERED_MILESTONE_IDS, Spin.JSON(ids.toString()));
            task.setVariableLocal(PREVIOUS_REVIEW_REASON, followUps.report(reportId).getReviewReason());
        };
    }

    /** Complete listener of {@code Task_SubmitReport}: the area's report, validated and stored. */
    @Bean
    TaskListener followUpReportSubmitted(FollowUps followUps) {
        return (DelegateTask task) -> {
            if (followUps.report(reportId(task)).getStatus() == org.cocrea.followup.ReportStatus.SUBMITTED) {
                return; // submitted on the report's page, which completes this task
            }
            List<FollowUps.Entry> entries = entries(input(task, MILESTONES),
                    task.getVariableLocal(OFFERED_MILESTONE_IDS));
            String user = Actors.of(task);
            refused(() -> {
                followUps.submit(reportId(task), user == null ? "tasklist" : user, entries);
                return null;
            });
        };
    }

    /**
     * Reads the dynamic list as Tasklist submits it (Json, or its text). A row without {@code milestoneId} (form-js
     * leaves out fields it does not show) takes the id offered at the same position.
     */
    static List<FollowUps.Entry> entries(Object submitted, Object offered) {
        JsonNode rows = json(MILESTONES, submitted);
        JsonNode ids = offered == null ? JSON.createArrayNode() : json(OFFERED_MILESTONE_IDS, offered);
        if (!rows.isArray()) {
            throw RefusalTexts.refusal("refusal.expectedList", MILESTONES);
        }
        List<FollowUps.Entry> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            JsonNode id = r.path("milestoneId");
            Long milestoneId = id.canConvertToLong() ? Long.valueOf(id.asLong())
                    : id.isTextual() && id.asText().matches("\\d{1,18}") ? Long.valueOf(id.asText())
                    : ids.path(i).canConvertToLong() ? Long.valueOf(ids.path(i).asLong()) : null;
            out.add(new FollowUps.Entry(milestoneId, text(r, "title"), text(r, "status"),
                    FormValues.integer("percentComplete", r.path("percentComplete").isMissingNode()
                            || r.path("percentComplete").isNull() ? null
                            : r.path("percentComplete").isNumber() ? r.path("percentComplete").numberValue()
                            : r.path("percentComplete").asText()),
                    text(r, "workDone"), text(r, "evidenceLinks"), text(r, "nextSteps")));
        }
        return out;
    }

    private static JsonNode json(String field, Object value) {
        try {
            return JSON.readTree(value.toString());
        } catch (JsonProcessingException e) {
            throw RefusalTexts.refusal("refusal.unreadableList", field);
        }
    }

    private static String text(JsonNode row, String field) {
        JsonNode n = row.path(field);
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    /** {@code Task_RemindArea}: the reminder before the report falls due, to the lead area's members. */
    @Bean
    JavaDelegate remindFollowUpReport(FollowUps followUps, FollowUpMails mails, GroupMembers members,
            TaskNotifications notifications) {
        return (DelegateExecution execution) -> mails.reportDueSoon(reportId(execution),
                notifications.tasklistLink(submitTaskId(followUps, execution)),
                members.of(List.of((String) execution.getVariable(LEAD_AREA_GROUP))));
    }

    /** {@code Task_NotifyOverdue}: the overdue notice to the lead area's members. */
    @Bean
    JavaDelegate notifyFollowUpOverdue(FollowUps followUps, FollowUpMails mails, GroupMembers members,
            TaskNotifications notifications) {
        return (DelegateExecution execution) -> mails.reportOverdue(reportId(execution),
                notifications.tasklistLink(submitTaskId(followUps, execution)),
                members.of(List.of((String) execution.getVariable(LEAD_AREA_GROUP))));
    }

    /** The open report task of the execution's report (the one its boundary timer is attached to). */
    private static String submitTaskId(FollowUps followUps, DelegateExecution execution) {
        Task task = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(TASK_SUBMIT_REPORT)
                .taskVariableValueEquals(REPORT_ID, reportId(execution)).singleResult();
        return task == null ? "" : task.getId();
    }

    /** Create listener of {@code Task_HandleOverdue}: named after the commitment and month. */
    @Bean
    TaskListener followUpEscalationOffered() {
        return (DelegateTask task) -> {
            nameAfterReport(task);
            task.setVariableLocal(ESCALATION_NOTE, null);
        };
    }

    /** Create listener of {@code Task_ReviewReport}: the report's summary and empty decision fields. */
    @Bean
    TaskListener followUpReviewOffered(FollowUps followUps) {
        return (DelegateTask task) -> {
            nameAfterReport(task);
            task.setVariableLocal(REPORT_SUMMARY, followUps.summary(reportId(task), ES));
            task.setVariableLocal(REVIEW_DECISION, null);
            task.setVariableLocal(REVIEW_REASON, null);
        };
    }

    /**
     * Complete listener of {@code Task_ReviewReport}: accept (milestones updated, {@code allMilestonesCompleted}
     * refreshed) or ask for more with a reason (the report is due again).
     */
    @Bean
    TaskListener followUpReportReviewed(FollowUps followUps) {
        return (DelegateTask task) -> {
            String decision = FormValues.text(input(task, REVIEW_DECISION));
            String reason = FormValues.text(input(task, REVIEW_REASON));
            String user = Actors.of(task);
            String reviewer = user == null ? "tasklist" : user;
            long reportId = reportId(task);
            if (DECISION_ACCEPT.equals(decision)) {
                boolean allDone = refused(() -> followUps.accept(reportId, reviewer));
                task.getExecution().setVariable(REPORT_ACCEPTED, true);
                task.getExecution().setVariable(ALL_COMPLETED, allDone);
            } else if (DECISION_MORE.equals(decision)) {
                java.time.Instant due = refused(() -> followUps.requestChanges(reportId, reviewer, reason));
                task.getExecution().setVariable(REPORT_ACCEPTED, false);
                task.getExecution().setVariable(REPORT_DUE_AT, Date.from(due));
            } else {
                throw RefusalTexts.refusal("refusal.acceptOrAskMore", REVIEW_DECISION);
            }
        };
    }

    /**
     * Create listener of {@code Task_EvaluateCommitment}: the milestones' final state for the form, and the mail to
     * the monitoring body.
     */
    @Bean
    TaskListener evaluationRequested(FollowUps followUps, FollowUpMails mails, TaskNotifications notifications) {
        return (DelegateTask task) -> {
            long id = commitmentId(task);
            task.setName(task.getName() + " · " + task.getVariable(COMMITMENT_LABEL));
            task.setVariableLocal(MILESTONE_SUMMARY, followUps.milestoneSummary(id, ES));
            task.setVariableLocal(COMPLETION_LEVEL, null);
            task.setVariableLocal(OPENED_GOVERNMENT, null);
            task.setVariableLocal(VERIFIABLE, false);
            task.setVariableLocal(RELEVANT, false);
            task.setVariableLocal(EVALUATION_NOTES, null);
            mails.evaluationRequested(id, notifications.tasklistLink(task.getId()));
        };
    }

    /** Complete listener of {@code Task_EvaluateCommitment}: the evaluation, validated and stored. */
    @Bean
    TaskListener commitmentEvaluated(FollowUps followUps, Evaluations evaluations) {
        return (DelegateTask task) -> {
            String user = Actors.of(task);
            String level = FormValues.text(input(task, COMPLETION_LEVEL));
            String opened = FormValues.text(input(task, OPENED_GOVERNMENT));
            Boolean verifiable = FormValues.bool(input(task, VERIFIABLE));
            Boolean relevant = FormValues.bool(input(task, RELEVANT));
            String notes = FormValues.text(input(task, EVALUATION_NOTES));
            refused(() -> evaluations.record(commitmentId(task), level, opened, verifiable, relevant, notes,
                    user == null ? "tasklist" : user));
        };
    }

    private static void nameAfterReport(DelegateTask task) {
        String label = (String) task.getVariable(COMMITMENT_LABEL);
        String code = label == null ? "" : label.split(" — ", 2)[0];
        task.setName(task.getName() + " · " + code + " · " + task.getVariable(REPORT_MONTH));
    }
}
