package org.cocrea.proposal;

/** No call for proposals accepts submissions now (HTTP 409 on the public API). Nothing was stored. */
public class NoOpenCallException extends RuntimeException {

    /** Creates the exception. */
    public NoOpenCallException() {
        super("No call for proposals is open");
    }
}
