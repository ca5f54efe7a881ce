package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one duration grammar of the settings. */
class DurationTextTest {

    @Test
    void unitsAndTheirCombinationsAreRead() {
        assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationText.parse("5M")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationText.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationText.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(DurationText.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationText.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void aBareNumberIsSecondsAndIsoIsAccepted() {
        assertThat(DurationText.parse(" 45 ")).isEqualTo(Duration.ofSeconds(45));
        assertThat(DurationText.parse("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationText.parse("pt0.5s")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void garbageAndNegativeDurationsAreRefusedWithTheFormsThatWork() {
        for (String bad : new String[] {"soon", "5 minutes", "-5s", "PT-5S", "", "1.5.2s", "99999999999999999999s"}) {
            assertThatThrownBy(() -> DurationText.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("must be a duration such as 30s, 5m");
        }
    }
}
