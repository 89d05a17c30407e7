package org.cocrea.proposal;

import java.time.Instant;
import java.util.Map;

/**
 * When the steps of a proposal's review ended, as the workflow engine's history recorded them. The workflow layer
 * implements it (this package does not import the engine).
 */
public interface ReviewHistory {

    /**
     * @param trackingCode the proposal's tracking code (the business key of its {@code proposal-review} instance)
     * @return the steps the engine saw end, with the instant each ended; empty when the proposal has no review process
     *         (e.g. imported from an earlier consultation) or its history was removed
     */
    Map<ReviewStep, Instant> endedSteps(String trackingCode);
}
