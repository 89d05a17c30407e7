package org.cocrea.notification;

import java.util.Date;

import io.micrometer.core.instrument.Counter;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection for one run of the {@link OutboxSender}, handing over one message at a time so the sender can
 * record each message's result as soon as the server answers (Spring's {@code JavaMailSender.send(MimeMessage...)}
 * reports only after the whole batch). The connection is opened on the first message and reopened if the server
 * dropped it; once opening it failed, every further message of the run fails with that error without another try
 * (as in {@code JavaMailSenderImpl}). Connecting and sending follow {@code JavaMailSenderImpl.doSend} of Spring
 * Framework 6.2, including keeping the message's own {@code Message-ID}, with one difference: {@code doSend} asks
 * {@link Transport#isConnected()} before every message, which on SMTP is a {@code NOOP} command and its answer, a
 * round trip to the server per message; here that check is made only when the server last answered more than
 * {@link #IDLE_CHECK} nanoseconds (one second) ago (a connection it may have dropped meanwhile), and after a failed
 * message the connection is closed and the next message opens a new one. A sender that is not a {@link JavaMailSenderImpl} is
 * called once per message.
 */
final class SmtpConnection implements AutoCloseable {

    private static final String MESSAGE_ID = "Message-ID";
    /** How long after the server's last answer (nanoseconds: one second) the connection is used unchecked. */
    static final long IDLE_CHECK = 1_000_000_000L;

    static {
        // Jakarta Mail looks its StreamProvider up for every message it writes (twice: MimeBodyPart.writeTo and
        // MimeUtility.encode), through ServiceLoader, which searches every jar on the class path each time: about
        // 45 % of the outbox sender's CPU in OpenCallBench. Its lookup takes a class named in the system property
        // of the same name first (jakarta.mail.util.FactoryFinder), so the provider ServiceLoader finds now is named
        // there once; a property set on the command line is left alone.
        System.getProperties().putIfAbsent(StreamProvider.class.getName(),
                StreamProvider.provider().getClass().getName());
    }

    private final JavaMailSender sender;
    private final Counter connections;
    private Transport transport;
    private MessagingException connectFailure;
    /** {@link System#nanoTime()} when the server last answered on {@link #transport}: connected, or took a message. */
    private long lastAccepted;

    /**
     * @param sender the configured mail sender (its session, host, port and credentials)
     * @param connections counted once for every connection opened
     */
    SmtpConnection(JavaMailSender sender, Counter connections) {
        this.sender = sender;
        this.connections = connections;
    }

    /** @return whether opening the connection failed in this run (every further message fails without a try) */
    boolean connectFailed() {
        return connectFailure != null;
    }

    /**
     * Hands one message to the SMTP server and returns once the server accepted it.
     *
     * @param message the message; its {@code Message-ID} header, if set, is sent unchanged
     * @throws Exception if the server could not be reached or refused the message (nothing is known to be sent)
     */
    void send(MimeMessage message) throws Exception {
        if (!(sender instanceof JavaMailSenderImpl impl)) {
            sender.send(message);
            return;
        }
        Transport connected = connected(impl);
        if (message.getSentDate() == null) {
            message.setSentDate(new Date());
        }
        String messageId = message.getMessageID();
        message.saveChanges();
        if (messageId != null) {
            // saveChanges() gives the message a new random Message-ID; ours must survive a resend
            message.setHeader(MESSAGE_ID, messageId);
        }
        Address[] recipients = message.getAllRecipients();
        try {
            connected.sendMessage(message, recipients != null ? recipients : new Address[0]);
        } catch (MessagingException | RuntimeException e) {
            close(); // the next message starts on a new connection
            throw e;
        }
        lastAccepted = System.nanoTime();
    }

    private Transport connected(JavaMailSenderImpl impl) throws MessagingException {
        if (connectFailure != null) {
            throw connectFailure;
        }
        if (transport != null && (System.nanoTime() - lastAccepted < IDLE_CHECK || transport.isConnected())) {
            return transport;
        }
        close();
        try {
            String username = impl.getUsername();
            String password = impl.getPassword();
            if ("".equals(username)) {
                username = null;
                if ("".equals(password)) {
                    password = null;
                }
            }
            String protocol = impl.getProtocol();
            if (protocol == null) {
                protocol = impl.getSession().getProperty("mail.transport.protocol");
            }
            Transport opened = impl.getSession().getTransport(protocol == null ? "smtp" : protocol);
            opened.connect(impl.getHost(), impl.getPort(), username, password);
            connections.increment();
            transport = opened;
            lastAccepted = System.nanoTime();
            return opened;
        } catch (MessagingException e) {
            connectFailure = e;
            throw e;
        }
    }

    /** Closes the connection, if open; a failure to say goodbye to the server is of no consequence. */
    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the messages were accepted or not before this point
            }
            transport = null;
        }
    }
}
