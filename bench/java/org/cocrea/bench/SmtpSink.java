package org.cocrea.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;

import org.subethamail.smtp.helper.SimpleMessageListener;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real SMTP server that keeps only what the open-call benchmark checks of every message it accepts: recipient,
 * decoded subject and Message-ID (SubEthaSMTP, a server per the SMTP RFCs, with a listener reading each message's
 * headers and discarding its body). GreenMail, the tests' server, keeps every message in a mailbox per recipient and
 * looks the mailbox up by a linear search of all of them ({@code HierarchicalFolder.getChild}): at 100,000 distinct
 * recipients its delivery slowed to about 40 messages a second, which timed GreenMail, not the senders.
 *
 * <p>Its server and connection threads are started in a thread group under the JVM's root group, not exec:java's:
 * the {@code kill -9} of a node resets its connection, and exec:java fails the whole run for an uncaught exception in
 * any thread of its own group.
 */
final class SmtpSink implements AutoCloseable {

    /** What the sink kept of one accepted message. */
    record Received(String recipient, String subject, String messageId) {
    }

    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private final SMTPServer server;

    private SmtpSink(int port) throws IOException {
        server = SMTPServer.port(port).bindAddress(InetAddress.getByName("127.0.0.1"))
                .simpleMessageListener(new SimpleMessageListener() {
                    @Override
                    public boolean accept(String from, String recipient) {
                        return true;
                    }

                    @Override
                    public void deliver(String from, String recipient, InputStream data) throws IOException {
                        try {
                            InternetHeaders headers = new InternetHeaders(data);
                            data.transferTo(OutputStreamSink.INSTANCE);
                            received.add(new Received(recipient, decoded(headers.getHeader("Subject", null)),
                                    headers.getHeader("Message-ID", null)));
                            count.incrementAndGet();
                        } catch (MessagingException e) {
                            throw new IOException(e);
                        }
                    }
                }).build();
    }

    /**
     * @param port the port on 127.0.0.1
     * @return a started sink
     */
    static SmtpSink start(int port) throws Exception {
        SmtpSink sink = new SmtpSink(port);
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread starter = new Thread(new ThreadGroup(root, "smtp-sink"), sink.server::start, "smtp-sink-start");
        starter.start();
        starter.join();
        return sink;
    }

    /** @return how many messages were accepted since the last {@link #clear()} */
    int count() {
        return count.get();
    }

    /** @return a copy of what was kept of the messages accepted since the last {@link #clear()} */
    List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Forgets the messages accepted so far. */
    void clear() {
        received.clear();
        count.set(0);
    }

    @Override
    public void close() {
        server.stop();
    }

    private static String decoded(String header) throws UnsupportedEncodingException {
        return header == null ? null : MimeUtility.decodeText(MimeUtility.unfold(header));
    }

    /** Discards what is written to it. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
