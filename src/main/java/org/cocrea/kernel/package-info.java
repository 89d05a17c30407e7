/**
 * The shared kernel: the few types every feature uses to refuse input and to say that something does not exist, so
 * that every refusal reaches the user the same way (an HTTP 400 naming the field and the reason, a form error, or an
 * engine REST 400) with its text taken from the message bundles only ({@code messages*.properties} and
 * {@code i18n/*.properties}, Spanish by default, English). Depends on nothing else of Cocrea, and every package may use
 * it. Also holds the small helpers every feature shares: {@link org.cocrea.kernel.InputText} (the input rules of
 * every text field), {@link org.cocrea.kernel.BilingualText}, {@link org.cocrea.kernel.Dates} (Buenos Aires time),
 * {@link org.cocrea.kernel.CsvFiles}, {@link org.cocrea.kernel.Languages} and
 * {@link org.cocrea.kernel.HttpCaching} (ETags of public pages).
 */
package org.cocrea.kernel;
