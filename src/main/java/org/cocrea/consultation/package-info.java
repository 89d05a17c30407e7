/**
 * Calls for proposals (Stage 1, public consultation): one per action plan at a time, with its thematic axes and
 * its opening and closing date-times (America/Argentina/Buenos_Aires). The call-for-proposals BPMN opens and
 * closes it through {@link org.cocrea.consultation.Consultations}.
 */
package org.cocrea.consultation;
