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
import org.camunda.bpm.engine.identity.User;
import org.cocrea.CocreaApplication;
import org.cocrea.notification.TaskRecipient;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Resolves candidate groups to the users who belong to them, for task notifications. */
@Component
class GroupMembers {

    private final IdentityService identityService;

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
            for (User u : identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()) {
                members.putIfAbsent(u.getId(), new TaskRecipient(u.getId(), u.getEmail(), u.getFirstName()));
            }
        }
        return new ArrayList<>(members.values());
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
