package org.cocrea.proposal;

import org.cocrea.kernel.InputRefusedException;

/**
 * No call for proposals accepts submissions now (HTTP 409 on the public API). Nothing was stored.
 * <p>
 * Not a {@link org.cocrea.kernel.InputRefusedException}: the input may be perfect; it is the consultation's state that
 * refuses it, so the API answers 409 Conflict (not 400) and the page shows the form's "no open call" state rather than
 * field errors.
 */
public class NoOpenCallException extends RuntimeException {

    /** Creates the exception. */
    public NoOpenCallException() {
        super("No call for proposals is open");
    }
}
