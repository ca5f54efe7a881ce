package dev.gempix2.transport.httpclient5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.RetryPolicy;
import dev.gempix2.core.error.ServerException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.Fault;
import dev.gempix2.testkit.ManualClock;
import dev.gempix2.testkit.VirtualTime;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * A submit the provider may have acted on is not sent again unless the user asks for it: the fake creates the
 * task (which bills) and then fails the answer, and the journal shows how many submits and tasks there were.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class NothingPaidTwiceTest {
    private VirtualTime time;
    private FakeGemPix2Backend fake;
    private HttpClient5Transport transport;
    private GemPix2Client client;

    @BeforeAll
    void start() {
        ManualClock clock = new ManualClock();
        time = new VirtualTime(clock);
        fake = FakeGemPix2Backend.builder().clock(clock).start();
        transport = HttpClient5Transport.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build();
    }

    @BeforeEach
    void forgetThePreviousTest() {
        fake.reset();
    }

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    @AfterAll
    void stop() {
        transport.close();
        fake.close();
    }

    private GemPix2Client clientWith(RetryPolicy policy) {
        client = GemPix2Client.builder()
                .generator(time.track(transport))
                .clock(time.clock())
                .callbackExecutor(Runnable::run)
                .retryPolicy(policy)
                .build();
        return client;
    }

    private Throwable failure(CompletableFuture<?> future) throws Exception {
        try {
            time.runUntilDone(future).get();
        } catch (ExecutionException failed) {
            return failed.getCause();
        }
        throw new AssertionError("expected a failure, got " + future.join());
    }

    @Test
    void aServerErrorAfterTheTaskWasCreatedIsReportedAndNotSubmittedAgain() throws Exception {
        fake.onNextTask().onSubmit(Fault.status(500).afterCreatingTheTask());
        Throwable error = failure(clientWith(RetryPolicy.defaults()).submitAsync(ImageRequest.of("a red fox")));
        assertThat(error).isInstanceOf(ServerException.class);
        assertThat(((ServerException) error).httpStatus()).isEqualTo(500);
        assertThat(fake.submitCount()).isEqualTo(1);
        assertThat(fake.taskIds()).hasSize(1);
    }

    @Test
    void aConnectionDroppedAfterTheTaskWasCreatedIsReportedAndNotSubmittedAgain() throws Exception {
        fake.onNextTask().onSubmit(Fault.dropConnection().afterCreatingTheTask());
        Throwable error = failure(clientWith(RetryPolicy.defaults()).submitAsync(ImageRequest.of("a red fox")));
        assertThat(error).isInstanceOf(TransportException.class);
        assertThat(((TransportException) error).requestMayHaveReachedServer()).isTrue();
        assertThat(fake.submitCount()).isEqualTo(1);
        assertThat(fake.taskIds()).hasSize(1);
    }

    @Test
    void withAmbiguousSubmitsRetriedTheSecondSubmitCreatesASecondTask() throws Exception {
        fake.onNextTask().onSubmit(Fault.status(500).afterCreatingTheTask());
        RetryPolicy retryAll = RetryPolicy.builder().retryAmbiguousSubmits(true).build();
        TaskId id = time.runUntilDone(clientWith(retryAll).submitAsync(ImageRequest.of("a red fox"))).get();
        assertThat(fake.submitCount()).isEqualTo(2);
        assertThat(fake.taskIds()).hasSize(2).endsWith(id);
    }

    @Test
    void aServiceUnavailableBeforeCreatingIsRetriedAndCreatesExactlyOneTask() throws Exception {
        fake.onNextTask().onSubmit(Fault.status(503));
        TaskId id = time.runUntilDone(clientWith(RetryPolicy.defaults()).submitAsync(ImageRequest.of("a red fox")))
                .get();
        assertThat(fake.submitCount()).isEqualTo(2);
        assertThat(fake.taskIds()).containsExactly(id);
    }
}
