package org.cocrea.workflow;

/** The Camunda groups Cocrea relies on besides one {@code area-*} group per government area. */
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
     * ({@link IdentitySetup} makes them members of {@link #ADMINS}). The Operaton build's rename table leaves this
     * one literal alone.
     */
    public static final String CAMUNDA_7_ADMINS = "camunda-admin";
    /** Technical users that may read {@code /actuator/prometheus} (a Prometheus server) and nothing else. */
    public static final String METRICS = "metrics";

    private Groups() {
    }
}
