package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.cocrea.workflow.CallForParticipationProcess.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Paths of {@code processes/call-for-participation.bpmn} on an in-memory engine with the job executor off: writing
 * the call (the create listener offers topics, the complete listener may refuse), preparing recipients, the
 * asynchronous batch loop (one job per batch, retried when it fails) and the social-network post. Delegates and
 * listeners are mocked by bean name; the mocks set the variables the real ones would ({@code mailingId},
 * {@code recipientsLeft}, {@code progressLink}, {@code socialText}).
 */
@Deployment(resources = {"processes/call-for-participation.bpmn", "forms/call-for-participation.form",
        "forms/social-networks-post.form"})
class CallForParticipationProcessTests {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("process-tests.cfg.xml").build();

    private static final long MAILING = 7L;
    private static final long FAIL = -1L;

    /** Task definition key and event of every callTopicsOffered run. */
    private final List<String> topicsOfferedOn = new ArrayList<>();
    /** Number of callForParticipationWritten runs; the first {@link #refusals} of them refuse. */
    private int writtenChecks;
    private int refusals;
    /** recipientsLeft set by prepareRecipients. */
    private long preparedRecipients = 1500;
    private int prepareRuns;
    /** Answers of the successive queueMailingBatch runs; {@link #FAIL} makes the run fail. A run beyond them fails the test. */
    private final Deque<Long> batchAnswers = new ArrayDeque<>();
    private int batchRuns;
    private int socialTextRuns;

    @BeforeEach
    void setUp() {
        init(extension.getProcessEngine());
        Mocks.register("callTopicsOffered", (TaskListener) task -> {
            topicsOfferedOn.add(task.getTaskDefinitionKey() + "/" + task.getEventName());
            task.setVariableLocal(TOPIC_OPTIONS, "offered");
        });
        Mocks.register("callForParticipationWritten", (TaskListener) (DelegateTask task) -> {
            writtenChecks++;
            if (writtenChecks <= refusals) {
                throw new RefusedInputException("Convocatoria inválida / Invalid call: enlace");
            }
        });
        Mocks.register("prepareRecipients", (JavaDelegate) execution -> {
            prepareRuns++;
            execution.setVariable(MAILING_ID, MAILING);
            execution.setVariable(RECIPIENTS_LEFT, preparedRecipients);
            execution.setVariable(PROGRESS_LINK, "http://localhost/staff/mailings/" + MAILING);
        });
        Mocks.register("queueMailingBatch", (JavaDelegate) execution -> {
            batchRuns++;
            assertThat(batchAnswers).as("unexpected run of queueMailingBatch").isNotEmpty();
            assertThat(execution.getVariable(MAILING_ID)).isEqualTo(MAILING);
            long left = batchAnswers.removeFirst();
            if (left == FAIL) {
                throw new IllegalStateException("SMTP outbox unavailable");
            }
            execution.setVariable(RECIPIENTS_LEFT, left);
        });
        Mocks.register("prepareSocialText", (JavaDelegate) execution -> {
            socialTextRuns++;
            execution.setVariable(SOCIAL_TEXT, "Convocatoria https://example.org #GobiernoAbierto");
        });
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    @Test
    void writeTaskIsOfferedTopicsWhenCreated() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY);

        assertThat(pi).isWaitingAt(TASK_WRITE).task().hasCandidateGroup("og-team");
        assertThat(topicsOfferedOn).containsExactly(TASK_WRITE + "/create");
        assertThat(taskService().getVariablesLocal(task(pi).getId())).containsEntry(TOPIC_OPTIONS, "offered");
        assertThat(prepareRuns).isZero();
    }

    @Test
    void callIsMailedInBatchesUntilNoRecipientIsLeftThenPostedOnSocialNetworks() {
        batchAnswers.addAll(List.of(1000L, 500L, 0L));
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY);

        complete(task(pi), writtenCall());

        assertThat(writtenChecks).isEqualTo(1);
        assertThat(prepareRuns).isEqualTo(1);
        assertThat(pi).hasPassed(TASK_WRITE, TASK_PREPARE_RECIPIENTS).isWaitingAt(TASK_QUEUE_BATCH);
        assertThat(pi).variables().containsEntry(MAILING_ID, MAILING).containsEntry(RECIPIENTS_LEFT, 1500L);
        assertThat(batchRuns).as("the batch is asynchronous").isZero();

        List<String> jobIds = new ArrayList<>();
        for (long left : List.of(1000L, 500L)) {
            Job batch = job(pi);
            assertThat(batch).hasActivityId(TASK_QUEUE_BATCH);
            jobIds.add(batch.getId());
            execute(batch);
            assertThat(pi).isWaitingAt(TASK_QUEUE_BATCH).hasNotPassed(TASK_SOCIAL_TEXT);
            assertThat(pi).variables().containsEntry(RECIPIENTS_LEFT, left);
        }
        Job last = job(pi);
        assertThat(last).hasActivityId(TASK_QUEUE_BATCH);
        jobIds.add(last.getId());
        execute(last);

        assertThat(batchRuns).isEqualTo(3);
        assertThat(jobIds).as("each batch is its own job").doesNotHaveDuplicates();
        assertThat(socialTextRuns).isEqualTo(1);
        assertThat(pi).hasPassed(GATEWAY_RECIPIENTS_LEFT, TASK_SOCIAL_TEXT).isWaitingAt(TASK_PUBLISH_SOCIAL)
                .task().hasCandidateGroup("og-team");
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(TASK_QUEUE_BATCH).count()).isEqualTo(3);
        assertThat(pi).variables().containsEntry(RECIPIENTS_LEFT, 0L).containsKey(SOCIAL_TEXT);
        assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();

        complete(task(pi), withVariables("posted", true));

        assertThat(pi).isEnded().hasPassed(TASK_PUBLISH_SOCIAL, END);
    }

    @Test
    void callWithoutRecipientsStillRunsOneBatchThenGoesToSocialNetworks() {
        preparedRecipients = 0;
        batchAnswers.add(0L);
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY);
        complete(task(pi), writtenCall());

        assertThat(pi).hasPassed(TASK_PREPARE_RECIPIENTS).isWaitingAt(TASK_QUEUE_BATCH);
        execute(job(pi));

        assertThat(batchRuns).isEqualTo(1);
        assertThat(socialTextRuns).isEqualTo(1);
        assertThat(pi).hasPassed(TASK_QUEUE_BATCH, TASK_SOCIAL_TEXT).isWaitingAt(TASK_PUBLISH_SOCIAL);
        assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void refusedCallKeepsTheWriteTaskOpen() {
        refusals = 1;
        batchAnswers.add(0L);
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY);
        String taskId = task(pi).getId();

        Throwable refusal = catchThrowable(() -> complete(task(pi), writtenCall()));

        assertThat(refusal).isNotNull();
        assertThat(causes(refusal)).as("the refusal reaches the caller (Tasklist shows it)")
                .anySatisfy(t -> assertThat(t).isInstanceOf(RefusedInputException.class)
                        .hasMessageContaining("Convocatoria inválida"));
        assertThat(writtenChecks).isEqualTo(1);
        assertThat(pi).isWaitingAt(TASK_WRITE).hasNotPassed(TASK_WRITE, TASK_PREPARE_RECIPIENTS);
        assertThat(task(pi).getId()).isEqualTo(taskId);
        assertThat(prepareRuns).isZero();
        assertThat(jobQuery().count()).isZero();

        // corrected and submitted again: the same task completes
        complete(task(pi), writtenCall());

        assertThat(writtenChecks).isEqualTo(2);
        assertThat(pi).hasPassed(TASK_WRITE, TASK_PREPARE_RECIPIENTS).isWaitingAt(TASK_QUEUE_BATCH);
    }

    @Test
    void failedBatchIsRetriedWithoutLosingThePlaceInTheLoop() {
        batchAnswers.add(1000L);
        batchAnswers.add(FAIL);
        batchAnswers.add(0L);
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY);
        complete(task(pi), writtenCall());
        execute(job(pi));
        assertThat(pi).variables().containsEntry(RECIPIENTS_LEFT, 1000L);

        Job batch = job(pi);
        int retriesBefore = batch.getRetries();
        assertThatThrownBy(() -> execute(batch)).hasStackTraceContaining("SMTP outbox unavailable");

        Job failed = jobQuery().jobId(batch.getId()).singleResult();
        assertThat(failed).as("the same job stays for a retry").isNotNull();
        assertThat(failed.getRetries()).isEqualTo(retriesBefore - 1).isPositive();
        assertThat(failed.getExceptionMessage()).contains("SMTP outbox unavailable");
        assertThat(pi).isWaitingAt(TASK_QUEUE_BATCH).hasNotPassed(TASK_SOCIAL_TEXT);
        assertThat(pi).variables().containsEntry(RECIPIENTS_LEFT, 1000L);
        assertThat(socialTextRuns).isZero();

        execute(failed);

        assertThat(batchRuns).isEqualTo(3);
        assertThat(pi).hasPassed(TASK_SOCIAL_TEXT).isWaitingAt(TASK_PUBLISH_SOCIAL);
        assertThat(pi).variables().containsEntry(RECIPIENTS_LEFT, 0L);
        assertThat(socialTextRuns).isEqualTo(1);
    }

    private static Map<String, Object> writtenCall() {
        return Map.of(SUBJECT_ES, "Mesa de datos abiertos", BODY_ES, "Te invitamos a la mesa.",
                SUBJECT_EN, "Open data round table", BODY_EN, "You are invited.", TOPIC, "",
                LINK, "https://example.org/mesa");
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }
}
