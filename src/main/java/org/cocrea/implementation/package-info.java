/**
 * Implementation of the action plan and its end (issue 5, sections 2 and 5): follow-up meetings with civil society
 * and of the multi-stakeholder forum (scheduled with the Stage 2 scheduling service, announced with iCalendar
 * invitations, minutes and attendance recorded by staff), the daily check of the OGP minimum requirements on those
 * meetings and on the public repository (flags on the staff page and one mail per flag and period to the
 * open-government team), and the end-of-plan self-assessment report (drafted, reviewed and published through
 * {@code processes/action-plan-closure.bpmn}; HTML and PDF). Reads the follow-up tables ({@code V20__follow_up.sql})
 * and the commitments, never writes them. No Camunda imports: the workflow layer calls in.
 */
package org.cocrea.implementation;
