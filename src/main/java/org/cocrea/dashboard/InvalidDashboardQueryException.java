package org.cocrea.dashboard;

/**
 * A query parameter of a dashboard page or of its open data could not be used; answered with 400, naming the
 * parameter and the reason (JSON for {@code /api/**}, a page otherwise).
 */
public class InvalidDashboardQueryException extends RuntimeException {

    private final String parameter;
    private final String code;

    /**
     * @param parameter the query parameter as the client sent it ({@code status}, {@code page}...)
     * @param code      machine-readable reason; the text is {@code dashboard.error.<code>} in the dashboard bundle
     * @param value     the value received (for the log message only)
     */
    public InvalidDashboardQueryException(String parameter, String code, String value) {
        super("Bad dashboard parameter " + parameter + "=" + value + ": " + code);
        this.parameter = parameter;
        this.code = code;
    }

    /** @return the query parameter */
    public String parameter() {
        return parameter;
    }

    /** @return the machine-readable reason, e.g. {@code unknownStatus} */
    public String code() {
        return code;
    }
}
