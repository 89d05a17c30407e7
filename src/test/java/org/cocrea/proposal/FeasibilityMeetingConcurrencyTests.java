package org.cocrea.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.cocrea.CocreaApplication;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.LockRaces;
import org.cocrea.support.TestFixtures;
import org.cocrea.workflow.CallForProposalsProcess;
import org.cocrea.workflow.ProposalReviewProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two team members complete two areas' feasibility meetings at the same moment, on PostgreSQL: both completions
 * succeed and the call moves on to the prioritisation once. The meetings are instances of one multi-instance
 * subprocess whose counters every area's instance updates when it ends; ending it in the completing request made the
 * second of two overlapping completions fail with an {@code OptimisticLockingException} (a 500 in Tasklist, the form
 * to be filled again). The race is made certain, not hoped for: the first completion has run its statements and holds
 * its row locks, uncommitted, while the second runs; the first commits only once the second waits on one of its locks
 * or has finished.
 */
@CocreaIntegrationTest
class FeasibilityMeetingConcurrencyTests {

    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);

    @Autowired
    TestFixtures fixtures;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ManagementService managementService;
    @Autowired
    Proposals proposals;
    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void reset() {
        fixtures.reset();
    }

    @Test
    void twoAreasMeetingsCompletedAtOnceBothSucceedAndTheCallMovesOnOnce() throws Exception {
        fixtures.user("equipo-1", "equipo-1@gobierno.example.org", "og-team");
        fixtures.user("equipo-2", "equipo-2@gobierno.example.org", "og-team");
        String callInstance = fixtures.openCall(Duration.ofDays(2));
        for (String axis : List.of("ambiente", "datos-abiertos")) {
            Proposal p = proposals.submit(new ProposalInput("Propuesta de " + axis, "Una propuesta del eje " + axis
                    + ".", axis, "osc-territorial", "Red Vecinal", "Ana Gómez", axis + "@example.org", true, "es",
                    null), Channel.API);
            Task review = taskService.createTaskQuery().processInstanceBusinessKey(p.getTrackingCode())
                    .taskDefinitionKey(ProposalReviewProcess.TASK_REVIEW).singleResult();
            taskService.complete(review.getId(), Variables.createVariables()
                    .putValue(ProposalReviewProcess.VERDICT, "feasible")
                    .putValue(ProposalReviewProcess.REASONING, "El área puede llevarla adelante este año.")
                    .putValue(ProposalReviewProcess.WILLING_TO_CO_CREATE, true)
                    .putValue(ProposalReviewProcess.CONTACT_PERSON, "Referente del área"));
        }
        managementService.createJobQuery().processInstanceId(callInstance)
                .activityId(CallForProposalsProcess.TIMER_CALL_CLOSES).list()
                .forEach(j -> managementService.executeJob(j.getId()));
        List<Task> meetings = taskService.createTaskQuery().processInstanceId(callInstance)
                .taskDefinitionKey(CallForProposalsProcess.TASK_RECORD_MEETING).list();
        assertThat(meetings).hasSize(2);

        LockRaces.secondWhileFirstHoldsItsLocks(tx, fixtures.jdbc(), () -> complete("equipo-1", meetings.get(0)),
                () -> tx.executeWithoutResult(s -> complete("equipo-2", meetings.get(1))));

        assertThat(taskService.createTaskQuery().processInstanceId(callInstance)
                .taskDefinitionKey(CallForProposalsProcess.TASK_RECORD_MEETING).count()).isZero();
        assertThat(fixtures.jdbc().queryForObject("select count(*) from feasibility_meeting", Long.class))
                .isEqualTo(2);
        fixtures.executeAsyncJobs();
        List<Job> left = managementService.createJobQuery().processInstanceId(callInstance).messages().list();
        assertThat(left).as("the areas' end jobs ran, none failed").isEmpty();
        assertThat(taskService.createTaskQuery().processInstanceId(callInstance)
                .taskDefinitionKey(CallForProposalsProcess.TASK_PRIORITISE).count()).isEqualTo(1);
        assertThat(taskService.createTaskQuery().taskDefinitionKey(ProposalReviewProcess.TASK_REVIEW_RESPONSE)
                .count()).as("both areas' proposals went on to their reasoned responses").isEqualTo(2);
    }

    private void complete(String member, Task meeting) {
        identityService.setAuthentication(member, List.of("og-team"));
        try {
            taskService.complete(meeting.getId(), Variables.createVariables()
                    .putValue(CallForProposalsProcess.MEETING_DATE,
                            OffsetDateTime.ofInstant(Instant.now().minus(Duration.ofHours(1)), ZONE).toString())
                    .putValue(CallForProposalsProcess.MEETING_ATTENDEES, "Equipo de Gobierno Abierto y el área")
                    .putValue(CallForProposalsProcess.MEETING_OUTCOME, "Se acordó la respuesta."));
        } finally {
            identityService.clearAuthentication();
        }
    }
}
