/**
 * The public page of each co-creation instance, {@code /co-creation/{id}} where {@code id} is the id of the
 * instance's call for proposals ({@code call_for_proposals.id}): every co-creation instance of an action plan has
 * exactly one call, numbered as the plan's 1st, 2nd... instance ({@code V50__later_co_creation_instances.sql}), and
 * the call exists from the instance's first step, so its id names the instance on every page (staff pages
 * {@code /staff/calls/{callId}/...} use the same id). The page shows the stages as the running BPMN has them, read
 * through {@code workflow.CoCreationTimeline} (no copy of the phases here), the OGP template's participation figures
 * without personal data, and what a visitor can do now; the home page shows the newest instance the same way.
 * OGP Participation and Co-Creation Standard: publish the co-creation timeline and its participation figures.
 * Publishes no events.
 */
package org.cocrea.cocreation;
