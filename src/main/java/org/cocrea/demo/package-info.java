/**
 * Demo data for the first run ({@code cocrea.demo.enabled=true}, the default {@code demo} profile), made through the
 * same services and processes a user drives: two earlier co-creation instances run by
 * {@link org.cocrea.workflow.DemoStages} at past dates (a held round-table, one open for registration, a draft open
 * for comments, a prioritised call whose round-tables can be scheduled), an open call for proposals whose window
 * includes "now" with the 48 proposals of {@code shared/data/proposals-2021-consultation.csv}, imported through the
 * same path as a staff CSV import, the open call for participation, the published commitments and their follow-up.
 * Demo-only staff actions ({@code DemoActionsController}) spare a tour the wait for a process's timer.
 */
package org.cocrea.demo;
