package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RetryPolicy and PollingPolicy: their defaults, their arithmetic and their validation. */
class PoliciesTest {

    @Test
    void retryDefaultsAreThreeRetriesFromHalfASecondToEightSecondsWithAOneMinuteRetryAfterCap() {
        RetryPolicy policy = RetryPolicy.defaults();

        assertThat(policy.maxRetries()).isEqualTo(3);
        assertThat(policy.initialBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.maxBackoff()).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.retryAmbiguousSubmits()).isFalse();
        assertThat(policy.toString()).contains("maxRetries=3", "PT0.5S", "PT8S", "retryAmbiguousSubmits=false");
    }

    @Test
    void pollingDefaultsAreTwoSecondsGrowingByHalfToTenSecondsForFiveMinutes() {
        PollingPolicy policy = PollingPolicy.defaults();

        assertThat(policy.initialDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.multiplier()).isEqualTo(1.5);
        assertThat(policy.maxInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.waitTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.notFoundGrace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.callbackSafetyInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.toString()).contains("initialDelay=PT2S", "waitTimeout=PT5M");
    }

    @Test
    void nominalBackoffDoublesUpToTheMaximum() {
        RetryPolicy policy = RetryPolicy.defaults();

        assertThat(policy.nominalBackoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.nominalBackoff(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.nominalBackoff(5)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.nominalBackoff(60)).isEqualTo(Duration.ofSeconds(8));
        assertThatThrownBy(() -> policy.nominalBackoff(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jitteredBackoffStaysBetweenHalfAndAllOfTheNominalDelay() {
        RetryPolicy policy = RetryPolicy.defaults();

        for (int retry = 1; retry <= 6; retry++) {
            Duration nominal = policy.nominalBackoff(retry);
            assertThat(policy.backoff(retry, 0.0)).isEqualTo(nominal.dividedBy(2));
            assertThat(policy.backoff(retry, 0.999_999)).isLessThanOrEqualTo(nominal)
                    .isGreaterThan(nominal.dividedBy(2));
        }
    }

    @Test
    void aRetryAfterIsHonouredUpToTheCap() {
        RetryPolicy policy = RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(10)).build();

        assertThat(policy.honour(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.honour(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void pollingIntervalsGrowByTheMultiplierUpToTheMaximum() {
        PollingPolicy policy = PollingPolicy.defaults();

        assertThat(policy.nextInterval(null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.nextInterval(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.nextInterval(Duration.ofSeconds(8))).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void invalidRetrySettingsAreRejectedNamingTheSetting() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxRetries(-1)).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ZERO))
                .hasMessageContaining("initialBackoff");
        assertThatThrownBy(() -> RetryPolicy.builder().maxBackoff(Duration.ofSeconds(-1)))
                .hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> RetryPolicy.builder().maxRetryAfter(null)).hasMessageContaining("maxRetryAfter");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(10))
                .maxBackoff(Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBackoff");
    }

    @Test
    void invalidPollingSettingsAreRejectedNamingTheSetting() {
        assertThatThrownBy(() -> PollingPolicy.builder().initialDelay(Duration.ZERO))
                .hasMessageContaining("initialDelay");
        assertThatThrownBy(() -> PollingPolicy.builder().multiplier(0.5)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> PollingPolicy.builder().multiplier(Double.NaN)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> PollingPolicy.builder().maxInterval(null)).hasMessageContaining("maxInterval");
        assertThatThrownBy(() -> PollingPolicy.builder().waitTimeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("waitTimeout");
        assertThatThrownBy(() -> PollingPolicy.builder().notFoundGrace(Duration.ofSeconds(-1)))
                .hasMessageContaining("notFoundGrace");
        assertThatThrownBy(() -> PollingPolicy.builder().callbackSafetyInterval(Duration.ZERO))
                .hasMessageContaining("callbackSafetyInterval");
    }

    @Test
    void noneNeverRetries() {
        assertThat(RetryPolicy.none().maxRetries()).isZero();
    }
}
