package org.cocrea.support;

import com.icegreen.greenmail.util.ServerSetup;

/**
 * The GreenMail SMTP server of the integration tests: 127.0.0.1 on {@code TEST_SMTP_PORT} (default 3025, the port
 * {@code application-test.yaml} points Spring Mail at), so two test runs on one machine can use different ports.
 */
public final class TestSmtp {

    /** The server setup to pass to {@code GreenMailExtension}. */
    public static final ServerSetup SMTP = new ServerSetup(
            Integer.parseInt(System.getenv().getOrDefault("TEST_SMTP_PORT", "3025")), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

    private TestSmtp() {
    }
}
