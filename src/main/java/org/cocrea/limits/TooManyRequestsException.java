package org.cocrea.limits;

/**
 * A request refused by an abuse limit; answered 429 with {@code Retry-After} by {@link TooManyRequestsAdvice} (a page,
 * or the public API's JSON error under {@code /api/}).
 * <p>
 * Not a {@link org.cocrea.kernel.InputRefusedException}: it refuses the rate of requests, not their content (the same
 * input is accepted after {@code Retry-After}), and is answered 429.
 */
public class TooManyRequestsException extends RuntimeException {

    private final long retryAfterSeconds;

    /**
     * @param limit             the limit's name, for logs (never shown to the visitor)
     * @param retryAfterSeconds seconds until one more request is allowed, at least 1
     */
    public TooManyRequestsException(String limit, long retryAfterSeconds) {
        super("limit " + limit + " reached; retry after " + retryAfterSeconds + " s", null, false, false);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** @return seconds until one more request is allowed (the {@code Retry-After} value), at least 1 */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** @return the wait rounded up to whole minutes, at least 1, for the page */
    public long retryAfterMinutes() {
        return Math.max(1, (retryAfterSeconds + 59) / 60);
    }
}
