package org.cocrea.workflow;

import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.camunda.bpm.engine.IdentityService;
import org.cocrea.CocreaApplication;
import org.cocrea.kernel.TransactionMemo;
import org.cocrea.notification.TaskRecipient;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Resolves candidate groups to the users who belong to them, for task notifications. A group's members are read once
 * per transaction ({@link TransactionMemo}): a meeting's completion creates a task for each of its proposals, all for
 * the same group.
 */
@Component
class GroupMembers {

    private final IdentityService identityService;
    private final TransactionMemo<String, List<TaskRecipient>> membersOfGroup = new TransactionMemo<>();

    GroupMembers(@Lazy IdentityService identityService) {
        this.identityService = identityService;
    }

    /**
     * @param groupIds Camunda group ids
     * @return each member once, in group then user order
     */
    List<TaskRecipient> of(Collection<String> groupIds) {
        Map<String, TaskRecipient> members = new LinkedHashMap<>();
        for (String group : groupIds) {
            for (TaskRecipient r : membersOfGroup.get(group, this::read)) {
                members.putIfAbsent(r.userId(), r);
            }
        }
        return new ArrayList<>(members.values());
    }

    private List<TaskRecipient> read(String group) {
        return identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream()
                .map(u -> new TaskRecipient(u.getId(), u.getEmail(), u.getFirstName())).toList();
    }

    /**
     * @param date a due date, may be null
     * @return it as {@code dd/MM/yyyy HH:mm} in Buenos Aires, or null
     */
    static String format(Date date) {
        if (date == null) {
            return null;
        }
        SimpleDateFormat f = new SimpleDateFormat("dd/MM/yyyy HH:mm");
        f.setTimeZone(TimeZone.getTimeZone(CocreaApplication.ZONE));
        return f.format(date);
    }
}
