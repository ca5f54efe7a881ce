package dev.gempix2.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.error.TaskTimeoutException;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.testkit.contract.TestTransports;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A wait over real HTTP on virtual time: minutes of the client's time pass in milliseconds of the test's. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class VirtualTimeTest {
    private final ManualClock clock = new ManualClock();
    private final VirtualTime time = new VirtualTime(clock);
    private final FakeGemPix2Backend fake = FakeGemPix2Backend.builder().clock(clock).start();
    private final GemPix2Client client = GemPix2Client.builder()
            .generator(time.track(TestTransports.jdk(fake.baseUrl(), fake.apiKey())))
            .clock(clock)
            .callbackExecutor(Runnable::run)
            .build();

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    @Test
    void aGenerationFollowsTheFakesStagesWithoutAnyoneAdvancingTheClockByHand() throws InterruptedException {
        fake.onPrompt("fox").stageDuration(Duration.ofSeconds(20)).succeedWith(1);

        Task task = time.runUntilDone(client.generateAsync(ImageRequest.of("a red fox"))).join();

        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(Duration.between(ManualClock.DEFAULT_START, clock.now())).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(fake.queriesFor(task.id())).isNotEmpty();
    }

    @Test
    void aTaskThatNeverFinishesTimesOutAtTheWaitTimeout() throws InterruptedException {
        fake.onPrompt("forever").neverFinish();

        CompletableFuture<Task> wait = time.runUntilDone(
                client.generateAsync(ImageRequest.of("forever and ever"), PollingPolicy.DEFAULT_WAIT_TIMEOUT));

        assertThat(wait).isCompletedExceptionally();
        assertThat(wait.handle((task, failure) -> failure instanceof CompletionException
                ? failure.getCause() : failure).join()).isInstanceOf(TaskTimeoutException.class);
        assertThat(Duration.between(ManualClock.DEFAULT_START, clock.now())).isEqualTo(Duration.ofMinutes(5));
    }
}
