/**
 * Communities of practice around open data and open government (issue 11 part 6; the seed plan's "forums about data
 * reuse and generating communities"): staff create a community and schedule its events with the Stage 2 scheduling
 * service ({@code roundtable.RoundTableScheduler}); people register to an event with the same capacity, waiting list
 * and iCalendar invitation as a round-table; events, their summaries and materials are public on
 * {@code /communities}. Following a community (double opt-in, one-click unsubscribe, digest) is {@code following}'s:
 * this package publishes {@link org.cocrea.community.CommunityEventAnnounced} and {@code following} tells the
 * community's followers.
 */
package org.cocrea.community;
