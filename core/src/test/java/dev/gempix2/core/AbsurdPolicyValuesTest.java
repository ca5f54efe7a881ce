package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Defect 4 of the reliability issue, "absurd policy values hang or break silently": a schedule of
 * {@code Long.MAX_VALUE} seconds hung a wait or stopped polling with an {@code ArithmeticException}. The builders
 * now refuse any schedule duration beyond 24 hours, naming the setting.
 */
class AbsurdPolicyValuesTest {
    private static final Duration ABSURD = Duration.ofSeconds(Long.MAX_VALUE);

    @Test
    void anAbsurdInitialDelayIsRejectedNamingIt() {
        assertRejected(builder -> builder.initialDelay(ABSURD), "initialDelay");
    }

    @Test
    void anAbsurdMaxIntervalIsRejectedNamingIt() {
        assertRejected(builder -> builder.maxInterval(ABSURD), "maxInterval");
    }

    @Test
    void anAbsurdCallbackSafetyIntervalIsRejectedNamingIt() {
        assertRejected(builder -> builder.callbackSafetyInterval(ABSURD), "callbackSafetyInterval");
    }

    @Test
    void anAbsurdNotFoundGraceIsRejectedNamingIt() {
        assertRejected(builder -> builder.notFoundGrace(ABSURD), "notFoundGrace");
    }

    @Test
    void anAbsurdMaxBackoffIsRejectedNamingIt() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxBackoff(ABSURD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBackoff").hasMessageContaining("24");
    }

    @Test
    void anAbsurdInitialBackoffOrRetryAfterCapIsRejectedNamingIt() {
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(ABSURD))
                .hasMessageContaining("initialBackoff");
        assertThatThrownBy(() -> RetryPolicy.builder().maxRetryAfter(ABSURD))
                .hasMessageContaining("maxRetryAfter");
    }

    @Test
    void theRecordConstructorsRejectThemToo() {
        assertThatThrownBy(() -> new PollingPolicy(ABSURD, 1.5, Duration.ofSeconds(10), Duration.ofMinutes(5),
                Duration.ZERO, Duration.ofSeconds(30))).hasMessageContaining("initialDelay");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(1), ABSURD, Duration.ofSeconds(1), false))
                .hasMessageContaining("maxBackoff");
    }

    private static void assertRejected(Consumer<PollingPolicy.Builder> setting, String name) {
        assertThatThrownBy(() -> setting.accept(PollingPolicy.builder()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name).hasMessageContaining("24");
    }
}
