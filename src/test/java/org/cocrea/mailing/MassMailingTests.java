package org.cocrea.mailing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.cocrea.notification.OutboxSender;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.SqlStatements;
import org.cocrea.support.TestFixtures;
import org.cocrea.support.TestSmtp;
import org.cocrea.workflow.CallForParticipationProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The open call for participation through a real SMTP server (GreenMail): 10,000 contacts, each consenting and
 * subscribed one mailed exactly once with the one-click unsubscribe headers, the others never; and a sender stopped
 * half-way (a batch that never commits, a node that stops executing jobs) then restarted loses and repeats nobody.
 */
@CocreaIntegrationTest
class MassMailingTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SMTP);

    @Autowired
    TestFixtures fixtures;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    MassMailings mailings;
    @Autowired
    OutboxSender sender;
    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void reset() {
        fixtures.reset();
    }

    @Test
    void tenThousandContactsEachConsentingSubscriberGetsTheCallExactlyOnce() throws Exception {
        Set<String> eligible = insertContacts(10_000);
        assertThat(eligible).hasSizeBetween(8_000, 9_500);

        ProcessInstance pi = startAndWrite();
        runAllJobs();
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(CallForParticipationProcess.TASK_PUBLISH_SOCIAL).count()).isEqualTo(1);
        long mailingId = (Long) runtimeService.getVariable(pi.getId(), CallForParticipationProcess.MAILING_ID);
        assertThat(mailings.progress(mailingId).left()).isZero();

        deliverEverything();

        Map<String, Long> received = receivedPerRecipient();
        assertExactlyOnce(received, eligible);
        MimeMessage sample = Arrays.stream(greenMail.getReceivedMessages()).filter(MassMailingTests::isMassMail)
                .findFirst().orElseThrow();
        assertThat(sample.getHeader("List-Unsubscribe")[0]).matches("<http://localhost:8080/unsubscribe/[0-9a-f]{32}>");
        assertThat(sample.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        MailingProgress progress = mailings.progress(mailingId);
        assertThat(progress.recipients()).isEqualTo(eligible.size());
        assertThat(progress.sent()).isEqualTo(eligible.size());
        assertThat(progress.failed() + progress.left() + progress.queued()).isZero();
        String socialText = (String) runtimeService.getVariable(pi.getId(), CallForParticipationProcess.SOCIAL_TEXT);
        assertThat(socialText).contains("https://buenosaires.gob.ar/gobierno-abierto").hasSizeLessThanOrEqualTo(280);
    }

    @Test
    void aSenderStoppedHalfwayAndRestartedLosesAndRepeatsNobody() throws Exception {
        Set<String> eligible = insertContacts(2_000);
        ProcessInstance pi = startAndWrite();
        long mailingId = (Long) runtimeService.getVariable(pi.getId(), CallForParticipationProcess.MAILING_ID);

        // Two batches are queued and part of the outbox is delivered...
        runJobs(2);
        assertThat(sender.sendDue()).isPositive();
        long queuedBefore = mailings.progress(mailingId).recipients() - mailings.progress(mailingId).left();

        // ...then the node dies in the middle of the third batch: its transaction never commits.
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            mailings.queueNextBatch(mailingId, 500);
            throw new IllegalStateException("node stopped");
        })).hasMessage("node stopped");
        assertThat(mailings.progress(mailingId).recipients() - mailings.progress(mailingId).left())
                .as("a batch that did not commit left no trace").isEqualTo(queuedBefore);

        // After the restart the job executor picks the waiting batch job up again and the outbox is delivered.
        runAllJobs();
        deliverEverything();

        assertExactlyOnce(receivedPerRecipient(), eligible);
    }

    @Test
    void aBatchOfFiveHundredIsWrittenInAFixedNumberOfStatementsWhateverItsRecipientsAxesAndTopics() {
        Set<String> eligible = insertContacts(600);
        fixtures.jdbc().update("insert into contact_axis (contact_id, axis) select id, 'Ambiente' from contact");
        fixtures.jdbc().update("insert into contact_topic (contact_id, topic) select id, 'movilidad' from contact");
        ProcessInstance pi = startAndWrite();
        long mailingId = (Long) runtimeService.getVariable(pi.getId(), CallForParticipationProcess.MAILING_ID);
        // three of the batch's recipients unsubscribe after the call selected them: skipped, not mailed
        List<Long> leaving = fixtures.jdbc().queryForList("select contact_id from mailing_recipient where "
                + "mailing_id = ? order by contact_id limit 3 offset 10", Long.class, mailingId);
        leaving.forEach(id -> fixtures.jdbc().update("update contact set subscribed = false where id = ?", id));

        SqlStatements.reset();
        long left = mailings.queueNextBatch(mailingId, 500);
        long statements = SqlStatements.count();

        assertThat(left).isEqualTo(eligible.size() - 500);
        assertThat(fixtures.jdbc().queryForList("select contact_id from mailing_recipient where mailing_id = ? "
                + "and status = 'SKIPPED' order by contact_id", Long.class, mailingId)).isEqualTo(leaving);
        assertThat(fixtures.jdbc().queryForObject("select count(*) from mail_outbox where kind = "
                + "'call-for-participation'", Long.class)).isEqualTo(497);
        // every queued recipient points at the outbox row addressed to them, with their own unsubscribe link
        assertThat(fixtures.jdbc().queryForObject("select count(*) from mailing_recipient r join mail_outbox o on "
                + "o.id = r.outbox_id join contact c on c.id = r.contact_id where r.mailing_id = ? and r.status = "
                + "'QUEUED' and o.recipient = c.email and o.list_unsubscribe like '%' || c.token || '%' "
                + "and o.body_html like '%' || c.token || '%'", Long.class, mailingId)).isEqualTo(497);
        // the mailing and its lock, the batch's ids, their addressees, the outbox insert, the two recipient updates,
        // what is left:
        // not two more per person for the axes and topics that the contact entity loads eagerly (1,006 before)
        assertThat(statements).as("statements for a batch of 500").isLessThanOrEqualTo(10);
    }

    private static void assertExactlyOnce(Map<String, Long> received, Set<String> eligible) {
        Set<String> missing = new TreeSet<>(eligible);
        missing.removeAll(received.keySet());
        Set<String> unexpected = new TreeSet<>(received.keySet());
        unexpected.removeAll(eligible);
        assertThat(missing).as("eligible contacts never mailed").isEmpty();
        assertThat(unexpected).as("contacts mailed although not eligible").isEmpty();
        assertThat(received.entrySet().stream().filter(e -> e.getValue() != 1).map(Map.Entry::getKey).toList())
                .as("contacts mailed more than once").isEmpty();
    }

    /** Inserts contacts: every 10th unsubscribed, every 25th without consent. @return the addresses to be mailed */
    private Set<String> insertContacts(int count) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        Set<String> eligible = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            String email = "persona" + i + "@masivo.example.org";
            boolean subscribed = i % 10 != 0;
            boolean consent = i % 25 != 0;
            if (subscribed && consent) {
                eligible.add(email);
            }
            rows.add(new Object[] {email, "Persona " + i, i % 7 == 0 ? "en" : "es", consent ? now : null,
                    consent ? "convocatorias" : null, "csv", subscribed, HexFormat.of().formatHex(
                            ByteBuffer.allocate(16).putLong(i).putLong(System.nanoTime()).array()), now});
        }
        fixtures.jdbc().batchUpdate("insert into contact (email, name, language, consent_at, consent_scope, source, "
                + "subscribed, token, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        return eligible;
    }

    private ProcessInstance startAndWrite() {
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(CallForParticipationProcess.KEY);
        Task write = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        taskService.complete(write.getId(), Variables.createVariables()
                .putValue(CallForParticipationProcess.SUBJECT_ES, "Convocatoria a las mesas de co-creación")
                .putValue(CallForParticipationProcess.BODY_ES, "Sumate a las mesas temáticas del plan de acción.")
                .putValue(CallForParticipationProcess.SUBJECT_EN, "Call to the co-creation round-tables")
                .putValue(CallForParticipationProcess.BODY_EN, "Join the thematic round-tables of the action plan.")
                .putValue(CallForParticipationProcess.LINK, "https://buenosaires.gob.ar/gobierno-abierto")
                .putValue(CallForParticipationProcess.TOPIC, ""));
        return pi;
    }

    private void runJobs(int count) {
        for (int i = 0; i < count; i++) {
            Job job = managementService.createJobQuery().messages().singleResult();
            managementService.executeJob(job.getId());
        }
    }

    private void runAllJobs() {
        for (int i = 0; i < 200; i++) {
            List<Job> jobs = managementService.createJobQuery().messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> managementService.executeJob(j.getId()));
        }
        throw new AssertionError("jobs never ran out");
    }

    private void deliverEverything() {
        for (int i = 0; i < 10_000 && sender.sendDue() > 0; i++) {
            // each run delivers one batch over one SMTP connection
        }
        assertThat(fixtures.jdbc().queryForObject("select count(*) from mail_outbox where status <> 'SENT'",
                Long.class)).isZero();
    }

    /** @return per recipient, how many mass mails (those with a List-Unsubscribe header) arrived */
    private static Map<String, Long> receivedPerRecipient() {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(MassMailingTests::isMassMail)
                .map(MassMailingTests::recipient)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static boolean isMassMail(MimeMessage m) {
        try {
            return m.getHeader("List-Unsubscribe") != null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
