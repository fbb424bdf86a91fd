package org.b24backlog.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rate-limit plans that the app rejects at start-up, and the ones it accepts. */
class StartupChecksTest {

    @ParameterizedTest
    @CsvSource({ "0, 2", "-5, 2", "50, 0", "50, -1" })
    void planWithoutBudgetRejected(int burst, int drain) {
        assertThatThrownBy(() -> StartupChecks.checkPlan("b24.rate-limit.portals.\"nodrain\"", burst, drain))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("b24.rate-limit.portals.\"nodrain\".burst is " + burst)
                .hasMessageContaining("must be at least 1");
    }

    @ParameterizedTest
    @CsvSource({ "50, 2", "250, 5", "1, 1" })
    void workablePlanAccepted(int burst, int drain) {
        assertThatCode(() -> StartupChecks.checkPlan("b24.rate-limit", burst, drain)).doesNotThrowAnyException();
    }
}
