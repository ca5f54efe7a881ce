package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.error.AuthenticationException;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.error.ResponseTooLargeException;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.error.RateLimitedException;
import dev.gempix2.core.error.ServerException;
import dev.gempix2.core.error.TaskNotFoundException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.fakes.ScriptedGenerator;
import dev.gempix2.core.fakes.Tasks;
import dev.gempix2.core.fakes.TestClock;
import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.core.wire.WireFormat;
import dev.gempix2.core.wire.WireResponse;
import java.time.Duration;
import java.util.List;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which failures are retried for each kind of call, how often, and how long the client waits in between. */
class RetryMatrixTest {
    private static final ImageRequest REQUEST = ImageRequest.of("a cat");
    private static final GeneratedImage IMAGE = new GeneratedImage("https://img.example/cat.png");

    private final TestClock clock = new TestClock();
    private final ScriptedGenerator generator = new ScriptedGenerator();

    static GemPix2Exception connectionRefused() {
        return new TransportException("connection refused", false, null);
    }

    static GemPix2Exception readTimeout() {
        return new TransportException("read timed out", true, null);
    }

    static GemPix2Exception server(int status) {
        return new ServerException(status, -1, null, null, null);
    }

    static GemPix2Exception rateLimited() {
        return new RateLimitedException(-1, "too many requests", null, null);
    }

    static Stream<Arguments> submitFailures() {
        return Stream.of(
                Arguments.of("connection refused", connectionRefused(), true),
                Arguments.of("429", rateLimited(), true),
                Arguments.of("502", server(502), true),
                Arguments.of("503", server(503), true),
                Arguments.of("500", server(500), false),
                Arguments.of("504", server(504), false),
                Arguments.of("read timeout", readTimeout(), false),
                Arguments.of("400", InvalidRequestException.rejected(1, "failed", "prompt is required"), false),
                Arguments.of("401", new AuthenticationException(1, "Invalid API key", null), false));
    }

    static Stream<Arguments> idempotentFailures() {
        return Stream.of(
                Arguments.of("connection refused", connectionRefused(), true),
                Arguments.of("read timeout", readTimeout(), true),
                Arguments.of("429", rateLimited(), true),
                Arguments.of("500", server(500), true),
                Arguments.of("502", server(502), true),
                Arguments.of("503", server(503), true),
                Arguments.of("504", server(504), true),
                Arguments.of("400", InvalidRequestException.rejected(1, "failed", null), false),
                Arguments.of("401", new AuthenticationException(401, "Invalid API key", null), false),
                Arguments.of("404", new TaskNotFoundException(1, "task not found", null), false));
    }

    static Stream<Arguments> ambiguousSubmitFailures() {
        return Stream.of(Arguments.of("500", server(500)), Arguments.of("504", server(504)),
                Arguments.of("read timeout", readTimeout()));
    }

    @ParameterizedTest(name = "a submit failing with {0} is retried: {2}")
    @MethodSource("submitFailures")
    void aSubmitIsRetriedOnlyWhenTheRequestCannotHaveCreatedATask(String name, GemPix2Exception failure,
                                                                   boolean retried) {
        GemPix2Client client = TestClients.on(generator, clock).build();
        generator.submits().thenFail(failure).thenReturn(TaskId.of("t1"));

        CompletableFuture<TaskId> result = client.submitAsync(REQUEST);
        clock.advanceSeconds(60);

        if (retried) {
            assertThat(result).isCompletedWithValue(TaskId.of("t1"));
            assertThat(generator.submits().count()).isEqualTo(2);
        } else {
            assertThatThrownBy(result::join).cause().isSameAs(failure);
            assertThat(generator.submits().count()).as("sent once, never again").isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "with retryAmbiguousSubmits a submit failing with {0} is retried")
    @MethodSource("ambiguousSubmitFailures")
    void anAmbiguousSubmitFailureIsRetriedWhenTheUserOptsIn(String name, GemPix2Exception failure) {
        GemPix2Client client = TestClients.on(generator, clock)
                .retryPolicy(RetryPolicy.builder().retryAmbiguousSubmits(true).build()).build();
        generator.submits().thenFail(failure).thenReturn(TaskId.of("t1"));

        CompletableFuture<TaskId> result = client.submitAsync(REQUEST);
        clock.advanceSeconds(60);

        assertThat(result).isCompletedWithValue(TaskId.of("t1"));
        assertThat(generator.submits().count()).isEqualTo(2);
    }

    @ParameterizedTest(name = "a query failing with {0} is retried: {2}")
    @MethodSource("idempotentFailures")
    void aQueryIsRetriedOnIoErrors429And5xx(String name, GemPix2Exception failure, boolean retried) {
        GemPix2Client client = TestClients.on(generator, clock).build();
        generator.queries().thenFail(failure).thenReturn(Tasks.at("t1", TaskStatus.PENDING));

        CompletableFuture<Task> result = client.taskAsync(TaskId.of("t1"));
        clock.advanceSeconds(60);

        if (retried) {
            assertThat(result).isCompletedWithValueMatching(task -> task.status() == TaskStatus.PENDING);
            assertThat(generator.queries().count()).isEqualTo(2);
        } else {
            assertThatThrownBy(result::join).cause().isSameAs(failure);
            assertThat(generator.queries().count()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "a download failing with {0} is retried: {2}")
    @MethodSource("idempotentFailures")
    void aDownloadIsRetriedOnIoErrors429And5xx(String name, GemPix2Exception failure, boolean retried) {
        GemPix2Client client = TestClients.on(generator, clock).build();
        generator.downloads().thenFail(failure).thenReturn(new byte[] {1, 2, 3});

        CompletableFuture<byte[]> result = client.downloadAsync(IMAGE);
        clock.advanceSeconds(60);

        if (retried) {
            assertThat(result).isCompletedWithValueMatching(bytes -> bytes.length == 3);
            assertThat(generator.downloads().count()).isEqualTo(2);
        } else if (failure instanceof dev.gempix2.core.error.TaskNotFoundException) {
            // A missing image is not an unknown task: reported as such, the 404 as its cause.
            assertThatThrownBy(result::join).cause().hasCause(failure);
            assertThat(generator.downloads().count()).isEqualTo(1);
        } else {
            assertThatThrownBy(result::join).cause().isSameAs(failure);
            assertThat(generator.downloads().count()).isEqualTo(1);
        }
    }

    @Test
    void aDownloadLargerThanTheLimitIsNotFetchedAgain() {
        GemPix2Client client = TestClients.on(generator, clock).build();
        ResponseTooLargeException tooLarge = new ResponseTooLargeException("The image is larger than 1000 bytes", 1000);
        generator.downloads().thenFail(tooLarge).thenReturn(new byte[] {1, 2, 3});

        CompletableFuture<byte[]> result = client.downloadAsync(IMAGE);
        clock.advanceSeconds(60);

        assertThatThrownBy(result::join).cause().isSameAs(tooLarge);
        assertThat(generator.downloads().count()).isEqualTo(1);
    }

    @Test
    void aCallIsRetriedAtMostMaxRetriesTimesThenFailsWithTheLastError() {
        GemPix2Client client = TestClients.on(generator, clock).build();
        GemPix2Exception last = server(503);
        generator.queries().thenFail(3, server(500)).thenFail(last).thenReturn(Tasks.success("t1"));

        CompletableFuture<Task> result = client.taskAsync(TaskId.of("t1"));
        clock.advanceSeconds(60);

        assertThat(generator.queries().count()).as("one attempt and 3 retries").isEqualTo(4);
        assertThatThrownBy(result::join).cause().isSameAs(last);
    }

    @Test
    void maxRetriesZeroMeansOneAttempt() {
        GemPix2Client client = TestClients.on(generator, clock).retryPolicy(RetryPolicy.none()).build();
        generator.downloads().thenFail(server(503)).thenReturn(new byte[] {1});

        CompletableFuture<byte[]> result = client.downloadAsync(IMAGE);
        clock.advanceSeconds(60);

        assertThat(result).isCompletedExceptionally();
        assertThat(generator.downloads().count()).isEqualTo(1);
    }

    @Test
    void backoffDoublesFromHalfASecondWithEqualJitterAtItsLowerBound() {
        assertThat(retryDelays(() -> 0.0)).containsExactly(
                Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void backoffWithJitterNeverExceedsTheNominalDelay() {
        assertThat(retryDelays(() -> 0.999_999)).containsExactly(
                Duration.ofMillis(499), Duration.ofMillis(999), Duration.ofMillis(1999));
    }

    @Test
    void backoffStopsGrowingAtMaxBackoff() {
        RetryPolicy policy = RetryPolicy.builder().maxRetries(6).build();
        GemPix2Client client = TestClients.on(generator, clock).retryPolicy(policy).jitter(() -> 0.0).build();
        generator.queries().otherwiseFail(server(500));

        client.taskAsync(TaskId.of("t1"));
        clock.advanceSeconds(120);

        assertThat(retryWaits()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500),
                Duration.ofMillis(1000), Duration.ofMillis(2000), Duration.ofMillis(4000), Duration.ofMillis(4000));
    }

    @Test
    void aRetryAfterInSecondsIsHonoured() {
        GemPix2Client client = TestClients.on(generator, clock).build();
        generator.submits().thenFail(new RateLimitedException(-1, null, null, Duration.ofSeconds(7)))
                .thenReturn(TaskId.of("t1"));

        CompletableFuture<TaskId> result = client.submitAsync(REQUEST);
        clock.advanceSeconds(6.9);
        assertThat(result).isNotDone();
        clock.advanceSeconds(0.1);

        assertThat(result).isCompletedWithValue(TaskId.of("t1"));
        assertThat(retryWaits()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void aRetryAfterLongerThanTheCapIsCutToTheCap() {
        GemPix2Client client = TestClients.on(generator, clock).build();
        generator.queries().thenFail(new ServerException(503, -1, null, null, Duration.ofHours(1)))
                .thenReturn(Tasks.success("t1"));

        client.taskAsync(TaskId.of("t1"));
        clock.advanceSeconds(60);

        assertThat(retryWaits()).containsExactly(RetryPolicy.DEFAULT_MAX_RETRY_AFTER);
        assertThat(generator.queries().count()).isEqualTo(2);
    }

    @Test
    void aRetryAfterAsAnHttpDateIsHonoured() {
        GemPix2Client client = TestClients.on(generator, clock).build();
        String inTwentySeconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(Instant.now().plusSeconds(20).atOffset(ZoneOffset.UTC));
        GemPix2Exception limited = WireFormat.error(WireResponse.json(429, Map.of("code", 1), inTwentySeconds));
        generator.queries().thenFail(limited).thenReturn(Tasks.success("t1"));

        client.taskAsync(TaskId.of("t1"));
        clock.advanceSeconds(60);

        assertThat(retryWaits()).singleElement()
                .satisfies(delay -> assertThat(delay).isBetween(Duration.ofSeconds(17), Duration.ofSeconds(20)));
    }

    @Test
    void aRetryAfterAsAnHttpDateFarAwayIsCapped() {
        GemPix2Client client = TestClients.on(generator, clock)
                .retryPolicy(RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(30)).build()).build();
        GemPix2Exception limited = WireFormat.error(
                WireResponse.json(503, Map.of("code", 1), "Fri, 31 Dec 2100 23:59:59 GMT"));
        generator.downloads().thenFail(limited).thenReturn(new byte[] {1});

        client.downloadAsync(IMAGE);
        clock.advanceSeconds(60);

        assertThat(retryWaits()).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void retriesWaitOnTheClockWithoutBlockingAnyThread() {
        GemPix2Client client = TestClients.on(generator, clock).build();
        generator.queries().thenFail(server(500)).thenReturn(Tasks.success("t1"));

        CompletableFuture<Task> result = client.taskAsync(TaskId.of("t1"));

        assertThat(result).as("the call returned; the retry waits on the clock").isNotDone();
        assertThat(clock.pending()).as("the retry and the call's deadline").isEqualTo(2);
        clock.advanceSeconds(1);
        assertThat(result).isCompleted();
    }

    private java.util.List<Duration> retryDelays(DoubleSupplier jitter) {
        GemPix2Client client = TestClients.on(generator, clock).jitter(jitter).build();
        generator.queries().otherwiseFail(server(500));
        client.taskAsync(TaskId.of("t1"));
        clock.advanceSeconds(60);
        assertThat(generator.queries().count()).isEqualTo(4);
        return retryWaits();
    }

    /** @return the delays scheduled on the clock, without the calls' overall deadlines */
    private List<Duration> retryWaits() {
        return clock.scheduledDelays().stream().filter(d -> !d.equals(GemPix2Client.DEFAULT_CALL_TIMEOUT)).toList();
    }
}
