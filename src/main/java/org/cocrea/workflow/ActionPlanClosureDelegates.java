package org.cocrea.workflow;

import static org.cocrea.workflow.ActionPlanClosureProcess.*;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cocrea.implementation.LabelledProblems;
import org.cocrea.implementation.SelfAssessment;
import org.cocrea.implementation.SelfAssessments;
import org.cocrea.kernel.InputRefusedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates and listeners of {@code action-plan-closure.bpmn}, each a thin bean named as in the model. */
@Configuration(proxyBeanMethods = false)
class ActionPlanClosureDelegates {

    /**
     * {@code Task_DraftSelfAssessment}: a new draft version with the current figures; its id, version, staff preview
     * link, introduction and notes become variables for the review form.
     */
    @Bean
    JavaDelegate draftSelfAssessment(SelfAssessments assessments, @Value("${cocrea.public-base-url}") String baseUrl) {
        return (DelegateExecution execution) -> {
            SelfAssessment draft = assessments.draft(ACTION_PLAN_ID_VAR.get(execution),
                    execution.getProcessInstanceId());
            execution.setVariable(SELF_ASSESSMENT_ID, draft.getId());
            execution.setVariable(SELF_ASSESSMENT_VERSION, draft.getVersion());
            execution.setVariable(PREVIEW, baseUrl + "/staff/self-assessment?version=" + draft.getVersion());
            execution.setVariable(INTRODUCTION, draft.getIntroduction());
            execution.setVariable(NOTES, draft.getNotes());
            execution.setVariable(DECISION, null);
        };
    }

    /**
     * Complete listener of {@code Task_ReviewSelfAssessment}: the decision must be publish or redraft, and the
     * introduction and notes are stored on the draft; a refusal keeps the task open with the reasons.
     */
    @Bean
    TaskListener selfAssessmentReviewed(SelfAssessments assessments, LabelledProblems texts) {
        return (DelegateTask task) -> {
            Object decision = DECISION_VAR.get(task);
            if (!DECISION_PUBLISH.equals(decision) && !DECISION_REDRAFT.equals(decision)) {
                throw RefusalTexts.refusal("refusal.publishOrRedraft");
            }
            try {
                assessments.edit(SELF_ASSESSMENT_ID_VAR.get(task),
                        INTRODUCTION_VAR.get(task), NOTES_VAR.get(task),
                        Actors.of(task));
            } catch (InputRefusedException e) {
                throw RefusedInputException.of(e, "refusal.invalidData", texts::text);
            }
            task.getExecution().setVariable(REVIEWED_BY, Actors.of(task));
        };
    }

    /** {@code Task_PublishSelfAssessment}: the reviewed draft becomes the public report. */
    @Bean
    JavaDelegate publishSelfAssessment(SelfAssessments assessments) {
        return (DelegateExecution execution) -> assessments.publish(SELF_ASSESSMENT_ID_VAR.get(execution),
                REVIEWED_BY_VAR.get(execution));
    }
}
