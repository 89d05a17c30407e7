/**
 * Mail: Thymeleaf templates in Spanish and English, a transactional outbox (a mail is written in the same
 * transaction as the step that causes it and sent afterwards, with retries and backoff) and task notifications to
 * the members of a candidate group, immediately or as a daily digest.
 */
package org.cocrea.notification;
