/**
 * Working days in Buenos Aires (weekends and national holidays excluded), used by BPMN due-date and reminder
 * expressions such as {@code ${workingDays.after(now(), 10)}}.
 */
package org.cocrea.calendar;
