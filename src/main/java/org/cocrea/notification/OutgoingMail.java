package org.cocrea.notification;

import java.util.Locale;
import java.util.Map;

/**
 * A mail to write to the outbox.
 *
 * @param recipient   e-mail address
 * @param locale      language of the mail ({@code es} or {@code en})
 * @param template    Thymeleaf template name, e.g. {@code mail/proposal-received}
 * @param subjectKey  message key of the subject in {@code messages*.properties}
 * @param subjectArgs arguments of the subject message
 * @param model       template variables
 * @param kind        what the mail is, for staff (e.g. {@code reasoned-response})
 * @param reference   what it is about (tracking code, task id), for staff; may be null
 * @param listUnsubscribe one-click unsubscribe URL for mass mail ({@code List-Unsubscribe} header, RFC 8058); null
 *                    for transactional mail
 * @param attachment  a file to attach (e.g. an iCalendar invitation), or null
 */
public record OutgoingMail(String recipient, Locale locale, String template, String subjectKey, Object[] subjectArgs,
        Map<String, Object> model, String kind, String reference, String listUnsubscribe, Attachment attachment) {

    /**
     * A small text attachment.
     *
     * @param name        file name, e.g. {@code invitacion.ics}
     * @param contentType MIME type, e.g. {@code text/calendar; method=REQUEST; charset=UTF-8}
     * @param content     the text, at most 100,000 characters
     */
    public record Attachment(String name, String contentType, String content) {
    }

    /** A mass mail without attachment. */
    public OutgoingMail(String recipient, Locale locale, String template, String subjectKey, Object[] subjectArgs,
            Map<String, Object> model, String kind, String reference, String listUnsubscribe) {
        this(recipient, locale, template, subjectKey, subjectArgs, model, kind, reference, listUnsubscribe, null);
    }

    /** A transactional mail (no unsubscribe header). */
    public OutgoingMail(String recipient, Locale locale, String template, String subjectKey, Object[] subjectArgs,
            Map<String, Object> model, String kind, String reference) {
        this(recipient, locale, template, subjectKey, subjectArgs, model, kind, reference, null, null);
    }
}
