/**
 * Abuse limits of the public forms, the confirmation mails they cause and the logins: token buckets (Bucket4j) per
 * client address, per e-mail address typed into a form, per recipient and kind of confirmation mail, and per login
 * account, all set in {@code cocrea.limits.*} ({@link org.cocrea.limits.LimitProperties}). A refused request gets 429
 * with {@code Retry-After}: a readable page, the public API's JSON error or, for the Camunda logins, Camunda's JSON
 * error shape. Buckets live in memory, so the limits hold per node.
 */
package org.cocrea.limits;
