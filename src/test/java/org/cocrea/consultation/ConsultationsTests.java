package org.cocrea.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.Languages;
import org.cocrea.kernel.ProblemTexts;
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
        assertThat(refusal(() -> consultations.open("arba-2021-2023", "Segunda", List.of("ambiente"),
                now.plus(Duration.ofDays(20)), now.plus(Duration.ofDays(30)), null))).contains("ARBA-2021-2023");
    }

    @Test
    void callsOfOtherPlansMayNotAcceptProposalsAtTheSameTime() {
        CallForProposals first = consultations.open("ARBA-2021-2023", "Primera", List.of("ambiente"), now,
                now.plus(Duration.ofDays(10)), null);
        assertThat(refusal(() -> consultations.open("OTRO-PLAN", "Otra", List.of("ambiente"), now.minusSeconds(60),
                now.plus(Duration.ofDays(5)), null))).contains("superpone");
        assertThat(consultations.acceptingCall()).get().extracting(CallForProposals::getId).isEqualTo(first.getId());
        // A later, non-overlapping window is fine.
        consultations.open("OTRO-PLAN", "Otra", List.of("ambiente"), now.plus(Duration.ofDays(11)),
                now.plus(Duration.ofDays(20)), null);
    }

    @Test
    void badCallsAreRefusedWithEveryReason() {
        List<String> thousandAxes = IntStream.range(0, 1000).mapToObj(i -> "eje-" + i).toList();
        assertThat(refusal(() -> consultations.open("ARBA 2021<b>", "", thousandAxes, now,
                now.plus(Duration.ofDays(400)), null)))
                .contains("plan de acción").contains("título")
                .contains("como máximo 30 ejes").contains("más de un año");
        assertThat(refusal(() -> consultations.open("ARBA", "Ok", Collections.emptyList(), now,
                now.minusSeconds(1), null))).contains("al menos un eje")
                .contains("posterior a la apertura");
        assertThat(consultations.all()).isEmpty();
    }

    /** The Spanish texts of the refusal the call throws, as staff read them. */
    private static String refusal(ThrowingCallable call) {
        InputRefusedException[] refused = new InputRefusedException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(InputRefusedException.class, e -> refused[0] = e);
        return ProblemTexts.bundles().text(refused[0], Languages.SPANISH);
    }
}
