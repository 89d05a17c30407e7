package org.cocrea.followup;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cocrea.notification.MailOutbox;
import org.cocrea.notification.OutgoingMail;
import org.cocrea.notification.TaskRecipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mails of the follow-up, written to the transactional outbox in the caller's transaction (Spanish, as the staff and
 * areas work in Spanish): the reminder before a report falls due and the overdue notice (to the lead area's members),
 * and the monitoring body's notice of an evaluation to make (to its configured address).
 */
@Service
public class FollowUpMails {

    private static final Logger log = LoggerFactory.getLogger(FollowUpMails.class);

    private final MailOutbox outbox;
    private final FollowUps followUps;
    private final MonitoringBodyProperties monitoringBody;
    private final String baseUrl;

    FollowUpMails(MailOutbox outbox, FollowUps followUps, MonitoringBodyProperties monitoringBody,
            @Value("${cocrea.public-base-url}") String baseUrl) {
        this.outbox = outbox;
        this.followUps = followUps;
        this.monitoringBody = monitoringBody;
        this.baseUrl = baseUrl;
    }

    /**
     * @param reportId database id
     * @return the report's evidence page, e.g. {@code https://…/follow-up/reports/12}
     */
    public String reportPage(long reportId) {
        return baseUrl + "/follow-up/reports/" + reportId;
    }

    /**
     * Reminds the lead area that a report falls due soon.
     *
     * @param reportId   database id
     * @param taskLink   the Tasklist link of the area's task
     * @param recipients the lead area's members (without an address: skipped)
     * @return how many mails were written
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int reportDueSoon(long reportId, String taskLink, List<TaskRecipient> recipients) {
        return toArea(reportId, taskLink, recipients, "mail/follow-up-reminder", "followup.mail.reminder.subject",
                "follow-up-reminder");
    }

    /**
     * Tells the lead area that a report is overdue (the open-government team gets an escalation task as well).
     *
     * @param reportId   database id
     * @param taskLink   the Tasklist link of the area's task
     * @param recipients the lead area's members
     * @return how many mails were written
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int reportOverdue(long reportId, String taskLink, List<TaskRecipient> recipients) {
        return toArea(reportId, taskLink, recipients, "mail/follow-up-overdue", "followup.mail.overdue.subject",
                "follow-up-overdue");
    }

    private int toArea(long reportId, String taskLink, List<TaskRecipient> recipients, String template,
            String subjectKey, String kind) {
        FollowUpReport report = followUps.report(reportId);
        String commitment = followUps.commitmentLabel(report.getCommitmentId());
        String month = followUps.month(report.getPeriod(), FollowUpTexts.ES);
        String due = report.getDueDate().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        int written = 0;
        for (TaskRecipient r : recipients) {
            if (r.email() == null || r.email().isBlank()) {
                continue;
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("firstName", r.firstName());
            model.put("commitment", commitment);
            model.put("month", month);
            model.put("dueDate", due);
            model.put("link", taskLink);
            model.put("evidencePage", reportPage(reportId));
            outbox.enqueue(new OutgoingMail(r.email(), FollowUpTexts.ES, template, subjectKey,
                    new Object[] {commitment, month}, model, kind, "report:" + reportId));
            written++;
        }
        return written;
    }

    /**
     * Tells the monitoring body (at {@code cocrea.monitoring-body.email}) that an ended commitment waits for its
     * evaluation. Without a configured address nothing is written (logged), the body's members still get Tasklist's
     * task mail.
     *
     * @param commitmentId database id
     * @param taskLink     the Tasklist link of the evaluation task
     * @return whether a mail was written
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean evaluationRequested(long commitmentId, String taskLink) {
        if (!monitoringBody.hasEmail()) {
            log.info("No cocrea.monitoring-body.email configured: no evaluation mail for commitment {}", commitmentId);
            return false;
        }
        String commitment = followUps.commitmentLabel(commitmentId);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("bodyName", monitoringBody.hasName() ? monitoringBody.name() : null);
        model.put("commitment", commitment);
        model.put("link", taskLink);
        outbox.enqueue(new OutgoingMail(monitoringBody.email().trim(), FollowUpTexts.ES, "mail/follow-up-evaluation",
                "followup.mail.evaluation.subject", new Object[] {commitment}, model, "follow-up-evaluation",
                "commitment:" + commitmentId));
        return true;
    }
}
