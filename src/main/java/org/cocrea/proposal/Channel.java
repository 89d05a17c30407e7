package org.cocrea.proposal;

/** How a proposal reached Cocrea. */
public enum Channel {
    /** The public HTML form. */
    WEB,
    /** {@code POST /api/proposals}. */
    API,
    /** A staff CSV import of offline proposals. */
    CSV
}
