package dev.gempix2.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.error.TaskFailedException;
import dev.gempix2.core.error.TaskTimeoutException;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.testkit.Fault;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every meter of the table, with exact counts and tags, from scripted runs against the fake backend. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GemPix2MetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ObservedFake run = new ObservedFake(GemPix2Metrics.create(registry));

    @AfterEach
    void close() {
        run.close();
    }

    @Test
    void aGenerateAndADownloadAreCountedAsOneSubmitItsPollsAndOneDownload() {
        run.fake.onPrompt("fox").consumed("2.500000");

        Task task = run.client.generate(ImageRequest.of("a red fox"));
        byte[] image = run.client.download(task.images().get(0));

        assertThat(timerCount("gempix2.requests", "operation", "submit", "outcome", "success", "status", "200"))
                .isEqualTo(1);
        // A fast machine sees the task done at the first poll, a loaded one may poll again: each poll is counted.
        long queries = timerCount("gempix2.requests", "operation", "query", "outcome", "success", "status", "200");
        assertThat(queries).isPositive();
        assertThat(timerCount("gempix2.requests", "operation", "download", "outcome", "success", "status", "200"))
                .isEqualTo(1);
        assertThat(timerCount("gempix2.tasks.duration", "model", "google/gempix2", "status", "success")).isEqualTo(1);
        assertThat(registry.get("gempix2.tasks.polls").tag("model", "google/gempix2").summary().count()).isEqualTo(1);
        assertThat(registry.get("gempix2.tasks.polls").tag("model", "google/gempix2").summary().totalAmount())
                .isEqualTo(queries);
        assertThat(registry.get("gempix2.credits.consumed").tag("model", "google/gempix2").counter().count())
                .isEqualTo(2.5);
        assertThat(registry.get("gempix2.downloads.size").summary().totalAmount()).isEqualTo(image.length);
        assertThat(registry.get("gempix2.downloads.size").summary().getId().getBaseUnit()).isEqualTo("bytes");
        assertThat(registry.get("gempix2.tasks.active").gauge().value()).isZero();
    }

    @Test
    void aServerErrorThenSuccessCountsTheFailedAttemptAndOneRetryForItsStatus() {
        run.fake.onPrompt("flaky").onQuery(Fault.status(500), 1);

        run.client.generate(ImageRequest.of("a flaky fox"));

        assertThat(timerCount("gempix2.requests", "operation", "query", "outcome", "server_error", "status", "500"))
                .isEqualTo(1);
        long succeeded = timerCount("gempix2.requests", "operation", "query", "outcome", "success", "status", "200");
        assertThat(succeeded).isPositive();
        assertThat(registry.get("gempix2.retries").tags("operation", "query", "reason", "500").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("gempix2.tasks.polls").summary().totalAmount()).isEqualTo(1 + succeeded);
    }

    @Test
    void aRateLimitedSubmitCountsAClientErrorWithItsStatusAndARetry() {
        run.fake.onNextTask().onSubmit(Fault.rateLimited(Duration.ZERO));

        run.client.generate(ImageRequest.of("a patient fox"));

        assertThat(timerCount("gempix2.requests", "operation", "submit", "outcome", "client_error", "status", "429"))
                .isEqualTo(1);
        assertThat(timerCount("gempix2.requests", "operation", "submit", "outcome", "success", "status", "200"))
                .isEqualTo(1);
        assertThat(registry.get("gempix2.retries").tags("operation", "submit", "reason", "429").counter().count())
                .isEqualTo(1);
    }

    @Test
    void aDroppedConnectionIsAnIoErrorWithoutStatusAndRetriedForIo() {
        run.fake.onPrompt("dropped").onQuery(Fault.dropConnection(), 1);

        run.client.generate(ImageRequest.of("a dropped fox"));

        assertThat(timerCount("gempix2.requests", "operation", "query", "outcome", "io_error", "status", "none"))
                .isEqualTo(1);
        assertThat(registry.get("gempix2.retries").tags("operation", "query", "reason", "io").counter().count())
                .isEqualTo(1);
    }

    @Test
    void aFailedTaskIsTimedAsFailedAndItsCreditsAreCounted() {
        run.fake.onPrompt("forbidden").failWith("prompt violates the content policy").consumed("1.000000");

        assertThatThrownBy(() -> run.client.generate(ImageRequest.of("something forbidden")))
                .isInstanceOf(TaskFailedException.class);

        assertThat(timerCount("gempix2.tasks.duration", "model", "google/gempix2", "status", "failed")).isEqualTo(1);
        assertThat(registry.get("gempix2.credits.consumed").counter().count()).isEqualTo(1.0);
    }

    @Test
    void aWaitThatTimesOutIsTimedAsTimedOutAndCountsNoCredits() {
        run.fake.onPrompt("forever").neverFinish();

        assertThatThrownBy(() -> run.client.generate(ImageRequest.of("a fox forever"), Duration.ofMillis(150)))
                .isInstanceOf(TaskTimeoutException.class);

        assertThat(timerCount("gempix2.tasks.duration", "model", "google/gempix2", "status", "timed_out"))
                .isEqualTo(1);
        assertThat(registry.find("gempix2.credits.consumed").counter()).isNull();
        assertThat(registry.get("gempix2.tasks.active").gauge().value()).isZero();
    }

    @Test
    void theActiveGaugeCountsTasksBeingAwaitedAndACancelledWaitIsAbandoned() {
        run.fake.onPrompt("forever").neverFinish();
        TaskId id = run.client.submit(ImageRequest.of("a fox forever"));

        CompletableFuture<Task> wait = run.client.awaitAsync(id);
        assertThat(registry.get("gempix2.tasks.active").gauge().value()).isEqualTo(1);
        wait.cancel(false);

        assertThat(registry.get("gempix2.tasks.active").gauge().value()).isZero();
        assertThat(timerCount("gempix2.tasks.duration", "model", "google/gempix2", "status", "abandoned"))
                .isEqualTo(1);
    }

    @Test
    void callbacksAreCountedByOutcomeIncludingForgedAndMalformedOnes() {
        run.fake.onPrompt("forever").neverFinish();
        TaskId id = run.client.submit(ImageRequest.of("a fox forever"));
        Task reported = Task.of(id, TaskStatus.IN_PROGRESS);

        run.client.callbacks().receive(run.tokenOf(id), reported);
        run.client.callbacks().receive(run.tokenOf(id), reported);
        run.client.callbacks().receive("forged-token-0123456789", reported);
        run.client.callbacks().reportMalformed();

        assertThat(callbacks("accepted")).isEqualTo(1);
        assertThat(callbacks("duplicate")).isEqualTo(1);
        assertThat(callbacks("unknown_token")).isEqualTo(1);
        assertThat(callbacks("rejected")).isEqualTo(1);
    }

    @Test
    void noTagHoldsTheApiKeyOrACallbackTokenOrATaskId() {
        run.fake.onPrompt("flaky").onQuery(Fault.status(503), 1);
        Task task = run.client.generate(ImageRequest.of("a flaky fox"));
        String token = run.tokenOf(task.id());
        run.client.callbacks().receive(token, task);

        assertThat(registry.getMeters()).isNotEmpty();
        for (Meter meter : registry.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                assertThat(tag.getValue()).doesNotContain(ObservedFake.CANARY_KEY.substring(3))
                        .doesNotContain(token).doesNotContain(task.id().value());
            }
        }
    }

    private long timerCount(String name, String... tags) {
        return registry.get(name).tags(tags).timer().count();
    }

    private double callbacks(String outcome) {
        return registry.get("gempix2.callbacks").tag("outcome", outcome).counter().count();
    }
}
