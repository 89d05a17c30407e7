package org.cocrea.followup;

import java.util.Collection;

import org.cocrea.kernel.Groups;

/**
 * Who may see and add a report's evidence, from the signed-in user's groups: the open-government team and
 * administrators (staff), the members of the commitment's lead area group, and the independent monitoring body (read
 * only). Everyone else is refused.
 */
final class FollowUpAccess {

    static final String STAFF = Groups.OPEN_GOVERNMENT_TEAM;
    static final String ADMINS = Groups.ADMINS;
    static final String MONITORING_BODY = Groups.MONITORING_BODY;

    private FollowUpAccess() {
    }

    /**
     * @param groups        the user's group ids
     * @param leadAreaGroup the commitment's lead area group
     * @return whether the user may read the report and download its evidence
     */
    static boolean canRead(Collection<String> groups, String leadAreaGroup) {
        return canWrite(groups, leadAreaGroup) || groups.contains(MONITORING_BODY);
    }

    /**
     * @param groups        the user's group ids
     * @param leadAreaGroup the commitment's lead area group
     * @return whether the user may upload evidence to the report
     */
    static boolean canWrite(Collection<String> groups, String leadAreaGroup) {
        return groups.contains(STAFF) || groups.contains(ADMINS)
                || FollowUpLeadArea.isMember(groups, leadAreaGroup);
    }
}
