/**
 * Implementation follow-up of published commitments (OGP action plan, issue 5 sections 1, 4 and 6): the monthly
 * follow-up report of each commitment's lead area (progress per milestone, evidence links and files), the staff review
 * that accepts a report or asks for more, the milestone state as of the last accepted report (what the public
 * dashboard shows), evidence files stored outside the database, and the independent monitoring body's evaluation when
 * a commitment ends. Every date is Buenos Aires time ({@value org.cocrea.CocreaApplication#ZONE}). No Camunda here:
 * {@code workflow/CommitmentFollowUpDelegates} calls these services.
 */
package org.cocrea.followup;
