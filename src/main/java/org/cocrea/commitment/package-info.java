/**
 * Commitments of the action plan (Stage 3): the OGP commitment sheet (title, lead and supporting institutions, dates,
 * public problem, status quo, description and objective, how it helps, OGP values, milestones, contact) and the
 * published action plan as an HTML page, a PDF built from the same data, and open data (JSON and CSV). This first
 * slice carries the published plan and the demo's real Buenos Aires commitments; drafting, circulation for comments
 * and validation come next.
 */
package org.cocrea.commitment;
