package org.cocrea.workflow;

import static org.cocrea.workflow.CommitmentDraftingProcess.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.cocrea.commitment.Commitment;
import org.cocrea.commitment.CommitmentSheets;
import org.cocrea.commitment.SheetProblem;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.proposal.Proposals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners of {@code commitment-drafting.bpmn} and {@code co-creation.bpmn}, each a thin bean named
 * as in the model. Refusals of the commitment feature become {@link RefusedInputException} with the reasons in
 * Spanish and English, so Tasklist keeps the task open and shows why.
 */
@Configuration(proxyBeanMethods = false)
class CommitmentDraftingDelegates {

    private static final Logger log = LoggerFactory.getLogger(CommitmentDraftingDelegates.class);
    /** The head of a refusal: "Datos inválidos" / "Invalid data". */
    private static final String INVALID_DATA = "refusal.invalidData";

    /**
     * The commitment this instance carries: an owned variable ({@link CommitmentDraftingProcess#OWNED}) that no
     * completion can change ({@link OwnedVariablesGuard}).
     *
     * @param scope the task or execution
     * @return the commitment's id
     */
    static long commitmentId(VariableScope scope) {
        return COMMITMENT_ID_VAR.required(scope);
    }

    /** Translates a refusal of the commitment feature for Tasklist: "field: reason" in Spanish / English. */
    static RefusedInputException refusal(InputRefusedException e, MessageSource messages) {
        return RefusedInputException.of(e, INVALID_DATA,
                (p, locale) -> describe(SheetProblem.of(p), messages, locale));
    }

    private static String describe(SheetProblem p, MessageSource messages, Locale locale) {
        String name = messages.getMessage(p.labelKey(), null, p.field(), locale);
        String row = p.row() > 0 ? messages.getMessage("sheet.milestoneRow", new Object[] {p.row()}, locale) + " · " : "";
        return row + name + ": " + messages.getMessage(p.code(), null, p.code(), locale);
    }

    static void refuseInvalidSheet(Runnable step, MessageSource messages) {
        try {
            step.run();
        } catch (InputRefusedException e) {
            throw refusal(e, messages);
        }
    }

    /** Start listener: the links to the sheet's staff and public pages; the sheet learns its process instance. */
    @Bean
    ExecutionListener commitmentDraftingStarted(CommitmentSheets sheets,
            @Value("${cocrea.public-base-url}") String baseUrl) {
        return (DelegateExecution execution) -> {
            long id = commitmentId(execution);
            Commitment c = sheets.get(id);
            sheets.attachProcess(id, execution.getProcessInstanceId());
            execution.setVariable(TITLE, c.getTitleEs());
            execution.setVariable(SHEET_PAGE, baseUrl + "/staff/commitments/" + id);
            execution.setVariable(COMMENTS_PAGE, baseUrl + "/staff/commitments/" + id + "/comments");
            execution.setVariable(DRAFT_PAGE, baseUrl + "/drafts/" + id);
        };
    }

    /** Complete listener of {@code Task_CompleteSheet} and {@code Task_ReviseAfterRejection}: the stored sheet is valid. */
    @Bean
    TaskListener commitmentSheetCompleted(CommitmentSheets sheets, MessageSource messages) {
        return (DelegateTask task) -> {
            List<FieldProblem> problems = sheets.problemsOf(
                    commitmentId(task));
            if (!problems.isEmpty()) {
                throw refusal(new InputRefusedException(problems), messages);
            }
        };
    }

    /**
     * {@code Task_CirculateDraft}: publishes the draft and mails the recipients; sets {@code commentDeadline} and
     * {@code reminderAt} (never before now) for the window's timers from the task's input parameters.
     */
    @Bean
    JavaDelegate circulateDraft(CommitmentSheets sheets, MessageSource messages, Clock clock) {
        return (DelegateExecution execution) -> {
            Duration window = duration(execution, COMMENT_WINDOW);
            Duration before = duration(execution, REMINDER_BEFORE);
            Instant[] deadline = new Instant[1];
            long id = commitmentId(execution);
            refuseInvalidSheet(() -> deadline[0] = sheets.circulate(id, window), messages);
            Instant reminder = deadline[0].minus(before);
            Instant now = clock.instant();
            execution.setVariable(COMMENT_DEADLINE, Date.from(deadline[0]));
            execution.setVariable(REMINDER_AT, Date.from(reminder.isBefore(now) ? now : reminder));
        };
    }

    private static Duration duration(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        try {
            return Duration.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            String where = "processes/" + KEY + ".bpmn, element " + execution.getCurrentActivityId()
                    + ", input parameter " + name;
            log.error("{}: '{}' is not an ISO 8601 duration such as P10D", where, value);
            throw new IllegalStateException(where + ": '" + value + "' is not an ISO 8601 duration such as P10D", e);
        }
    }

    /** {@code Task_SendCommentReminder}: reminds the recipients before the window closes. */
    @Bean
    JavaDelegate remindCommenters(CommitmentSheets sheets) {
        return (DelegateExecution execution) -> sheets.remindCommenters(
                commitmentId(execution));
    }

    /** {@code Task_CloseComments}: closes the window; sets {@code commentCount}. */
    @Bean
    JavaDelegate closeComments(CommitmentSheets sheets) {
        return (DelegateExecution execution) -> execution.setVariable(COMMENT_COUNT,
                sheets.closeComments(commitmentId(execution)));
    }

    /** Complete listener of {@code Task_ConsolidateComments}: every comment answered; commenters told. */
    @Bean
    TaskListener consolidationCompleted(CommitmentSheets sheets, MessageSource messages) {
        return (DelegateTask task) -> {
            long id = commitmentId(task);
            refuseInvalidSheet(() -> sheets.finishConsolidation(id), messages);
        };
    }

    /** {@code Task_RequestValidation}: sets {@code leadAreaGroup}, the validation task's candidate group. */
    @Bean
    JavaDelegate requestValidation(CommitmentSheets sheets, MessageSource messages) {
        return (DelegateExecution execution) -> {
            long id = commitmentId(execution);
            refuseInvalidSheet(() -> execution.setVariable(LEAD_AREA_GROUP, sheets.requestValidation(id)), messages);
        };
    }

    /** Complete listener of {@code Task_ValidateCommitment}: approve, or reject with a reason (sets {@code validated}). */
    @Bean
    TaskListener commitmentValidated(CommitmentSheets sheets, MessageSource messages) {
        return (DelegateTask task) -> {
            long id = commitmentId(task);
            String decision = VALIDATION_DECISION_VAR.get(task);
            if (!"approve".equals(decision) && !"reject".equals(decision)) {
                throw RefusalTexts.refusal("refusal.approveOrReject");
            }
            boolean approved = "approve".equals(decision);
            if (!approved) {
                String reason = VALIDATION_REASON_VAR.get(task);
                refuseInvalidSheet(() -> sheets.rejectValidation(id, reason), messages);
                task.getExecution().setVariable(REJECTION_REASON, reason);
            }
            task.getExecution().setVariable(VALIDATED, approved);
        };
    }

    /** {@code Task_PublishCommitment}: the code, the published plan and the follow-up (sets {@code commitmentCode}). */
    @Bean
    JavaDelegate publishCommitment(CommitmentSheets sheets, MessageSource messages) {
        return (DelegateExecution execution) -> {
            long id = commitmentId(execution);
            refuseInvalidSheet(() -> execution.setVariable(CODE, sheets.publish(id)), messages);
        };
    }

    /** {@code co-creation}'s {@code Task_PrepareRoundTables}: the axes with prioritised proposals. */
    @Bean
    JavaDelegate prepareRoundTables(Proposals proposals) {
        return (DelegateExecution execution) -> {
            long callId = CoCreationProcess.CALL_ID_VAR.required(execution);
            List<String> axes = new ArrayList<>();
            proposals.prioritisedByAxis(callId).forEach((axis, list) -> {
                if (!list.isEmpty()) {
                    axes.add(axis);
                }
            });
            execution.setVariable(CoCreationProcess.ROUND_TABLE_AXES, axes);
        };
    }

    /**
     * {@code co-creation}'s {@code Task_PrepareCommitmentSheets}: one draft sheet per topic chosen at the axis's
     * round-table; sets {@code commitmentIds} (local to the axis).
     */
    @Bean
    JavaDelegate prepareCommitmentSheets(CommitmentSheets sheets) {
        return (DelegateExecution execution) -> execution.setVariable(CoCreationProcess.COMMITMENT_IDS,
                new ArrayList<>(sheets.createDrafts(CoCreationProcess.CALL_ID_VAR.required(execution), CoCreationProcess.AXIS_VAR.get(execution))));
    }
}
