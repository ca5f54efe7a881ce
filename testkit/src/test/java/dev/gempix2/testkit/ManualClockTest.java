package dev.gempix2.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.port.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualClockTest {
    private final ManualClock clock = new ManualClock();
    private final List<String> ran = new ArrayList<>();

    @Test
    void timeStandsStillUntilAdvanced() {
        Instant start = clock.now();
        assertThat(clock.now()).isEqualTo(start).isEqualTo(ManualClock.DEFAULT_START);
        clock.advance(Duration.ofSeconds(5));
        assertThat(clock.now()).isEqualTo(start.plusSeconds(5));
    }

    @Test
    void dueActionsRunInTimeOrderAndTiesInTheOrderScheduled() {
        clock.schedule(Duration.ofSeconds(3), () -> ran.add("c"));
        clock.schedule(Duration.ofSeconds(1), () -> ran.add("a1"));
        clock.schedule(Duration.ofSeconds(1), () -> ran.add("a2"));
        clock.schedule(Duration.ofSeconds(2), () -> ran.add("b"));
        clock.advance(Duration.ofSeconds(10));
        assertThat(ran).containsExactly("a1", "a2", "b", "c");
    }

    @Test
    void anActionSeesTheClockAtItsOwnDueTime() {
        List<Instant> seen = new ArrayList<>();
        clock.schedule(Duration.ofSeconds(2), () -> seen.add(clock.now()));
        clock.advance(Duration.ofSeconds(10));
        assertThat(seen).containsExactly(ManualClock.DEFAULT_START.plusSeconds(2));
        assertThat(clock.now()).isEqualTo(ManualClock.DEFAULT_START.plusSeconds(10));
    }

    @Test
    void actionsNotYetDueWaitForALaterAdvance() {
        clock.schedule(Duration.ofSeconds(5), () -> ran.add("later"));
        clock.advance(Duration.ofSeconds(4));
        assertThat(ran).isEmpty();
        assertThat(clock.pendingCount()).isEqualTo(1);
        assertThat(clock.nextDeadline()).contains(ManualClock.DEFAULT_START.plusSeconds(5));
        clock.advance(Duration.ofSeconds(1));
        assertThat(ran).containsExactly("later");
        assertThat(clock.nextDeadline()).isEmpty();
    }

    @Test
    void anActionScheduledByAnotherRunsInTheSameAdvanceWhenDue() {
        clock.schedule(Duration.ofSeconds(1), () -> {
            ran.add("first");
            clock.schedule(Duration.ofSeconds(1), () -> ran.add("second"));
        });
        clock.advance(Duration.ofSeconds(2));
        assertThat(ran).containsExactly("first", "second");
    }

    @Test
    void aZeroDelayActionRunsOnTheNextAdvanceNotInline() {
        clock.schedule(Duration.ZERO, () -> ran.add("now"));
        assertThat(ran).isEmpty();
        clock.runDue();
        assertThat(ran).containsExactly("now");
    }

    @Test
    void aCancelledActionNeverRuns() {
        Clock.Scheduled scheduled = clock.schedule(Duration.ofSeconds(1), () -> ran.add("cancelled"));
        scheduled.cancel();
        clock.advance(Duration.ofSeconds(2));
        assertThat(ran).isEmpty();
        assertThat(clock.pendingCount()).isZero();
    }

    @Test
    void aFailingActionDoesNotStopTheOthersAndIsRethrown() {
        clock.schedule(Duration.ofSeconds(1), () -> {
            throw new IllegalStateException("boom");
        });
        clock.schedule(Duration.ofSeconds(2), () -> ran.add("after"));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(3))).hasMessage("boom");
        assertThat(ran).containsExactly("after");
        assertThat(clock.now()).isEqualTo(ManualClock.DEFAULT_START.plusSeconds(3));
    }

    @Test
    void timeNeverGoesBack() {
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot go back");
        clock.advanceTo(ManualClock.DEFAULT_START.minusSeconds(10));
        assertThat(clock.now()).isEqualTo(ManualClock.DEFAULT_START);
    }
}
