package org.cocrea.roundtable;

/** Life cycle of a round-table. */
public enum RoundTableStatus {
    /** Created with a proposed date, waiting for staff to confirm it. */
    PROPOSED,
    /** Date confirmed and invitations sent; open for registration. */
    SCHEDULED,
    /** Cancelled; registered people were told. */
    CANCELLED,
    /** The meeting took place; boards, topics and attendance recorded. */
    HELD
}
