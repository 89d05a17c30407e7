/**
 * The public tracking dashboard of the action plan (OGP minimum requirement: publish progress): every published
 * commitment with its milestones' state as of the last <em>accepted</em> monthly follow-up report, the evidence and
 * timeline of accepted reports, and the independent monitoring body's evaluation; as HTML ({@code /dashboard},
 * {@code /dashboard/{code}}), open data ({@code /api/dashboard}, {@code /api/dashboard.csv}) and an Atom feed
 * ({@code /dashboard/feed}).
 *
 * <p>This feature only reads: the follow-up feature writes {@code follow_up_report}, {@code milestone_progress},
 * {@code evidence} and the milestone's state; the monitoring body writes {@code monitoring_evaluation}. Reports in any
 * other status than {@code ACCEPTED} are never read by a public query. Every request runs a fixed number of SQL
 * statements (plain JDBC, no lazy loading) whatever the number of commitments, and the timelines are paged. The
 * statements on the commitment tables are the commitment feature's read API
 * ({@link org.cocrea.commitment.PublishedCommitmentRows}); milestone states are
 * {@link org.cocrea.followup.MilestoneStatus}.
 * Depends on {@code commitment/} and {@code followup/}, never the reverse.
 */
package org.cocrea.dashboard;
