package dev.gempix2.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.model.TaskId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TaskTimeoutExceptionTest {

    @Test
    void theMessageSaysHowLongTheWaitLastedTheWayAPersonWritesIt() {
        assertThat(TaskTimeoutException.readable(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(TaskTimeoutException.readable(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(TaskTimeoutException.readable(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(TaskTimeoutException.readable(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(TaskTimeoutException.readable(Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void theMessageNamesTheTaskSoThatItsWaitCanBeResumed() {
        TaskTimeoutException timeout = new TaskTimeoutException(TaskId.of("ta-1"), Duration.ofSeconds(90), null);

        assertThat(timeout).hasMessage("GemPix2 task ta-1 did not finish within 1m30s");
    }
}
