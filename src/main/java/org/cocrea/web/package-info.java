/**
 * The outermost layer: security (public pages and API open; staff pages need an engine account), language selection
 * (Spanish by default, English via {@code ?lang=en} or the browser), request-size limits, error mapping, the header
 * navigation and the home and login pages. It may use every feature and {@code workflow/}; nothing depends on it
 * ({@code ModularityTests}). What features share (input text rules, bilingual texts, dates, CSV reading, the two
 * languages, refusals) lives in {@link org.cocrea.kernel}.
 */
package org.cocrea.web;
