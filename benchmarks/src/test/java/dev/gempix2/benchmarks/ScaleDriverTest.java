package dev.gempix2.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A smaller scale run than the driver's (2,000 tasks instead of 10,000, so that it fits a loaded CI machine):
 * the same client, transport and fake, every task submitted at once and awaited asynchronously. Counts only,
 * no timings.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ScaleDriverTest {
    private static final int TASKS = 2_000;
    private static ScaleReport report;

    @BeforeAll
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    static void runTwoThousandTasksAtOnce() {
        report = new ScaleRun(ScaleSettings.defaults().withTasks(TASKS).withStageDuration(Duration.ofSeconds(2)))
                .run();
    }

    @Test
    void everyAwaitCompletesWithItsOwnSuccessfulTask() {
        assertThat(report.failed()).isZero();
        assertThat(report.succeeded()).isEqualTo(TASKS);
        assertThat(report.distinctTaskIds()).isEqualTo(TASKS);
    }

    @Test
    void everyTaskIsSubmittedOnceAndReachesItsFinalStatusOnce() {
        assertThat(report.submitsAtFake()).isEqualTo(TASKS);
        assertThat(report.tasksFinishedOnce()).isEqualTo(TASKS);
    }

    @Test
    void twoThousandWaitingTasksCostAtMostSixteenThreadsFakeIncluded() {
        assertThat(report.peakNewThreads())
                .as("threads beyond those at start: %s", report.newThreadNames())
                .isLessThanOrEqualTo(ScaleSettings.DEFAULT_MAX_NEW_THREADS);
    }
}
