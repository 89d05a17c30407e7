package org.cocrea.consultation;

/** Life cycle of a call for proposals. */
public enum CallStatus {
    /** Opened by staff; accepts proposals while "now" lies between its opening and closing date-times. */
    OPEN,
    /** Closed by its timer: no more proposals are accepted. */
    CLOSED
}
