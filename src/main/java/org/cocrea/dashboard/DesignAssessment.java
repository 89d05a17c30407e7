package org.cocrea.dashboard;

import org.cocrea.kernel.BilingualText;

/**
 * The Independent Reporting Mechanism's (IRM) assessment of a commitment's design, made when the plan began (the
 * "irm_inception" of the Buenos Aires data file), as opposed to the monitoring body's evaluation of the results.
 *
 * @param verifiable whether the IRM found it verifiable, null when not said
 * @param relevant   whether the IRM found it relevant to OGP values, null when not said
 * @param notes      the IRM's notes in both languages (the Spanish ones may be own translations)
 */
public record DesignAssessment(Boolean verifiable, Boolean relevant, BilingualText notes) {
}
