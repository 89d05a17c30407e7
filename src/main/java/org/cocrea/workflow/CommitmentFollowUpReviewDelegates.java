package org.cocrea.workflow;

import static org.cocrea.workflow.CommitmentFollowUpDelegates.commitmentId;
import static org.cocrea.workflow.CommitmentFollowUpDelegates.input;
import static org.cocrea.workflow.CommitmentFollowUpDelegates.nameAfterReport;
import static org.cocrea.workflow.CommitmentFollowUpDelegates.refused;
import static org.cocrea.workflow.CommitmentFollowUpDelegates.reportId;
import static org.cocrea.workflow.CommitmentFollowUpProcess.*;

import java.time.Instant;
import java.util.Date;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cocrea.followup.Evaluations;
import org.cocrea.followup.FollowUpMails;
import org.cocrea.followup.FollowUps;
import org.cocrea.notification.TaskNotifications;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The listeners of {@code commitment-follow-up.bpmn} for the staff and the monitoring body: the escalation of an
 * overdue report, the staff's review of a submitted report, and the final evaluation. Each is a thin bean named as in
 * the model; the shared readers are {@link CommitmentFollowUpDelegates}'.
 */
@Configuration(proxyBeanMethods = false)
class CommitmentFollowUpReviewDelegates {

    private static final Locale ES = Locale.forLanguageTag("es");

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
            String decision = REVIEW_DECISION_VAR.from(input(task, REVIEW_DECISION));
            String reason = REVIEW_REASON_VAR.from(input(task, REVIEW_REASON));
            String user = Actors.of(task);
            String reviewer = user == null ? "tasklist" : user;
            long reportId = reportId(task);
            if (DECISION_ACCEPT.equals(decision)) {
                boolean allDone = refused(() -> followUps.accept(reportId, reviewer));
                task.getExecution().setVariable(REPORT_ACCEPTED, true);
                task.getExecution().setVariable(ALL_COMPLETED, allDone);
            } else if (DECISION_MORE.equals(decision)) {
                Instant due = refused(() -> followUps.requestChanges(reportId, reviewer, reason));
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
            task.setName(task.getName() + " · " + COMMITMENT_LABEL_VAR.get(task));
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
            String level = COMPLETION_LEVEL_VAR.from(input(task, COMPLETION_LEVEL));
            String opened = OPENED_GOVERNMENT_VAR.from(input(task, OPENED_GOVERNMENT));
            Boolean verifiable = VERIFIABLE_VAR.from(input(task, VERIFIABLE));
            Boolean relevant = RELEVANT_VAR.from(input(task, RELEVANT));
            String notes = EVALUATION_NOTES_VAR.from(input(task, EVALUATION_NOTES));
            refused(() -> evaluations.record(commitmentId(task), level, opened, verifiable, relevant, notes,
                    user == null ? "tasklist" : user));
        };
    }
}
