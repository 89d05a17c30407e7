package org.cocrea.workflow;

import java.util.List;

import org.cocrea.implementation.TeamMailboxes;
import org.cocrea.kernel.Groups;
import org.cocrea.notification.TaskRecipient;
import org.springframework.stereotype.Component;

/** The members of {@code og-team} with an e-mail address, from the engine's identity service. */
@Component
class ImplementationTeamMailboxes implements TeamMailboxes {

    private final GroupMembers members;

    ImplementationTeamMailboxes(GroupMembers members) {
        this.members = members;
    }

    @Override
    public List<String> openGovernmentTeam() {
        return members.of(List.of(Groups.OPEN_GOVERNMENT_TEAM)).stream().map(TaskRecipient::email)
                .filter(e -> e != null && !e.isBlank()).distinct().toList();
    }
}
