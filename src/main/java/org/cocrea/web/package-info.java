/**
 * Web concerns shared by every feature: security (public pages and API open; staff pages need an engine account),
 * language selection (Spanish by default, English via {@code ?lang=en} or the browser), request-size limits and the
 * home and login pages.
 */
package org.cocrea.web;
