package org.cocrea.workflow;

import static org.cocrea.workflow.CallForParticipationProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.mailing.MailingDraft;
import org.cocrea.mailing.MassMailings;
import org.cocrea.participant.Contacts;
import org.cocrea.workflow.support.FormFields;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners of {@code call-for-participation.bpmn}, each a thin bean named as in the model.
 * The batch size of the mailing loop is {@code cocrea.mailing.batch-size} (default 500).
 */
@Configuration(proxyBeanMethods = false)
class CallForParticipationDelegates {

    static MailingDraft draft(VariableScope scope) {
        return new MailingDraft(SUBJECT_ES_VAR.get(scope), BODY_ES_VAR.get(scope),
                SUBJECT_EN_VAR.get(scope), BODY_EN_VAR.get(scope),
                TOPIC_VAR.get(scope), LINK_VAR.get(scope));
    }

    /** Create listener of {@code Task_WriteCallForParticipation}: offers the directory's topics. */
    @Bean
    TaskListener callTopicsOffered(Contacts contacts, MessageSource messages) {
        return task -> {
            Locale es = Locale.forLanguageTag("es");
            List<Map<String, String>> options = new ArrayList<>();
            options.add(Map.of("label", messages.getMessage("topic.all", null, es), "value", ""));
            contacts.topics().forEach(t -> options.add(Map.of("label", messages.getMessage("topic." + t, null, t, es),
                    "value", t)));
            task.setVariableLocal(TOPIC_OPTIONS, FormFields.jsonOptions(options));
        };
    }

    /** Complete listener of {@code Task_WriteCallForParticipation}: the call is validated on the server. */
    @Bean
    TaskListener callForParticipationWritten(MassMailings mailings) {
        return (DelegateTask task) -> {
            List<FieldProblem> problems = mailings.validate(draft(task));
            if (!problems.isEmpty()) {
                throw RefusedInputException.of(new InputRefusedException(problems), "refusal.invalidCall");
            }
        };
    }

    /** {@code Task_PrepareRecipients}: stores the call and selects its recipients; sets mailingId, recipientsLeft. */
    @Bean
    JavaDelegate prepareRecipients(MassMailings mailings, @Value("${cocrea.public-base-url}") String baseUrl) {
        return (DelegateExecution execution) -> {
            var mailing = mailings.prepare(draft(execution), execution.getProcessInstanceId(), null);
            execution.setVariable(MAILING_ID, mailing.getId());
            execution.setVariable(RECIPIENTS_LEFT, mailings.progress(mailing.getId()).left());
            execution.setVariable(PROGRESS_LINK, baseUrl + "/staff/mailings/" + mailing.getId());
        };
    }

    /** {@code Task_QueueMailingBatch} (asynchronous: one job and one transaction per batch). */
    @Bean
    JavaDelegate queueMailingBatch(MassMailings mailings, @Value("${cocrea.mailing.batch-size:500}") int batchSize) {
        return (DelegateExecution execution) -> execution.setVariable(RECIPIENTS_LEFT,
                mailings.queueNextBatch(MAILING_ID_VAR.get(execution), batchSize));
    }

    /** {@code Task_PrepareSocialText}: the short text with the link for staff to post. */
    @Bean
    JavaDelegate prepareSocialText(MassMailings mailings) {
        return (DelegateExecution execution) -> execution.setVariable(SOCIAL_TEXT,
                mailings.socialText(MAILING_ID_VAR.get(execution)));
    }
}
