/**
 * Process owners' pages: {@code /staff/migrations} lists the processes whose running instances are on a version
 * older than the latest deployed model, previews the engine's migration plan for each older version (what maps, what
 * cannot, by element id) and starts the migration as a batch, then shows its progress and failed jobs. Open to
 * {@code process-owners} and {@code camunda-admin}; the engine work is done by {@code org.cocrea.workflow.InstanceMigrations}.
 */
package org.cocrea.processes;
