package org.cocrea.notification;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The {@code mail} component of {@code /actuator/health}: the SMTP connection when one is configured, and the
 * outbox (pending and failed rows) in every case. With no SMTP server (the embedded default) mail is UP: the outbox
 * keeps every mail for staff to read.
 *
 * <p>An SMTP server that does not answer is {@link #DEGRADED}, never DOWN: every mail waits in the outbox and is
 * delivered once SMTP answers again, so the application still serves its users. {@code DEGRADED} is ordered between
 * {@code OUT_OF_SERVICE} and {@code UP} and answered HTTP 200 ({@code management.endpoint.health.status.*} in
 * {@code application.yaml}); mail is not part of the {@code readiness} group, so a load balancer keeps the node.
 */
@Component("mail")
class MailHealthIndicator implements HealthIndicator {

    /** Works, but not fully: SMTP is unreachable and mails wait in the outbox. */
    static final Status DEGRADED = new Status("DEGRADED", "SMTP unreachable: mails wait in the outbox");

    private final OutboxSender sender;
    private final MailOutbox outbox;
    private final JavaMailSender mailSender;

    MailHealthIndicator(OutboxSender sender, MailOutbox outbox, JavaMailSender mailSender) {
        this.sender = sender;
        this.outbox = outbox;
        this.mailSender = mailSender;
    }

    @Override
    public Health health() {
        Health.Builder builder;
        if (!sender.smtpConfigured()) {
            builder = Health.up().withDetail("smtp", "not configured: mails stay in the outbox");
        } else {
            try {
                if (mailSender instanceof JavaMailSenderImpl impl) {
                    impl.testConnection();
                }
                builder = Health.up().withDetail("smtp", "reachable");
            } catch (Exception e) {
                builder = Health.status(DEGRADED).withDetail("smtp", "unreachable: " + e.getMessage());
            }
        }
        return builder.withDetail("pending", outbox.count(OutboxStatus.PENDING))
                .withDetail("failed", outbox.count(OutboxStatus.FAILED)).build();
    }
}
