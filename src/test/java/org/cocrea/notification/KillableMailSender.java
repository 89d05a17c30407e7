package org.cocrea.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.URLName;

import com.icegreen.greenmail.util.ServerSetup;

import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A mail sender for the GreenMail server of the tests whose node can be "killed" right after the SMTP server accepted
 * a chosen message: its SMTP transport (the real Angus one, installed as the session's {@code smtp} provider) throws
 * {@link Killed}, an {@link Error} nothing in the application catches, once the server has answered 250 to that
 * message's data and before any code of the caller runs again. That is the moment of a {@code kill -9} between SMTP
 * acceptance and the database update. The seam is below {@code JavaMailSender}, so it works whatever way the outbox
 * sender drives the connection.
 */
public class KillableMailSender extends JavaMailSenderImpl {

    private static final String SELF = KillableMailSender.class.getName();

    private final List<Long> accepted = new ArrayList<>();
    private int killAt = Integer.MAX_VALUE;
    private Runnable afterEach = () -> { };

    /** @param smtp the GreenMail server to deliver to */
    public KillableMailSender(ServerSetup smtp) {
        setHost(smtp.getBindAddress());
        setPort(smtp.getPort());
        setDefaultEncoding("UTF-8");
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.connectiontimeout", "5000");
        properties.setProperty("mail.smtp.timeout", "10000");
        Session session = Session.getInstance(properties);
        try {
            session.setProvider(new Provider(Provider.Type.TRANSPORT, "smtp", KillingTransport.class.getName(),
                    "Cocrea tests", "1"));
        } catch (NoSuchProviderException e) {
            throw new IllegalStateException(e);
        }
        session.getProperties().put(SELF, this);
        setSession(session);
    }

    /**
     * Arms the kill.
     *
     * @param n the node dies right after the server accepted the n-th message from now on (1 = the next one)
     */
    public synchronized void killAfterAccepting(int n) {
        killAt = accepted.size() + n;
    }

    /**
     * @param action run right after the server accepted each message (e.g. to move the test's clock, as a slow server
     *               would)
     */
    public synchronized void afterEachAccepted(Runnable action) {
        afterEach = action;
    }

    /** @return the outbox ids ({@code X-Cocrea-Outbox-Id}) of the messages the server accepted, in that order */
    public synchronized List<Long> accepted() {
        return List.copyOf(accepted);
    }

    private synchronized void onAccepted(Message message) throws MessagingException {
        String[] id = message.getHeader("X-Cocrea-Outbox-Id");
        accepted.add(id == null ? -1L : Long.parseLong(id[0]));
        afterEach.run();
        if (accepted.size() == killAt) {
            killAt = Integer.MAX_VALUE;
            throw new Killed();
        }
    }

    /** The simulated {@code kill -9}: no code of the sender runs between the acceptance and this. */
    public static final class Killed extends Error {
        private static final long serialVersionUID = 1L;

        Killed() {
            super("node killed right after the SMTP server accepted the message");
        }
    }

    /** The real SMTP transport, telling its {@link KillableMailSender} about every accepted message. */
    public static class KillingTransport extends SMTPTransport {

        /**
         * Called by {@link Session#getTransport(String)}.
         *
         * @param session the session of a {@link KillableMailSender}
         * @param url     the server address
         */
        public KillingTransport(Session session, URLName url) {
            super(session, url);
        }

        @Override
        public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
            super.sendMessage(message, addresses);
            ((KillableMailSender) session.getProperties().get(SELF)).onAccepted(message);
        }
    }
}
