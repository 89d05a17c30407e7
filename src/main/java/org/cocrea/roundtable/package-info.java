/**
 * Co-creation round-tables (Stage 2): one per prioritised axis of a call. The scheduling service proposes a date
 * (advance notice, working days in Buenos Aires, hours, no overlap within the call), staff confirm it, invitations go
 * out with an iCalendar attachment (ical4j; same UID and higher SEQUENCE on rescheduling, METHOD:CANCEL on
 * cancelling), people register on a public page (capacity and waiting list), and the facilitator records the two
 * boards, the chosen commitment topics (the output Stage 3 reads) and attendance.
 */
package org.cocrea.roundtable;
