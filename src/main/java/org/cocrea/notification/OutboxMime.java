package org.cocrea.notification;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.ByteArrayDataSource;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** The MIME message {@link OutboxSender} hands to SMTP for an outbox row. */
final class OutboxMime {

    private OutboxMime() {
    }

    /**
     * @param attachmentType the stored attachment's MIME type
     * @return the iTIP method ({@code REQUEST}, {@code CANCEL}) of a {@code text/calendar} attachment, upper case, or
     *         null when the attachment is no calendar invitation or names no method
     */
    static String calendarMethod(String attachmentType) {
        if (attachmentType == null) {
            return null;
        }
        try {
            ContentType type = new ContentType(attachmentType);
            String method = type.getParameter("method");
            return type.match("text/calendar") && method != null && !method.isBlank()
                    ? method.strip().toUpperCase(Locale.ROOT) : null;
        } catch (ParseException e) {
            return null;
        }
    }

    /**
     * The body of a mail carrying a calendar invitation, laid out as the big calendar services send theirs, so that
     * Outlook and Gmail show the event with accept / decline (RFC 6047 section 2.4): {@code multipart/mixed} with a
     * {@code multipart/alternative} (the HTML text, then the same iCalendar object as
     * {@code text/calendar; method=...}) and the file as an {@code application/ics} attachment for clients that only
     * offer attachments.
     */
    private static MimeMultipart invitation(OutboxMessage message, String method) throws MessagingException {
        byte[] ics = message.getAttachmentContent().getBytes(StandardCharsets.UTF_8);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.getBodyHtml(), StandardCharsets.UTF_8.name(), "html");
        MimeBodyPart calendar = new MimeBodyPart();
        calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(ics,
                "text/calendar; charset=UTF-8; method=" + method)));
        calendar.setHeader("Content-Type", "text/calendar; charset=UTF-8; method=" + method);
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(html);
        alternative.addBodyPart(calendar);
        MimeBodyPart text = new MimeBodyPart();
        text.setContent(alternative);
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(ics, "application/ics")));
        file.setFileName(message.getAttachmentName());
        file.setDisposition(Part.ATTACHMENT);
        file.setHeader("Content-Type", "application/ics; name=\"" + message.getAttachmentName() + "\"");
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(text);
        mixed.addBodyPart(file);
        return mixed;
    }

    /**
     * @param mailSender the sender whose session the message belongs to
     * @param from       the sender address ({@code cocrea.mail.from})
     * @param message    the outbox row
     * @return the MIME message of the row, with the row's Message-ID, its outbox id ({@code X-Cocrea-Outbox-Id}), its
     *         language and, for mass mail, the one-click unsubscribe headers (RFC 8058)
     * @throws MessagingException if an address or header is malformed
     */
    static MimeMessage of(JavaMailSender mailSender, String from, OutboxMessage message) throws MessagingException {
        MimeMessage mime = mailSender.createMimeMessage();
        boolean attachment = message.getAttachmentName() != null;
        String method = attachment ? calendarMethod(message.getAttachmentType()) : null;
        MimeMessageHelper helper = new MimeMessageHelper(mime, attachment && method == null,
                StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(message.getRecipient());
        helper.setSubject(message.getSubject());
        if (method != null) {
            mime.setContent(invitation(message, method));
        } else {
            helper.setText(message.getBodyHtml(), true);
        }
        if (attachment && method == null) {
            helper.addAttachment(message.getAttachmentName(), new ByteArrayResource(
                    message.getAttachmentContent().getBytes(StandardCharsets.UTF_8)), message.getAttachmentType());
        }
        // Both stay the same on every delivery of the row, so a receiver can drop a second copy.
        mime.setHeader("Message-ID", message.getMessageId());
        mime.setHeader("X-Cocrea-Outbox-Id", String.valueOf(message.getId()));
        mime.setHeader("Content-Language", message.getLanguage());
        if (message.getListUnsubscribe() != null) {
            mime.setHeader("List-Unsubscribe", "<" + message.getListUnsubscribe() + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mime;
    }
}
