package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The demo's past feasibility meeting is never in the future of the demo clock, whatever the time of day the demo
 * loads at (it failed between midnight and 10:00 in Buenos Aires: "la reunión no puede estar en el futuro").
 */
class DemoStagesTimeTests {

    @ParameterizedTest
    @CsvSource({
            "2026-10-31T00:04-03:00, 2026-10-30T11:00-03:00",
            "2026-10-31T09:59-03:00, 2026-10-30T11:00-03:00",
            "2026-10-31T11:00-03:00, 2026-10-31T11:00-03:00",
            "2026-10-31T23:59-03:00, 2026-10-31T11:00-03:00" })
    void theMeetingIsHeldAtTheLastElevenOClock(String recordedAt, String heldAt) {
        Instant recorded = OffsetDateTime.parse(recordedAt).toInstant();
        Instant meeting = DemoStages.lastElevenOClock(recorded);
        assertThat(meeting).isEqualTo(OffsetDateTime.parse(heldAt).toInstant()).isBeforeOrEqualTo(recorded);
    }
}
