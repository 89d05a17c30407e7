package org.cocrea.kernel;

/**
 * Every group id of Cocrea, and the only place they are written: the Camunda groups it relies on, the prefix of the
 * one {@code area-*} group per government area, and the prefix Spring Security puts before a group to make it an
 * authority.
 */
public final class Groups {

    /** The open-government team (staff): runs every stage in Tasklist. */
    public static final String OPEN_GOVERNMENT_TEAM = "og-team";
    /** Process owners: edit and deploy the BPMN models, read Cockpit. */
    public static final String PROCESS_OWNERS = "process-owners";
    /** The independent monitoring body that evaluates commitments. */
    public static final String MONITORING_BODY = "monitoring-body";
    /**
     * The engine's administrator group (created with the admin user): {@code camunda-admin} on Camunda 7,
     * {@code operaton-admin} in the Operaton build, whose rename table changes this literal.
     */
    public static final String ADMINS = "camunda-admin";
    /**
     * Camunda 7's administrator group, on Operaton too: a database that Camunda made keeps its administrators there
     * ({@code workflow/IdentitySetup} makes them members of {@link #ADMINS}). The Operaton build's rename table leaves this
     * one literal alone.
     */
    public static final String CAMUNDA_7_ADMINS = "camunda-admin";
    /** Technical users that may read {@code /actuator/prometheus} (a Prometheus server) and nothing else. */
    public static final String METRICS = "metrics";

    /** Prefix of each government area's group: {@code area-ambiente} for the area {@code ambiente}. */
    public static final String AREA_PREFIX = "area-";
    /** Prefix of the Spring Security authority of a group: {@code GROUP_og-team}. */
    public static final String AUTHORITY_PREFIX = "GROUP_";

    private Groups() {
    }

    /**
     * @param areaCode an area's code, e.g. {@code ambiente}
     * @return its group id, e.g. {@code area-ambiente}
     */
    public static String ofArea(String areaCode) {
        return AREA_PREFIX + areaCode;
    }

    /**
     * @param groupId a group id, may be null
     * @return whether it is a government area's group
     */
    public static boolean isArea(String groupId) {
        return groupId != null && groupId.startsWith(AREA_PREFIX);
    }

    /**
     * @param areaGroup an area's group id, e.g. {@code area-ambiente}
     * @return the area's code, e.g. {@code ambiente}
     * @throws IllegalArgumentException when the id is not an area's group
     */
    public static String areaCode(String areaGroup) {
        if (!isArea(areaGroup)) {
            throw new IllegalArgumentException("Not an area group: " + areaGroup);
        }
        return areaGroup.substring(AREA_PREFIX.length());
    }

    /**
     * @param groupId a group id
     * @return its Spring Security authority, e.g. {@code GROUP_og-team}
     */
    public static String authority(String groupId) {
        return AUTHORITY_PREFIX + groupId;
    }
}
