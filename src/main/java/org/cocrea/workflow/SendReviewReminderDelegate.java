package org.cocrea.workflow;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.cocrea.notification.TaskNotifications;
import org.cocrea.proposal.Proposal;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendReviewReminder}: the reminder timer on the feasibility review fired; mails the members of the area's
 * group that the review falls due soon.
 */
@Component("sendReviewReminder")
class SendReviewReminderDelegate implements JavaDelegate {

    private final TaskService taskService;
    private final GroupMembers members;
    private final TaskNotifications notifications;
    private final ProposalOfInstance proposalOf;

    SendReviewReminderDelegate(@Lazy TaskService taskService, GroupMembers members, TaskNotifications notifications,
            ProposalOfInstance proposalOf) {
        this.taskService = taskService;
        this.members = members;
        this.notifications = notifications;
        this.proposalOf = proposalOf;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Task task = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(ProposalReviewProcess.TASK_REVIEW).singleResult();
        if (task == null) {
            return;
        }
        List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        Proposal p = proposalOf.of(execution);
        notifications.taskDueSoon(task.getId(), task.getName(), p.getTrackingCode() + " — " + p.getTitle(),
                GroupMembers.format(task.getDueDate()), members.of(groups));
    }
}
