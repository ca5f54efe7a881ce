package dev.gempix2.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Submit faults that strike after the task was created: the work exists (and bills) though the answer failed. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FakeBackendAmbiguousSubmitTest {
    private static final ManualClock CLOCK = new ManualClock();
    private static final FakeGemPix2Backend FAKE = FakeGemPix2Backend.builder().clock(CLOCK).start();
    private final ApiCalls api = new ApiCalls(FAKE);

    @BeforeEach
    void reset() {
        FAKE.reset();
    }

    @AfterAll
    static void stop() {
        FAKE.close();
    }

    @Test
    void aServerErrorAfterCreatingLeavesATaskThatRunsToTheEnd() {
        FAKE.onNextTask().onSubmit(Fault.status(500).afterCreatingTheTask());
        HttpResponse<String> answer = api.submit(ApiCalls.body("x"));
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).doesNotContain("task_id");
        assertThat(FAKE.taskIds()).hasSize(1);
        CLOCK.advance(Duration.ofSeconds(3));
        assertThat(FAKE.statusOf(FAKE.lastTaskId())).isEqualTo("success");
    }

    @Test
    void aDroppedConnectionAfterCreatingLeavesATask() {
        FAKE.onNextTask().onSubmit(Fault.dropConnection().afterCreatingTheTask());
        assertThatThrownBy(() -> api.submit(ApiCalls.body("x"))).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(FAKE.submitCount()).isEqualTo(1);
        assertThat(FAKE.taskIds()).hasSize(1);
    }

    @Test
    void theNextSubmitIsAnsweredAsUsualAndCreatesASecondTask() {
        FAKE.onNextTask().onSubmit(Fault.status(502).afterCreatingTheTask());
        assertThat(api.submit(ApiCalls.body("x")).statusCode()).isEqualTo(502);
        assertThat(api.submit(ApiCalls.body("x")).statusCode()).isEqualTo(200);
        assertThat(FAKE.submitCount()).isEqualTo(2);
        assertThat(FAKE.taskIds()).hasSize(2);
    }

    @Test
    void withLatencyTheTaskExistsWhileTheAnswerIsHeld() {
        FAKE.onNextTask().onSubmit(Fault.latency(Duration.ofMinutes(5)).afterCreatingTheTask());
        CompletableFuture<HttpResponse<String>> held = api.submitAsync(ApiCalls.body("x"));
        FAKE.awaitHeldAnswers(1, Duration.ofSeconds(5));
        assertThat(FAKE.taskIds()).hasSize(1);
        CLOCK.advance(Duration.ofMinutes(5));
        assertThat(ApiCalls.data(held.join())).containsEntry("task_id", FAKE.lastTaskId().value());
    }

    @Test
    void theSameFaultWithoutAfterCreatingCreatesNothing() {
        FAKE.onNextTask().onSubmit(Fault.status(500));
        assertThat(api.submit(ApiCalls.body("x")).statusCode()).isEqualTo(500);
        assertThat(FAKE.taskIds()).isEmpty();
        assertThat(Fault.status(500).createsTheTask()).isFalse();
        assertThat(Fault.status(500).afterCreatingTheTask().delayedBy(Duration.ofSeconds(1)).createsTheTask())
                .isTrue();
    }
}
