package org.cocrea.workflow;

import static org.cocrea.workflow.CommitmentFollowUpProcess.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

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
import org.cocrea.followup.FollowUpLeadArea;
import org.cocrea.followup.FollowUpMails;
import org.cocrea.followup.FollowUps;
import org.cocrea.followup.ReportStatus;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.ProblemTexts;
import org.cocrea.notification.TaskNotifications;
import org.cocrea.workflow.support.ProcessVariable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners of {@code commitment-follow-up.bpmn} for the area's monthly report (plan, request,
 * form, reminder, overdue notice), each a thin bean named as in the model; the staff's review, the escalation and
 * the monitoring body's evaluation are {@link CommitmentFollowUpReviewDelegates}. Report
 * variables are written local to the monthly report's event-subprocess instance, so reports of different months open
 * at the same time never share them.
 */
@Configuration(proxyBeanMethods = false)
class CommitmentFollowUpDelegates {

    private static final Locale ES = Locale.forLanguageTag("es");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A milestone row's percentage in the report form's Json, read as a form whole number. */
    private static final ProcessVariable<Integer> PERCENT_COMPLETE = ProcessVariable.integer("percentComplete");

    /**
     * The commitment this instance follows. It is an owned variable ({@link CommitmentFollowUpProcess#OWNED}): no
     * completion can change it ({@link OwnedVariablesGuard}).
     *
     * @param scope the task or execution
     * @return the commitment's id
     */
    static long commitmentId(VariableScope scope) {
        return COMMITMENT_ID_VAR.required(scope);
    }

    /**
     * The report the scope works on; owned like {@link #commitmentId(VariableScope)}.
     *
     * @param scope the task or execution of one monthly report
     * @return the report's id
     */
    static long reportId(VariableScope scope) {
        return REPORT_ID_VAR.required(scope);
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
    static <T> T refused(Supplier<T> step) {
        try {
            return step.get();
        } catch (InputRefusedException e) {
            throw refusal(e);
        }
    }

    /**
     * @param e the follow-up's refusal, each reason a message key
     * @return the engine's refusal, "field: reason" per problem in each language (texts from the bundles)
     */
    static RefusedInputException refusal(InputRefusedException e) {
        return RefusedInputException.of(e, null,
                (p, locale) -> p.field() + ": " + ProblemTexts.bundles().text(p, locale));
    }

    /**
     * {@code Task_PrepareFollowUp}: the commitment's plan as routing variables; {@code leadAreaGroup} (the report
     * task's candidate group and the mails' recipients) is {@link FollowUpLeadArea#group(long)}, the rule the
     * evidence access check uses too.
     */
    @Bean
    JavaDelegate prepareFollowUp(FollowUps followUps, FollowUpLeadArea leadArea, Clock clock) {
        return (DelegateExecution execution) -> {
            FollowUps.Plan plan = followUps.plan(commitmentId(execution));
            execution.setVariable(COMMITMENT_LABEL, plan.code() + " — " + plan.title());
            LEAD_AREA_GROUP_VAR.set(execution, leadArea.group(plan.commitmentId()));
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
            if (followUps.report(reportId(task)).getStatus() == ReportStatus.SUBMITTED) {
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
                    PERCENT_COMPLETE.from(r.path("percentComplete").isMissingNode()
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

    /**
     * {@code Task_RemindArea}: the reminder before the report falls due, to the members of the lead area
     * ({@code leadAreaGroup}, which {@code Task_PrepareFollowUp} took from {@link FollowUpLeadArea#group(long)}).
     */
    @Bean
    JavaDelegate remindFollowUpReport(FollowUps followUps, FollowUpMails mails, GroupMembers members,
            TaskNotifications notifications) {
        return (DelegateExecution execution) -> mails.reportDueSoon(reportId(execution),
                notifications.tasklistLink(submitTaskId(followUps, execution)),
                members.of(List.of(LEAD_AREA_GROUP_VAR.get(execution))));
    }

    /** {@code Task_NotifyOverdue}: the overdue notice to the lead area's members ({@link FollowUpLeadArea}). */
    @Bean
    JavaDelegate notifyFollowUpOverdue(FollowUps followUps, FollowUpMails mails, GroupMembers members,
            TaskNotifications notifications) {
        return (DelegateExecution execution) -> mails.reportOverdue(reportId(execution),
                notifications.tasklistLink(submitTaskId(followUps, execution)),
                members.of(List.of(LEAD_AREA_GROUP_VAR.get(execution))));
    }

    /** The open report task of the execution's report (the one its boundary timer is attached to). */
    private static String submitTaskId(FollowUps followUps, DelegateExecution execution) {
        Task task = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(TASK_SUBMIT_REPORT)
                .taskVariableValueEquals(REPORT_ID, reportId(execution)).singleResult();
        return task == null ? "" : task.getId();
    }

    /** Names a report's task after the commitment code and month, e.g. "... · ARBA-01 · noviembre de 2026". */
    static void nameAfterReport(DelegateTask task) {
        String label = COMMITMENT_LABEL_VAR.get(task);
        String code = label == null ? "" : label.split(" — ", 2)[0];
        task.setName(task.getName() + " · " + code + " · " + REPORT_MONTH_VAR.get(task));
    }
}
