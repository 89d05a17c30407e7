package org.cocrea.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.cocrea.kernel.NotFoundException;
import org.cocrea.proposal.Channel;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.ProposalInput;
import org.cocrea.proposal.ProposalStatus;
import org.cocrea.proposal.Proposals;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.SqlStatements;
import org.cocrea.support.TestFixtures;
import org.cocrea.support.TestSmtp;
import org.cocrea.workflow.ProposalReviewProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * The transactional outbox against a real SMTP server (GreenMail on port 3025): mails are written in the caller's
 * transaction; while SMTP is down they stay PENDING with exponential backoff and the writer is unaffected; once SMTP
 * is back each mail arrives exactly once; after the maximum attempts a row is FAILED until staff re-queue it; a row
 * whose claim expired without a result goes back to the queue and is sent with its own Message-ID (what a node that
 * dies mid-delivery leaves behind: {@link OutboxCrashTests}).
 */
@CocreaIntegrationTest
class OutboxTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SMTP);

    static final List<String> RECIPIENTS = List.of("uno@outbox.example.org", "dos@outbox.example.org",
            "tres@outbox.example.org");

    @Autowired
    MailOutbox outbox;
    @Autowired
    OutboxSender sender;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    MockMvc mvc;
    @Autowired
    MeterRegistry meters;

    JdbcTemplate jdbc;

    @BeforeEach
    void emptyOutbox() {
        fixtures.reset();
        jdbc = fixtures.jdbc();
    }

    @Test
    void mailsStayPendingWithBackoffWhileSmtpIsDownAndArriveExactlyOnceWhenItIsBack() {
        List<Long> ids = tx.execute(s -> RECIPIENTS.stream().map(r -> outbox.enqueue(taskCreated(r)).getId()).toList());
        assertThat(statuses()).containsOnly(OutboxStatus.PENDING);

        // SMTP down: nothing is sent, each row records one failed attempt and waits a minute.
        greenMail.stop();
        Instant before = Instant.now();
        assertThat(sender.sendDue()).isZero();
        for (Long id : ids) {
            OutboxMessage m = outbox.find(id).orElseThrow();
            assertThat(m.getStatus()).isEqualTo(OutboxStatus.PENDING);
            assertThat(m.getAttempts()).isEqualTo(1);
            assertThat(m.getLastError()).isNotBlank();
            assertThat(m.getNextAttemptAt()).isAfter(before).isCloseTo(before.plus(Duration.ofMinutes(1)),
                    within(10, ChronoUnit.SECONDS));
        }
        // Not due yet: a second run does not try again.
        assertThat(sender.sendDue()).isZero();
        assertThat(ids).allMatch(id -> outbox.find(id).orElseThrow().getAttempts() == 1);

        // SMTP back, rows due: every mail arrives exactly once, however often the sender runs.
        greenMail.start();
        makeDue();
        assertThat(sender.sendDue()).isEqualTo(3);
        assertThat(sender.sendDue()).isZero();
        assertThat(receivedPerRecipient()).containsExactlyInAnyOrderEntriesOf(
                Map.of(RECIPIENTS.get(0), 1L, RECIPIENTS.get(1), 1L, RECIPIENTS.get(2), 1L));
        for (Long id : ids) {
            OutboxMessage m = outbox.find(id).orElseThrow();
            assertThat(m.getStatus()).isEqualTo(OutboxStatus.SENT);
            assertThat(m.getSentAt()).isNotNull();
            assertThat(m.getLastError()).isNull();
            assertThat(m.getAttempts()).isEqualTo(1);
        }
        makeDue();
        assertThat(sender.sendDue()).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aRunDeliversBatchAfterBatchOverOneSmtpConnection() {
        int rows = 250; // three batches of cocrea.mail.batch-size (100)
        enqueueMany(rows);
        double before = smtpConnections();

        assertThat(sender.drain()).isEqualTo(rows);

        assertThat(smtpConnections() - before).isEqualTo(1.0);
        assertThat(greenMail.getReceivedMessages()).hasSize(rows);
        assertThat(statuses()).containsOnly(OutboxStatus.SENT);
    }

    @Test
    void aRunWithNoExpiredClaimLooksThroughTheClaimsIndexAndUpdatesNothing() {
        enqueueMany(250);
        assertThat(sender.drain()).isEqualTo(250); // 250 row versions that were SENDING, not yet vacuumed

        SqlStatements.reset();
        assertThat(sender.sendDue()).isZero();
        // the check for expired claims (one select) and the claim of due rows (one select, none found); before, the
        // two updates that return expired claims ran on every run, each reading all 250 former SENDING versions
        assertThat(SqlStatements.count()).isEqualTo(2);
        String plan = String.join("\n", jdbc.queryForList("explain " + OutboxSender.ANY_EXPIRED.replace("?",
                "now()"), String.class));
        assertThat(plan).contains("mail_outbox_claims").doesNotContain("Seq Scan").doesNotContain("Bitmap");
    }

    @Test
    void whileSmtpIsDownARunStopsAfterTheBatchThatFoundItDownAndTheRestKeepTheirAttempts() {
        int rows = 250;
        enqueueMany(rows);
        greenMail.stop();
        double before = smtpConnections();

        assertThat(sender.drain()).isZero();

        // The first batch recorded the failure; the other rows were not claimed, let alone counted as an attempt.
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where attempts = 1 and status = 'PENDING' "
                + "and last_error is not null", Integer.class)).isEqualTo(100);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where attempts = 0 and status = 'PENDING' "
                + "and last_error is null", Integer.class)).isEqualTo(rows - 100);
        assertThat(smtpConnections()).isEqualTo(before);

        greenMail.start();
        makeDue();
        assertThat(sender.drain()).isEqualTo(rows);
        assertThat(receivedPerRecipient()).hasSize(rows).allSatisfy((recipient, copies) -> assertThat(copies)
                .isEqualTo(1L));
    }

    @Test
    void eachFailureDoublesTheDelayBeforeTheNextAttempt() {
        long id = tx.execute(s -> outbox.enqueue(taskCreated(RECIPIENTS.get(0))).getId());
        greenMail.stop();
        sender.sendDue();
        makeDue();
        Instant before = Instant.now();
        sender.sendDue();
        OutboxMessage m = outbox.find(id).orElseThrow();
        assertThat(m.getAttempts()).isEqualTo(2);
        assertThat(m.getStatus()).isEqualTo(OutboxStatus.PENDING);
        assertThat(m.getNextAttemptAt()).isCloseTo(before.plus(Duration.ofMinutes(2)), within(10, ChronoUnit.SECONDS));
    }

    @Test
    void deliveredMailIsTheRenderedTemplateInUtf8() throws Exception {
        long id = tx.execute(s -> outbox.enqueue(taskCreated(RECIPIENTS.get(0))).getId());
        assertThat(sender.sendDue()).isEqualTo(1);
        MimeMessage mail = greenMail.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("Nueva tarea: Revisar factibilidad");
        assertThat(mail.getHeader("X-Cocrea-Outbox-Id")[0]).isEqualTo(String.valueOf(id));
        // the Message-ID is the row's own, written with it, not one made up by the mail library at send time
        assertThat(mail.getHeader("Message-ID")).containsExactly(outbox.find(id).orElseThrow().getMessageId());
        assertThat(outbox.find(id).orElseThrow().getMessageId()).matches("<[0-9a-f-]{36}@cocrea\\.local>");
        assertThat(mail.getContentType()).containsIgnoringCase("UTF-8");
        String body = (String) mail.getContent();
        assertThat(body).contains("Hola María José").contains("Huertas en plazas — ñandú")
                .contains("http://localhost:8080/tasklist/task/1");
    }

    @Test
    void smtpFailureDoesNotTouchTheSubmissionThatWroteTheMail() {
        fixtures.openCall(Duration.ofDays(2));
        greenMail.stop();
        Proposal p = proposals.submit(new ProposalInput("Huertas en plazas", "Huertas comunitarias.", "ambiente",
                "ciudadania", null, "Ana Pérez", "ana@outbox.example.org", true, "es", null), Channel.API);

        assertThat(sender.sendDue()).isZero();

        assertThat(proposals.get(p.getId()).getStatus()).isEqualTo(ProposalStatus.IN_REVIEW);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(p.getTrackingCode())
                .taskDefinitionKey(ProposalReviewProcess.TASK_REVIEW).count()).isEqualTo(1);
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
        OutboxMessage confirmation = outbox.to("ana@outbox.example.org").get(0);
        assertThat(confirmation.getStatus()).isEqualTo(OutboxStatus.PENDING);
        assertThat(confirmation.getAttempts()).isEqualTo(1);
    }

    @Test
    void rowIsFailedAfterTheMaximumAttemptsAndSentOnceAfterRequeue() {
        long id = tx.execute(s -> outbox.enqueue(taskCreated(RECIPIENTS.get(0))).getId());
        jdbc.update("update mail_outbox set attempts = 7 where id = ?", id);
        greenMail.stop();

        assertThat(sender.sendDue()).isZero();
        OutboxMessage failed = outbox.find(id).orElseThrow();
        assertThat(failed.getStatus()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failed.getAttempts()).isEqualTo(8);
        assertThat(failed.getLastError()).isNotBlank();
        assertThat(outbox.count(OutboxStatus.FAILED)).isEqualTo(1);

        // A FAILED row is never retried on its own, even once SMTP is back.
        greenMail.start();
        makeDue();
        assertThat(sender.sendDue()).isZero();
        assertThat(greenMail.getReceivedMessages()).isEmpty();

        outbox.requeue(id);
        assertThat(outbox.find(id).orElseThrow().getStatus()).isEqualTo(OutboxStatus.PENDING);
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(sender.sendDue()).isZero();
        assertThat(outbox.find(id).orElseThrow().getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void onlyFailedRowsCanBeRequeued() {
        long id = tx.execute(s -> outbox.enqueue(taskCreated(RECIPIENTS.get(0))).getId());
        assertThatThrownBy(() -> outbox.requeue(id)).isInstanceOf(IllegalArgumentException.class);
        sender.sendDue();
        assertThatThrownBy(() -> outbox.requeue(id)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox.requeue(-1)).isInstanceOf(NotFoundException.class);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void expiredClaimGoesBackToTheQueueAndIsSentWithItsOwnMessageId() throws Exception {
        long stranded = tx.execute(s -> outbox.enqueue(taskCreated(RECIPIENTS.get(0))).getId());
        long live = tx.execute(s -> outbox.enqueue(taskCreated(RECIPIENTS.get(1))).getId());
        long claimedByAnOlderVersion = tx.execute(s -> outbox.enqueue(taskCreated(RECIPIENTS.get(2))).getId());
        jdbc.update("update mail_outbox set status = 'SENDING', claimed_at = now() - interval '6 minutes', "
                + "lease_until = now() - interval '1 minute' where id = ?", stranded);
        jdbc.update("update mail_outbox set status = 'SENDING', claimed_at = now() - interval '1 minute', "
                + "lease_until = now() + interval '4 minutes' where id = ?", live);
        // a node of a version before V60 claimed without a lease: claimed_at plus cocrea.mail.claim-lease counts
        jdbc.update("update mail_outbox set status = 'SENDING', claimed_at = now() - interval '6 minutes', "
                + "lease_until = null where id = ?", claimedByAnOlderVersion);

        assertThat(sender.sendDue()).isEqualTo(2);
        assertThat(outbox.find(claimedByAnOlderVersion).orElseThrow().getStatus()).isEqualTo(OutboxStatus.SENT);
        OutboxMessage resent = outbox.find(stranded).orElseThrow();
        assertThat(resent.getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(resent.getAttempts()).as("the interruption counts as an attempt").isEqualTo(1);
        MimeMessage mail = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> RECIPIENTS.get(0).equals(recipient(m))).findFirst().orElseThrow();
        assertThat(mail.getHeader("Message-ID")).containsExactly(resent.getMessageId());
        assertThat(mail.getHeader("X-Cocrea-Outbox-Id")).containsExactly(String.valueOf(stranded));
        // A claim whose lease still runs may be delivering right now on another node: left alone.
        assertThat(outbox.find(live).orElseThrow().getStatus()).isEqualTo(OutboxStatus.SENDING);
        assertThat(receivedPerRecipient()).containsOnlyKeys(RECIPIENTS.get(0), RECIPIENTS.get(2))
                .containsValues(1L);
    }

    @Test
    void claimInterruptedOnItsLastAttemptIsFailedForStaffToCheck() throws Exception {
        long id = tx.execute(s -> outbox.enqueue(taskCreated(RECIPIENTS.get(0))).getId());
        jdbc.update("update mail_outbox set status = 'SENDING', attempts = 7, claimed_at = now() - interval '6 minutes', "
                + "lease_until = now() - interval '1 minute' where id = ?", id);

        assertThat(sender.sendDue()).isZero();
        OutboxMessage failed = outbox.find(id).orElseThrow();
        assertThat(failed.getStatus()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failed.getAttempts()).isEqualTo(8);
        assertThat(failed.getLastError()).contains("Delivery interrupted on the last attempt");
        assertThat(outbox.count(OutboxStatus.FAILED)).isEqualTo(1);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        // Staff see why and the Message-ID to look for at the receiving end, and may re-queue it.
        mvc.perform(get("/staff/outbox/" + id).with(user("equipo").authorities(new SimpleGrantedAuthority(
                "GROUP_og-team")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Delivery interrupted on the last attempt")))
                .andExpect(content().string(containsString(HtmlUtils.htmlEscape(failed.getMessageId()))))
                .andExpect(content().string(containsString("/staff/outbox/" + id + "/requeue")));
    }

    @Test
    void enqueueOutsideATransactionThrows() {
        assertThatThrownBy(() -> outbox.enqueue(taskCreated(RECIPIENTS.get(0))))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(rows()).isZero();
    }

    @Test
    void mailOfARolledBackTransactionIsNeverSent() {
        tx.executeWithoutResult(s -> {
            outbox.enqueue(taskCreated(RECIPIENTS.get(0)));
            s.setRollbackOnly();
        });
        assertThat(rows()).isZero();
        assertThat(sender.sendDue()).isZero();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void englishMailIsRenderedInEnglish() {
        tx.executeWithoutResult(s -> outbox.enqueue(new OutgoingMail(RECIPIENTS.get(0), Locale.ENGLISH,
                "mail/task-created", "mail.taskCreated.subject", new Object[] {"Review feasibility"},
                model("Review feasibility"), "task-created", "task-1")));
        OutboxMessage m = outbox.to(RECIPIENTS.get(0)).get(0);
        assertThat(m.getLanguage()).isEqualTo("en");
        assertThat(m.getSubject()).isEqualTo("New task: Review feasibility");
        assertThat(m.getBodyHtml()).contains("Hello María José,").contains("Open the task");
    }

    @Test
    void aBatchRenderedOncePerDistinctMailStoresWhatRenderingEachMailOnItsOwnWould() {
        // Names and links with every character HTML escapes, accents, a message-format brace, and no name at all.
        List<String> names = List.of("Ana <b>\"la\" 'jefa'</b> & Cía", "José Ñandú {0}", "", "Li");
        List<OutgoingMail> mails = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            boolean english = i % 2 == 0;
            String token = "0f" + i + "&x=<" + i + ">\"'";
            mails.add(new OutgoingMail("lote" + i + "@outbox.example.org", english ? Locale.ENGLISH
                    : Locale.forLanguageTag("es"), "mail/call-for-participation", "mail.callForParticipation.subject",
                    new Object[] {english ? "Call" : "Convocatoria"}, Map.of("name", names.get(i % names.size()),
                            "body", english ? "Join us & <come>" : "Sumate & <vení>", "link", "https://example.org/m?a=1&b=2",
                            "unsubscribeLink", "http://localhost:8080/unsubscribe/" + token,
                            "myDataLink", "http://localhost:8080/my-data/" + token),
                    "call-for-participation", "mailing-1", "http://localhost:8080/unsubscribe/" + token));
        }
        List<Long> batch = tx.execute(s -> outbox.enqueueAll(mails, java.util.Set.of("name", "unsubscribeLink",
                "myDataLink")));
        List<Long> oneByOne = tx.execute(s -> mails.stream().map(m -> outbox.enqueue(m).getId()).toList());

        for (int i = 0; i < mails.size(); i++) {
            String fast = outbox.find(batch.get(i)).orElseThrow().getBodyHtml();
            String alone = outbox.find(oneByOne.get(i)).orElseThrow().getBodyHtml();
            assertThat(fast).as("mail %d", i).isEqualTo(alone).doesNotContainPattern("cocrea[0-9a-f]{32}x");
        }
        assertThat(outbox.find(batch.get(0)).orElseThrow().getBodyHtml())
                .contains("Ana &lt;b&gt;&quot;la&quot; &#39;jefa&#39;&lt;/b&gt; &amp; Cía");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static OutgoingMail taskCreated(String recipient) {
        return new OutgoingMail(recipient, Locale.forLanguageTag("es"), "mail/task-created",
                "mail.taskCreated.subject", new Object[] {"Revisar factibilidad"}, model("Revisar factibilidad"),
                "task-created", "task-1");
    }

    private static Map<String, Object> model(String taskName) {
        Map<String, Object> model = new HashMap<>();
        model.put("firstName", "María José");
        model.put("taskName", taskName);
        model.put("subject", "Huertas en plazas — ñandú");
        model.put("dueDate", "30/04/2021 18:00");
        model.put("link", "http://localhost:8080/tasklist/task/1");
        model.put("preferencesLink", "http://localhost:8080/me/notifications");
        return model;
    }

    /** Writes {@code count} task mails, each to its own recipient, in one transaction. */
    private void enqueueMany(int count) {
        tx.executeWithoutResult(s -> IntStream.range(0, count)
                .forEach(i -> outbox.enqueue(taskCreated("lote" + i + "@outbox.example.org"))));
    }

    private double smtpConnections() {
        return meters.counter("cocrea.mail.smtp.connections").count();
    }

    private void makeDue() {
        jdbc.update("update mail_outbox set next_attempt_at = now() - interval '1 minute'");
    }

    private List<OutboxStatus> statuses() {
        return jdbc.queryForList("select status from mail_outbox", String.class).stream().map(OutboxStatus::valueOf)
                .toList();
    }

    private long rows() {
        return jdbc.queryForObject("select count(*) from mail_outbox", Long.class);
    }

    private static Map<String, Long> receivedPerRecipient() {
        return Arrays.stream(greenMail.getReceivedMessages()).collect(Collectors.groupingBy(OutboxTests::recipient,
                Collectors.counting()));
    }

    private static String recipient(MimeMessage m) {
        try {
            Address[] to = m.getAllRecipients();
            return to[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
