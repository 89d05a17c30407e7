package org.cocrea.mailing;

/**
 * A call for participation as staff wrote it.
 *
 * @param subjectEs Spanish subject, required, at most 300 characters
 * @param bodyEs    Spanish text, required, at most 3900 characters (plain text; line breaks kept)
 * @param subjectEn English subject, required, at most 300 characters
 * @param bodyEn    English text, required, at most 3900 characters
 * @param topic     a directory topic to limit the call to, or null for every subscribed person
 * @param link      the page the call points to (http or https), required, at most 500 characters
 */
public record MailingDraft(String subjectEs, String bodyEs, String subjectEn, String bodyEn, String topic,
        String link) {
}
