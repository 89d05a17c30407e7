package org.cocrea.consultation;

/**
 * A call for proposals cannot be opened as asked: a field is invalid, or another call of the same action plan is
 * still open. The message is written for staff, in Spanish then English.
 */
public class InvalidCallException extends RuntimeException {

    /** @param message what is wrong, for staff */
    public InvalidCallException(String message) {
        super(message);
    }
}
