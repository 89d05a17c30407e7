package org.cocrea.workflow;

/** The Camunda groups Cocrea relies on besides one {@code area-*} group per government area. */
public final class Groups {

    /** The open-government team (staff): runs every stage in Tasklist. */
    public static final String OPEN_GOVERNMENT_TEAM = "og-team";
    /** Process owners: edit and deploy the BPMN models, read Cockpit. */
    public static final String PROCESS_OWNERS = "process-owners";
    /** The independent monitoring body that evaluates commitments. */
    public static final String MONITORING_BODY = "monitoring-body";
    /** Camunda's administrator group (created with the admin user). */
    public static final String ADMINS = "camunda-admin";
    /** Technical users that may read {@code /actuator/prometheus} (a Prometheus server) and nothing else. */
    public static final String METRICS = "metrics";

    private Groups() {
    }
}
