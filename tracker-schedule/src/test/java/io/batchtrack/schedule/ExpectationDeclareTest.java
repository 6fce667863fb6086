package io.batchtrack.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Bad input to a declaration is refused with the value and the rule. */
class ExpectationDeclareTest {
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void defaultsAreTheNflsZoneAndAnHourOfGrace() {
        Expectation e = Expectation.declare("weekly_update", null, "0 6 * * 2", null, null, null, NOW);

        assertThat(e.zone()).isEqualTo("America/New_York");
        assertThat(e.grace()).isEqualTo(Duration.ofHours(1));
        assertThat(e.source()).isEqualTo(Expectation.OPERATOR);
    }

    @Test
    void aCronThatDoesNotParseAnUnknownZoneAndANegativeGraceAreRefused() {
        assertThatThrownBy(() -> Expectation.declare("weekly_update", null, "0 6 * * 2 2026", null, null, null, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cron '0 6 * * 2 2026' does not parse")
                .hasMessageContaining("five fields: minute hour day-of-month month day-of-week");
        assertThatThrownBy(() -> Expectation.declare("weekly_update", null, "0 6 * * 2", "America/Gotham", null, null,
                NOW)).hasMessage("zone 'America/Gotham' is not a known time zone: use an IANA name such as"
                        + " America/New_York or UTC");
        assertThatThrownBy(() -> Expectation.declare("weekly_update", null, "0 6 * * 2", null, Duration.ofHours(-2),
                null, NOW)).hasMessage("grace PT-2H is negative: a grace is zero or more (for example 2h)");
        assertThatThrownBy(() -> Expectation.declare("Weekly Update", null, "0 6 * * 2", null, null, null, NOW))
                .hasMessageContaining("does not match [a-z][a-z0-9_]{0,62}");
    }
}
