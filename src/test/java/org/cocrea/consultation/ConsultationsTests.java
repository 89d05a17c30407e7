package org.cocrea.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rules for opening a call for proposals: one open call per action plan (compared case-insensitively), no two calls
 * accepting proposals at the same time (the public form has one intake), a window of at most a year, bounded axes.
 */
@CocreaIntegrationTest
class ConsultationsTests {

    @Autowired
    Consultations consultations;
    @Autowired
    TestFixtures fixtures;

    final Instant now = Instant.now();

    @BeforeEach
    void reset() {
        fixtures.reset();
    }

    @Test
    void aSecondCallForTheSamePlanIsRefusedWhateverItsCase() {
        consultations.open("ARBA-2021-2023", "Primera", List.of("ambiente"), now, now.plus(Duration.ofDays(10)), null);
        assertThatThrownBy(() -> consultations.open("arba-2021-2023", "Segunda", List.of("ambiente"),
                now.plus(Duration.ofDays(20)), now.plus(Duration.ofDays(30)), null))
                .isInstanceOf(InvalidCallException.class).hasMessageContaining("ARBA-2021-2023");
    }

    @Test
    void callsOfOtherPlansMayNotAcceptProposalsAtTheSameTime() {
        CallForProposals first = consultations.open("ARBA-2021-2023", "Primera", List.of("ambiente"), now,
                now.plus(Duration.ofDays(10)), null);
        assertThatThrownBy(() -> consultations.open("OTRO-PLAN", "Otra", List.of("ambiente"), now.minusSeconds(60),
                now.plus(Duration.ofDays(5)), null)).isInstanceOf(InvalidCallException.class)
                .hasMessageContaining("superpone");
        assertThat(consultations.acceptingCall()).get().extracting(CallForProposals::getId).isEqualTo(first.getId());
        // A later, non-overlapping window is fine.
        consultations.open("OTRO-PLAN", "Otra", List.of("ambiente"), now.plus(Duration.ofDays(11)),
                now.plus(Duration.ofDays(20)), null);
    }

    @Test
    void badCallsAreRefusedWithEveryReason() {
        List<String> thousandAxes = IntStream.range(0, 1000).mapToObj(i -> "eje-" + i).toList();
        assertThatThrownBy(() -> consultations.open("ARBA 2021<b>", "", thousandAxes, now,
                now.plus(Duration.ofDays(400)), null))
                .isInstanceOf(InvalidCallException.class)
                .hasMessageContaining("plan de acción").hasMessageContaining("título")
                .hasMessageContaining("como máximo 30 ejes").hasMessageContaining("más de un año");
        assertThatThrownBy(() -> consultations.open("ARBA", "Ok", Collections.emptyList(), now,
                now.minusSeconds(1), null)).hasMessageContaining("al menos un eje")
                .hasMessageContaining("posterior a la apertura");
        assertThat(consultations.all()).isEmpty();
    }
}
