package org.cocrea.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.cocrea.proposal.Channel;
import org.cocrea.proposal.ProposalInput;
import org.cocrea.proposal.Proposals;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.cocrea.workflow.ProposalReviewProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Task notifications: a new feasibility review mails each member of the area's group a direct Tasklist link; a member
 * who chose the daily digest gets one digest instead; the reminder timer mails the group before the task falls due.
 */
@CocreaIntegrationTest
class TaskNotificationsTests {

    @Autowired
    TestFixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    TaskNotifications notifications;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;

    @BeforeEach
    void setUp() {
        fixtures.reset();
        fixtures.user("amb-inmediato", "amb-inmediato@areas.example.org", "area-ambiente");
        fixtures.user("amb-resumen", "amb-resumen@areas.example.org", "area-ambiente");
        fixtures.user("div-inmediato", "div-inmediato@areas.example.org", "area-diversidad");
        fixtures.openCall(Duration.ofDays(5));
    }

    @Test
    void newReviewTaskMailsTheAreaMembersWithATasklistLinkOrAddsItToTheirDigest() {
        notifications.setDigest("amb-resumen", true);
        submit("ambiente");

        Task task = taskService.createTaskQuery().taskDefinitionKey(ProposalReviewProcess.TASK_REVIEW).singleResult();
        List<Map<String, Object>> mails = fixtures.jdbc().queryForList(
                "select recipient, subject, body_html from mail_outbox where kind = 'task-created'");
        assertThat(mails).extracting(m -> m.get("recipient")).contains("amb-inmediato@areas.example.org")
                .doesNotContain("amb-resumen@areas.example.org", "div-inmediato@areas.example.org");
        mails = mails.stream().filter(m -> m.get("recipient").equals("amb-inmediato@areas.example.org")).toList();
        assertThat(mails).hasSize(1);
        assertThat((String) mails.get(0).get("body_html"))
                .contains("/camunda/app/tasklist/default/#/?task=" + task.getId())
                .contains("Revisar factibilidad de la propuesta");
        assertThat((String) mails.get(0).get("subject")).startsWith("Nueva tarea:");

        assertThat(notifications.sendDigests()).isEqualTo(1);
        List<Map<String, Object>> digests = fixtures.jdbc().queryForList(
                "select recipient, body_html from mail_outbox where kind = 'task-digest'");
        assertThat(digests).extracting(m -> m.get("recipient")).containsExactly("amb-resumen@areas.example.org");
        assertThat((String) digests.get(0).get("body_html")).contains("?task=" + task.getId());
        assertThat(notifications.sendDigests()).as("entries are digested once").isZero();
    }

    @Test
    void reminderTimerMailsTheAreaBeforeTheReviewFallsDue() {
        submit("diversidad");
        Task task = taskService.createTaskQuery().taskDefinitionKey(ProposalReviewProcess.TASK_REVIEW).singleResult();
        Job reminder = managementService.createJobQuery().timers().activityId(ProposalReviewProcess.TIMER_REVIEW_REMINDER)
                .singleResult();
        assertThat(reminder.getDuedate()).isBefore(task.getDueDate());

        managementService.executeJob(reminder.getId());
        fixtures.executeAsyncJobs();

        List<Map<String, Object>> mails = fixtures.jdbc().queryForList(
                "select recipient, subject from mail_outbox where kind = 'task-reminder'");
        assertThat(mails).extracting(m -> m.get("recipient")).contains("div-inmediato@areas.example.org")
                .doesNotContain("amb-inmediato@areas.example.org");
        assertThat(mails).allMatch(m -> ((String) m.get("subject")).startsWith("Recordatorio:"));
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the review stays open").isEqualTo(1);
    }

    private void submit(String axis) {
        proposals.submit(new ProposalInput("Arbolado en la comuna 4", "Plantar especies nativas en veredas.", axis,
                "ciudadania", null, "Lucía Gómez", "lucia@example.org", true, "es", null), Channel.WEB);
    }
}
