package dev.gempix2.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressReportTest {
    private final StringWriter err = new StringWriter();
    private final AtomicLong nanos = new AtomicLong();

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void withoutATerminalEachStatusChangeIsOnePlainLine() {
        PlainProgressLines progress = new PlainProgressLines(new PrintWriter(err, true), nanos::get);
        progress.begin();
        progress.started(TaskId.of("ta1"), "created");
        advance(Duration.ofMillis(400));
        progress.statusChanged(TaskStatus.PENDING);
        progress.statusChanged(TaskStatus.PENDING);
        advance(Duration.ofMillis(1100));
        progress.statusChanged(TaskStatus.IN_PROGRESS);
        progress.statusChanged(TaskStatus.SUCCESS);
        progress.finish("success");

        assertThat(err.toString().lines()).containsExactly(
                "task ta1: created",
                "task ta1: pending (0.4s)",
                "task ta1: in_progress (1.5s)",
                "task ta1: success (1.5s)");
    }

    @Test
    void theOutcomeIsPrintedWhenItIsNotTheLastStatusSeen() {
        PlainProgressLines progress = new PlainProgressLines(new PrintWriter(err, true), nanos::get);
        progress.begin();
        progress.started(TaskId.of("ta1"), "waiting");
        progress.statusChanged(TaskStatus.IN_PROGRESS);
        advance(Duration.ofSeconds(90));
        progress.finish("timed out");

        assertThat(err.toString().lines()).last().isEqualTo("task ta1: timed out (1m30s)");
    }

    @Test
    void nothingIsPrintedBeforeTheReportBeginsNorAfterItEnds() {
        PlainProgressLines progress = new PlainProgressLines(new PrintWriter(err, true), nanos::get);
        progress.statusChanged(TaskStatus.PENDING);
        progress.close();
        progress.statusChanged(TaskStatus.SUCCESS);

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void onATerminalOneLineIsRedrawnInPlaceAndEndsWithTheOutcome() {
        LiveProgressLine progress = new LiveProgressLine(new PrintWriter(err, true), nanos::get, false);
        progress.begin();
        progress.started(TaskId.of("ta1"), "created");
        advance(Duration.ofMillis(2300));
        progress.statusChanged(TaskStatus.IN_PROGRESS);
        progress.tick();
        progress.finish("success");

        String shown = err.toString();
        assertThat(shown.indexOf('\n')).as("one line break, at the end").isEqualTo(shown.length() - 1);
        assertThat(shown).contains("\r/ submitting  0.0s").contains("in_progress  2.3s  task ta1")
                .endsWith("\rsuccess after 2.3s  task ta1 " + System.lineSeparator()); // one space wipes the longer line before
    }

    @Test
    void theSpinnerTurnsOnEveryRedraw() {
        LiveProgressLine progress = new LiveProgressLine(new PrintWriter(err, true), nanos::get, false);
        progress.begin();
        progress.tick();
        progress.tick();
        progress.tick();

        assertThat(err.toString()).contains("\r/ submitting", "\r- submitting", "\r\\ submitting", "\r| submitting");
    }
}
