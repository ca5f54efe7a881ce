package dev.gempix2.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScaleSettingsTest {

    @Test
    void noArgumentsMeanTenThousandTasksWithFourSecondStages() {
        ScaleSettings settings = ScaleSettings.parse();

        assertThat(settings.tasks()).isEqualTo(10_000);
        assertThat(settings.stageDuration()).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.maxNewThreads()).isEqualTo(16);
        assertThat(settings.maxHeapPerTaskBytes()).isEqualTo(8 * 1024);
    }

    @Test
    void everyOptionIsRead() {
        ScaleSettings settings = ScaleSettings.parse("--tasks", "500", "--stage", "750ms", "--max-new-threads", "12",
                "--max-heap-per-task-kib", "4");

        assertThat(settings).isEqualTo(new ScaleSettings(500, Duration.ofMillis(750), 12, 4096));
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertThatThrownBy(() -> ScaleSettings.parse("--task", "5"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option --task");
    }

    @Test
    void aMalformedDurationIsNamedWithExamples() {
        assertThatThrownBy(() -> ScaleSettings.parse("--stage", "soon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--stage").hasMessageContaining("'soon'").hasMessageContaining("4s");
    }

    @Test
    void aMissingValueIsNamed() {
        assertThatThrownBy(() -> ScaleSettings.parse("--tasks"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing a value after --tasks");
    }

    @Test
    void zeroTasksAreRefused() {
        assertThatThrownBy(() -> ScaleSettings.parse("--tasks", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tasks must be at least 1");
    }
}
