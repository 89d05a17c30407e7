/**
 * Commitments of the action plan (Stage 3): the OGP commitment sheet (title, lead and supporting institutions, dates,
 * public problem, status quo, description and objective, how it helps, OGP values, milestones, contact), its drafting,
 * circulation for comments and validation, and the published action plan as an HTML page, a PDF built from the same
 * data, and open data (JSON and CSV).
 *
 * <p>Public entry points: {@link org.cocrea.commitment.CommitmentSheets} (drafting to publication; its parts are
 * package-private), {@link org.cocrea.commitment.ActionPlan} (the published plan and its exports),
 * {@link org.cocrea.commitment.PublishedCommitments} (the read API other features use instead of their own SQL on the
 * commitment table), {@link org.cocrea.commitment.Endorsements} and {@link org.cocrea.commitment.PdfDocuments} (the one
 * PDF renderer, shared with the self-assessment). The drafting half stays in this package rather than a
 * {@code draft/} package: it changes the {@link org.cocrea.commitment.Commitment} entity through package-private
 * methods and repositories, which a separate package could only reach if they became public, and the facade would
 * then depend on {@code draft/} while {@code draft/} depends on the entity here. Depends on no feature that reads it
 * (dashboard, implementation, follow-up).
 */
package org.cocrea.commitment;
