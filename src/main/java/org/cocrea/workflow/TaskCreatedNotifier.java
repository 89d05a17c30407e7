package org.cocrea.workflow;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.cocrea.notification.TaskNotifications;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Listens to every user task the engine creates (the Camunda Spring event bridge, {@code camunda.bpm.eventing.task})
 * and notifies the members of its candidate groups with a direct Tasklist link, in the transaction that created it.
 */
@Component
class TaskCreatedNotifier {

    private final TaskNotifications notifications;
    private final GroupMembers members;

    TaskCreatedNotifier(TaskNotifications notifications, GroupMembers members) {
        this.notifications = notifications;
        this.members = members;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    void onTaskCreated(DelegateTask task) {
        List<String> groups = task.getCandidates().stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        if (groups.isEmpty()) {
            return;
        }
        Object title = task.getVariableLocal(ProposalReviewProcess.PROPOSAL_TITLE);
        Object area = CallForProposalsProcess.AREA_NAME_VAR.get(task);
        String subject = title != null ? title.toString() : area != null ? area.toString() : null;
        notifications.taskCreated(task.getId(), task.getName(), subject, GroupMembers.format(task.getDueDate()),
                members.of(groups));
    }
}
