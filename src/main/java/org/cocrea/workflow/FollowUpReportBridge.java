package org.cocrea.workflow;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.cocrea.followup.FollowUpReportSubmitted;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A monthly report submitted on its page completes the report's Tasklist task in the same transaction, so the
 * team's review task follows exactly as after a Tasklist submission.
 */
@Component
class FollowUpReportBridge {

    private final TaskService taskService;

    FollowUpReportBridge(@Lazy TaskService taskService) {
        this.taskService = taskService;
    }

    @EventListener
    void on(FollowUpReportSubmitted event) {
        Task task = taskService.createTaskQuery().processDefinitionKey(CommitmentFollowUpProcess.KEY)
                .taskDefinitionKey(CommitmentFollowUpProcess.TASK_SUBMIT_REPORT)
                .taskVariableValueEquals(CommitmentFollowUpProcess.REPORT_ID, event.reportId()).singleResult();
        if (task != null) {
            taskService.complete(task.getId());
        }
    }
}
