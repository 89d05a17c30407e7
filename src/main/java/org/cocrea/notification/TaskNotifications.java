package org.cocrea.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cocrea.kernel.TransactionMemo;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the members of a candidate group that a task waits for them: one mail per task with a direct link to it in
 * Tasklist, or, for users who chose it, one daily digest (weekdays at 08:00 Buenos Aires time).
 */
@Service
public class TaskNotifications {

    private static final Locale STAFF_LOCALE = Locale.forLanguageTag("es");

    private final MailOutbox outbox;
    private final NotificationPreferenceRepository preferences;
    private final TaskDigestEntryRepository digestEntries;
    private final Clock clock;
    private final String baseUrl;
    /** Who chose the digest, per transaction: one engine command may create many tasks for the same people. */
    private final TransactionMemo<String, Boolean> digests = new TransactionMemo<>();

    TaskNotifications(MailOutbox outbox, NotificationPreferenceRepository preferences,
            TaskDigestEntryRepository digestEntries, Clock clock, @Value("${cocrea.public-base-url}") String baseUrl) {
        this.outbox = outbox;
        this.preferences = preferences;
        this.digestEntries = digestEntries;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /**
     * @param taskId Camunda task id
     * @return the direct link to the task in Tasklist
     */
    public String tasklistLink(String taskId) {
        return baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    /**
     * Notifies each recipient of a new task, in the transaction that created the task. Each recipient's choice
     * (mail or digest) is read once per transaction.
     *
     * @param taskId     Camunda task id
     * @param taskName   the task's name
     * @param subject    what it is about (e.g. the proposal title), may be null
     * @param dueDate    due date text, may be null
     * @param recipients members of the task's candidate groups
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void taskCreated(String taskId, String taskName, String subject, String dueDate,
            List<TaskRecipient> recipients) {
        for (TaskRecipient r : recipients) {
            if (r.email() == null || r.email().isBlank()) {
                continue;
            }
            if (digests.get(r.userId(), this::wantsDigest)) {
                digestEntries.save(new TaskDigestEntry(r.userId(), r.email(), taskId,
                        taskName + (subject == null ? "" : " — " + subject), clock.instant()));
            } else {
                Map<String, Object> model = new LinkedHashMap<>();
                model.put("firstName", r.firstName());
                model.put("taskName", taskName);
                model.put("subject", subject);
                model.put("dueDate", dueDate);
                model.put("link", tasklistLink(taskId));
                model.put("preferencesLink", baseUrl + "/me/notifications");
                outbox.enqueue(new OutgoingMail(r.email(), STAFF_LOCALE, "mail/task-created", "mail.taskCreated.subject",
                        new Object[] {taskName}, model, "task-created", taskId));
            }
        }
    }

    /**
     * Reminds each recipient that a task falls due soon (always one mail, whatever the digest preference).
     *
     * @param taskId     Camunda task id
     * @param taskName   the task's name
     * @param subject    what it is about, may be null
     * @param dueDate    due date text
     * @param recipients members of the task's candidate groups
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void taskDueSoon(String taskId, String taskName, String subject, String dueDate,
            List<TaskRecipient> recipients) {
        for (TaskRecipient r : recipients) {
            if (r.email() == null || r.email().isBlank()) {
                continue;
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("firstName", r.firstName());
            model.put("taskName", taskName);
            model.put("subject", subject);
            model.put("dueDate", dueDate);
            model.put("link", tasklistLink(taskId));
            outbox.enqueue(new OutgoingMail(r.email(), STAFF_LOCALE, "mail/task-reminder", "mail.taskReminder.subject",
                    new Object[] {taskName, dueDate}, model, "task-reminder", taskId));
        }
    }

    /**
     * @param userId Camunda user id
     * @return whether the user chose the daily digest
     */
    @Transactional(readOnly = true)
    public boolean wantsDigest(String userId) {
        return preferences.findById(userId).map(NotificationPreference::isDigest).orElse(false);
    }

    /**
     * Saves a user's choice.
     *
     * @param userId Camunda user id
     * @param digest true for a daily digest, false for one mail per task
     */
    @Transactional
    public void setDigest(String userId, boolean digest) {
        NotificationPreference p = preferences.findById(userId).orElse(null);
        if (p == null) {
            preferences.save(new NotificationPreference(userId, digest, clock.instant()));
        } else {
            p.set(digest, clock.instant());
        }
    }

    /**
     * Writes one digest mail per user listing the tasks created since the last digest.
     *
     * @return how many digest mails were written
     */
    @Scheduled(cron = "${cocrea.mail.digest-cron:0 0 8 * * MON-FRI}", zone = "America/Argentina/Buenos_Aires")
    @Transactional
    public int sendDigests() {
        Map<String, List<TaskDigestEntry>> byUser = new LinkedHashMap<>();
        for (TaskDigestEntry e : digestEntries.findByDigestedFalseOrderByUserIdAscIdAsc()) {
            byUser.computeIfAbsent(e.getUserId(), u -> new ArrayList<>()).add(e);
        }
        byUser.forEach((user, entries) -> {
            List<Map<String, String>> tasks = entries.stream()
                    .map(e -> Map.of("name", e.getTaskName(), "link", tasklistLink(e.getTaskId()))).toList();
            outbox.enqueue(new OutgoingMail(entries.get(0).getEmail(), STAFF_LOCALE, "mail/task-digest",
                    "mail.taskDigest.subject", new Object[] {entries.size()},
                    Map.of("tasks", tasks, "preferencesLink", baseUrl + "/me/notifications"), "task-digest", user));
            entries.forEach(TaskDigestEntry::markDigested);
        });
        return byUser.size();
    }
}
