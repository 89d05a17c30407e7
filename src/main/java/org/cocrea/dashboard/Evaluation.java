package org.cocrea.dashboard;

import java.time.OffsetDateTime;

/**
 * The independent monitoring body's evaluation of an ended commitment (IRM method).
 *
 * @param completionLevel  {@code NOT_STARTED}, {@code LIMITED}, {@code SUBSTANTIAL} or {@code COMPLETE}
 * @param openedGovernment "did it open government?": {@code WORSENED}, {@code DID_NOT_CHANGE}, {@code MARGINAL},
 *                         {@code MAJOR} or {@code OUTSTANDING}
 * @param verifiable       whether the commitment was verifiable
 * @param relevant         whether it was relevant to OGP values
 * @param notes            may be null
 * @param evaluatedAt      when (offset of Buenos Aires)
 */
public record Evaluation(String completionLevel, String openedGovernment, boolean verifiable, boolean relevant,
        String notes, OffsetDateTime evaluatedAt) {
}
