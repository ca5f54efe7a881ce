package dev.gempix2.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gempix2.core.error.ApiException;
import dev.gempix2.core.error.AuthenticationException;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.error.RateLimitedException;
import dev.gempix2.core.error.ServerException;
import dev.gempix2.core.error.TaskNotFoundException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Model;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.FakeResponse;
import dev.gempix2.testkit.Fault;
import dev.gempix2.testkit.ImageMode;
import dev.gempix2.testkit.ManualClock;
import dev.gempix2.testkit.RecordedRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link ImageGenerator} (every transport) must have, pinned against the
 * {@link FakeGemPix2Backend}: the request sent exactly as the spec says, every answer read the same way, and
 * every HTTP outcome mapped to the same exception, with the same status, code, message and detail. A
 * transport's test only says how to build itself:
 *
 * <pre>{@code
 * class HttpClient5TransportContractTest extends ImageGeneratorContract {
 *     @Override
 *     protected ImageGenerator create(URI baseUrl, ApiKey key, Duration responseTimeout) {
 *         return HttpClient5Transport.builder().baseUrl(baseUrl).apiKey(key).responseTimeout(responseTimeout).build();
 *     }
 * }
 * }</pre>
 *
 * <p>The fake runs on a {@link ManualClock}, so every test is fast and none sleeps. The mapping rules
 * themselves live in core's {@code WireFormat}; this suite checks that a transport uses them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
public abstract class ImageGeneratorContract {
    private static final Duration STAGE = Duration.ofSeconds(1);
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);

    private ManualClock clock;
    private FakeGemPix2Backend fake;
    private ImageGenerator generator;

    /**
     * Builds the implementation under test. Called once per test class with a generous timeout, and once more
     * for each timeout test; the suite closes what it builds.
     *
     * @param baseUrl the fake's base URL
     * @param key a key the fake accepts (or, in the 401 tests, one it refuses)
     * @param responseTimeout how long to wait for an answer before failing with a {@code TransportException}
     * @return a new generator
     */
    protected abstract ImageGenerator create(URI baseUrl, ApiKey key, Duration responseTimeout);

    /** @return the fake backend the suite runs against, for a subclass's own extra tests */
    protected final FakeGemPix2Backend fake() {
        return fake;
    }

    /** @return the fake's clock */
    protected final ManualClock clock() {
        return clock;
    }

    /** @return the generator under test, built once for the class */
    protected final ImageGenerator generator() {
        return generator;
    }

    @BeforeAll
    final void startFakeBackend() {
        clock = new ManualClock();
        fake = FakeGemPix2Backend.builder().clock(clock).stageDuration(STAGE).start();
        generator = create(fake.baseUrl(), fake.apiKey(), Duration.ofSeconds(10));
        warmUp();
    }

    // The first exchange loads classes and opens connections; doing it here keeps each test's time its own.
    private void warmUp() {
        try {
            generator.submit(ImageRequest.of("warm-up")).thenCompose(generator::query).get(10, TimeUnit.SECONDS);
        } catch (Exception | AssertionError ignored) {
            // A transport that cannot do this fails the tests themselves, each with its own message.
        }
    }

    @BeforeEach
    final void forgetThePreviousTest() {
        fake.reset();
    }

    @AfterAll
    final void stopFakeBackend() {
        if (generator != null) {
            generator.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    // ---- submit: the request ----

    @Test
    void submitReturnsTheTaskIdTheApiGave() {
        TaskId id = Outcomes.value(generator.submit(ImageRequest.of("a lighthouse at dawn")));
        assertEquals(fake.lastTaskId(), id);
    }

    @Test
    void submitSendsOnlyModelAndPromptWhenNothingElseIsSet() {
        Outcomes.value(generator.submit(ImageRequest.of("a lighthouse at dawn")));
        RecordedRequest request = fake.takeRequest();
        assertEquals("POST", request.method());
        assertEquals("/api/image/gen", request.path());
        assertEquals(Map.of("model", "google/gempix2", "prompt", "a lighthouse at dawn"), request.bodyAsJson(),
                "the body has exactly the spec's fields, in snake_case, and no empty images array");
        assertTrue(request.header("Content-Type").orElse("").startsWith("application/json"),
                "Content-Type is application/json, got " + request.header("Content-Type"));
    }

    @Test
    void submitSendsImagesCallbackUrlAndExtraFieldsAsGiven() {
        ImageRequest edit = ImageRequest.builder()
                .model(Model.GEMINI_2_5_FLASH_IMAGE)
                .prompt("Put them in a basket")
                .referenceImages(List.of(URI.create("https://example.com/lotion.png"),
                        URI.create("https://example.com/soap.png")))
                .callbackUrl(URI.create("https://example.com/webhook/abc"))
                .extra("aspect_ratio", "16:9")
                .extra("seed", 42)
                .build();
        Outcomes.value(generator.submit(edit));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("model", "google/gemini-2.5-flash-image");
        expected.put("prompt", "Put them in a basket");
        expected.put("images", List.of("https://example.com/lotion.png", "https://example.com/soap.png"));
        expected.put("callback_url", "https://example.com/webhook/abc");
        expected.put("aspect_ratio", "16:9");
        expected.put("seed", 42);
        assertEquals(expected, fake.takeRequest().bodyAsJson());
    }

    @Test
    void everyRequestCarriesTheAuthorizationHeaderExactlyAsBearerAndTheKey() {
        TaskId id = Outcomes.value(generator.submit(ImageRequest.of("a lighthouse at dawn")));
        Outcomes.value(generator.query(id));
        String expected = fake.apiKey().authorizationHeader();
        for (RecordedRequest request : fake.requests()) {
            assertTrue(request.authorizationEquals(expected), request + " carries Authorization "
                    + request.header("Authorization").orElse("(none)") + ", expected exactly 'Bearer <key>'");
        }
    }

    @Test
    void everyRequestCarriesTheLibrarysUserAgent() {
        TaskId id = Outcomes.value(generator.submit(ImageRequest.of("a lighthouse at dawn")));
        Outcomes.value(generator.query(id));
        for (RecordedRequest request : fake.requests()) {
            String agent = request.header("User-Agent").orElse("(none)");
            assertTrue(agent.matches("gempix2-java/\\S+ \\((httpclient5|micronaut|quarkus|\\w+); Java \\S+\\)( .+)?"),
                    request + " carries User-Agent " + agent + ", expected gempix2-java/<version> (<transport>; Java <version>)");
        }
    }

    // ---- query: reading tasks ----

    @Test
    void querySendsTheTaskIdAsAQueryParameter() {
        TaskId id = Outcomes.value(generator.submit(ImageRequest.of("a lighthouse at dawn")));
        Outcomes.value(generator.query(id));
        List<RecordedRequest> queries = fake.queriesFor(id);
        assertEquals(1, queries.size(), "one query, one request");
        assertEquals("GET", queries.get(0).method());
    }

    @Test
    void queryEncodesATaskIdWithReservedCharacters() {
        TaskId odd = TaskId.of("ta1&status=success#x");
        Outcomes.failure(generator.query(odd));
        assertEquals(Optional.of(odd.value()), fake.takeRequest().queryParameter("task_id"));
    }

    @Test
    void queryFollowsTheTaskThroughEveryStage() {
        TaskId id = Outcomes.value(generator.submit(ImageRequest.of("a lighthouse at dawn")));
        assertEquals(TaskStatus.PENDING, Outcomes.value(generator.query(id)).status());
        clock.advance(STAGE);
        assertEquals(TaskStatus.SUBMITTED, Outcomes.value(generator.query(id)).status());
        clock.advance(STAGE);
        Task inProgress = Outcomes.value(generator.query(id));
        assertEquals(TaskStatus.IN_PROGRESS, inProgress.status());
        assertEquals(List.of(), inProgress.images(), "no images before success");
    }

    @Test
    void queryReadsASuccessWithImageUrlsConsumedCreditsAndCreationTime() {
        fake.onEveryTask().succeedWith(2);
        var submittedAt = clock.now();
        TaskId id = Outcomes.value(generator.submit(ImageRequest.of("two foxes")));
        clock.advance(STAGE.multipliedBy(3));
        Task task = Outcomes.value(generator.query(id));
        assertEquals(TaskStatus.SUCCESS, task.status());
        assertEquals(2, task.images().size());
        assertTrue(task.images().get(0).url().orElseThrow().toString().startsWith(fake.baseUrl().toString()),
                "image URLs are read as given: " + task.images());
        assertEquals(0, new BigDecimal("0.5").compareTo(task.consumedCredits().orElseThrow()),
                "consumed is parsed from the decimal string: " + task.consumedCredits());
        assertEquals(Optional.of(submittedAt), task.createdAt(), "created_at is read");
    }

    @Test
    void queryReadsImagesGivenAsDataUris() {
        fake.onEveryTask().imagesAs(ImageMode.DATA_URI).finishImmediately();
        TaskId id = Outcomes.value(generator.submit(ImageRequest.of("a data uri")));
        Task task = Outcomes.value(generator.query(id));
        assertEquals(1, task.images().size());
        assertTrue(task.images().get(0).isDataUri(), "a data URI result stays a data URI");
        assertEquals("image/png", task.images().get(0).decode().mediaType());
    }

    @Test
    void queryReadsAFailureWithItsReasonAndNoImages() {
        fake.onEveryTask().failWith("prompt violates the content policy").finishImmediately();
        TaskId id = Outcomes.value(generator.submit(ImageRequest.of("forbidden")));
        Task task = Outcomes.value(generator.query(id));
        assertEquals(TaskStatus.FAILED, task.status());
        assertEquals(List.of(), task.images());
        assertEquals(Optional.of("prompt violates the content policy"), task.statusMessage());
    }

    @Test
    void queryReadsATextOnlyAnswerAsTheTaskMessage() {
        fake.onEveryTask().answerWithText("I cannot draw that").finishImmediately();
        TaskId id = Outcomes.value(generator.submit(ImageRequest.of("draw nothing")));
        Task task = Outcomes.value(generator.query(id));
        assertEquals(List.of(), task.images());
        assertEquals(Optional.of("I cannot draw that"), task.statusMessage());
    }

    @Test
    void aStatusThisVersionDoesNotKnowIsReadAsUnknown() {
        fake.onEveryTask().reportStatus("moderation_review");
        TaskId id = Outcomes.value(generator.submit(ImageRequest.of("anything")));
        assertEquals(TaskStatus.UNKNOWN, Outcomes.value(generator.query(id)).status());
    }

    @Test
    void unknownFieldsInAnswersAreIgnored() {
        fake.onEveryTask().onSubmit(Fault.response(FakeResponse.json(200, "{\"code\":0,\"message\":\"ok\","
                + "\"request_id\":\"r-1\",\"data\":{\"task_id\":\"ta-extra\",\"queue\":{\"position\":3}}}")));
        TaskId id = Outcomes.value(generator.submit(ImageRequest.of("anything")));
        assertEquals(TaskId.of("ta-extra"), id);

        TaskId real = Outcomes.value(generator.submit(ImageRequest.of("anything")));
        fake.onTask(real).onQuery(Fault.response(FakeResponse.json(200, "{\"code\":0,\"message\":\"ok\","
                + "\"trace\":[1,2],\"data\":{\"task_id\":\"" + real.value() + "\",\"status\":\"in_progress\","
                + "\"progress\":0.4,\"result\":null,\"consumed\":\"0.000000\",\"status_reason\":{\"message\":null,"
                + "\"code\":0},\"model\":\"google/gempix2\"}}")));
        assertEquals(TaskStatus.IN_PROGRESS, Outcomes.value(generator.query(real)).status());
    }

    // ---- HTTP errors ----

    @Test
    void aRequestTheApiRejectsIsInvalidRequestExceptionInTheProvidersWords() {
        ApiException error = Outcomes.failure(generator.submit(
                ImageRequest.builder().model(Model.of("acme/unknown-model")).prompt("anything").build()),
                InvalidRequestException.class);
        assertApiError(error, 400, 1, "failed", "model 'acme/unknown-model' is not supported");
    }

    @Test
    void aRefusedKeyOnSubmitIsAuthenticationExceptionWithCode1() {
        try (ImageGenerator refused = create(fake.baseUrl(), ApiKey.of("dk-refused-0000"), Duration.ofSeconds(10))) {
            ApiException error = Outcomes.failure(refused.submit(ImageRequest.of("anything")),
                    AuthenticationException.class);
            assertApiError(error, 401, 1, "Invalid API key", null);
            assertTrue(!error.getMessage().contains("dk-refused-0000"), "the key never appears in a message");
        }
    }

    @Test
    void aRefusedKeyOnQueryIsAuthenticationExceptionWithCode401() {
        TaskId id = Outcomes.value(generator.submit(ImageRequest.of("anything")));
        try (ImageGenerator refused = create(fake.baseUrl(), ApiKey.of("dk-refused-0000"), Duration.ofSeconds(10))) {
            ApiException error = Outcomes.failure(refused.query(id), AuthenticationException.class);
            assertApiError(error, 401, 401, "Invalid API key", null);
        }
    }

    @Test
    void anUnknownTaskIsTaskNotFoundException() {
        ApiException error = Outcomes.failure(generator.query(TaskId.of("ta-no-such-task")),
                TaskNotFoundException.class);
        assertApiError(error, 404, 1, "task not found", null);
    }

    @Test
    void aRateLimitIsRateLimitedExceptionWithTheRetryAfterDelay() {
        fake.onEveryTask().onSubmit(Fault.rateLimited(Duration.ofSeconds(7)));
        RateLimitedException onSubmit = Outcomes.failure(generator.submit(ImageRequest.of("anything")),
                RateLimitedException.class);
        assertEquals(429, onSubmit.httpStatus());
        assertEquals(Optional.of(Duration.ofSeconds(7)), onSubmit.retryAfter());

        TaskId id = Outcomes.value(generator.submit(ImageRequest.of("anything")));
        fake.onTask(id).onQuery(Fault.rateLimited(Duration.ofSeconds(2)));
        RateLimitedException onQuery = Outcomes.failure(generator.query(id), RateLimitedException.class);
        assertEquals(Optional.of(Duration.ofSeconds(2)), onQuery.retryAfter());
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 502, 503})
    void aServerErrorIsServerExceptionWithItsStatusAndIsSentExactlyOnce(int status) {
        fake.onEveryTask().onSubmit(Fault.status(status));
        ServerException onSubmit = Outcomes.failure(generator.submit(ImageRequest.of("anything")),
                ServerException.class);
        assertEquals(status, onSubmit.httpStatus());
        assertEquals(1, onSubmit.code());
        assertEquals(1, fake.submitCount(), "a transport sends one request per call and never retries itself");

        TaskId id = Outcomes.value(generator.submit(ImageRequest.of("anything")));
        fake.onTask(id).onQuery(Fault.status(status));
        assertEquals(status, Outcomes.failure(generator.query(id), ServerException.class).httpStatus());
        assertEquals(1, fake.queriesFor(id).size(), "a transport sends one request per call and never retries itself");
    }

    @Test
    void everyRequestCarriesAFreshRequestIdAndAnErrorReportsIt() {
        fake.onEveryTask().onSubmit(Fault.status(500));
        ApiException error = Outcomes.failure(generator.submit(ImageRequest.of("anything")), ApiException.class);
        Optional<String> sent = fake.takeRequest().header("X-Request-Id");
        assertTrue(sent.isPresent(), "the request carries X-Request-Id");
        assertEquals(sent, error.requestId(), "the error reports the id its request carried");
        assertTrue(error.getMessage().contains(sent.get()), "the id is in the message: " + error.getMessage());
        fake.reset();
        Outcomes.value(generator.submit(ImageRequest.of("anything")));
        assertTrue(!sent.equals(fake.takeRequest().header("X-Request-Id")), "each request has its own id");
    }

    @Test
    void anErrorReportsTheProvidersRequestIdAndItsHeadersWithoutCookies() {
        fake.onEveryTask().onSubmit(Fault.response(FakeResponse.json(503, "{\"code\":1,\"message\":\"busy\"}")
                .withHeader("X-Request-Id", "provider-7").withHeader("Set-Cookie", "session=secret")
                .withHeader("Retry-After", "4")));
        ApiException error = Outcomes.failure(generator.submit(ImageRequest.of("anything")), ApiException.class);
        assertEquals(Optional.of("provider-7"), error.requestId());
        assertEquals(List.of("4"), error.responseHeaders().get("retry-after"), "headers: " + error.responseHeaders());
        assertTrue(!error.responseHeaders().containsKey("set-cookie"), "no cookies: " + error.responseHeaders());
        assertEquals(Optional.of(Duration.ofSeconds(4)), error.retryAfter());
    }

    @Test
    void aSuccessStatusWithANonZeroCodeIsApiException() {
        fake.onEveryTask().onSubmit(Fault.errorCode(7, "insufficient credits"));
        ApiException error = Outcomes.failure(generator.submit(ImageRequest.of("anything")), ApiException.class);
        assertApiError(error, 200, 7, "insufficient credits", null);
    }

    // ---- broken answers ----

    @Test
    void malformedJsonInASuccessIsTransportException() {
        fake.onEveryTask().onSubmit(Fault.malformedJson());
        Outcomes.failure(generator.submit(ImageRequest.of("anything")), TransportException.class);

        TaskId id = Outcomes.value(generator.submit(ImageRequest.of("anything")));
        fake.onTask(id).onQuery(Fault.malformedJson());
        Outcomes.failure(generator.query(id), TransportException.class);
    }

    @Test
    void trailingGarbageAfterTheJsonIsTransportException() {
        fake.onEveryTask().onSubmit(Fault.response(FakeResponse.json(200,
                "{\"code\":0,\"message\":\"ok\",\"data\":{\"task_id\":\"ta-1\"}} <html>")));
        Outcomes.failure(generator.submit(ImageRequest.of("anything")), TransportException.class);
    }

    @Test
    void aHugeDecimalIsReadExactly() {
        TaskId id = Outcomes.value(generator.submit(ImageRequest.of("anything")));
        fake.onTask(id).onQuery(Fault.response(FakeResponse.json(200, "{\"code\":0,\"message\":\"ok\",\"data\":"
                + "{\"task_id\":\"" + id.value() + "\",\"status\":\"success\",\"result\":[],"
                + "\"consumed\":12345678901234567890.123456789012345678901}}")));
        // More digits than a double holds, read to the digit (absurd magnitudes, such as 1e400, are left empty
        // by core's bounded-decimal rule: see OddProviderDataTest).
        assertEquals(Optional.of(new BigDecimal("12345678901234567890.123456789012345678901")),
                Outcomes.value(generator.query(id)).consumedCredits(), "a number past double's precision, to the digit");
    }

    @Test
    void anHtmlPageInASuccessIsTransportException() {
        TaskId id = Outcomes.value(generator.submit(ImageRequest.of("anything")));
        fake.onTask(id).onQuery(Fault.htmlPage(200));
        Outcomes.failure(generator.query(id), TransportException.class);
    }

    @Test
    void anHtmlPageWithA502IsServerException() {
        fake.onEveryTask().onSubmit(Fault.htmlPage(502));
        ServerException error = Outcomes.failure(generator.submit(ImageRequest.of("anything")),
                ServerException.class);
        assertEquals(502, error.httpStatus());
        assertEquals(-1, error.code(), "an HTML page has no code");
    }

    @Test
    void aDroppedConnectionIsTransportExceptionAndASubmitIsNotResent() {
        fake.onEveryTask().onSubmit(Fault.dropConnection(), 3);
        Outcomes.failure(generator.submit(ImageRequest.of("anything")), TransportException.class);
        assertEquals(1, fake.submitCount(), "a dropped submit may have created a task: it is never resent");

        fake.reset();
        TaskId id = Outcomes.value(generator.submit(ImageRequest.of("anything")));
        fake.onTask(id).onQuery(Fault.dropConnection(), 3);
        Outcomes.failure(generator.query(id), TransportException.class);
    }

    // ---- timeouts ----

    @Test
    void aSubmitAnsweredTooSlowlyFailsWithTransportExceptionAtTheResponseTimeout() {
        fake.onEveryTask().onSubmit(Fault.latency(Duration.ofHours(1)));
        try (ImageGenerator impatient = create(fake.baseUrl(), fake.apiKey(), SHORT_TIMEOUT)) {
            long start = System.nanoTime();
            Outcomes.failure(impatient.submit(ImageRequest.of("anything")), TransportException.class);
            assertFasterThan(start, Duration.ofSeconds(5));
        }
    }

    @Test
    void aQueryAnsweredTooSlowlyFailsWithTransportExceptionAtTheResponseTimeout() {
        try (ImageGenerator impatient = create(fake.baseUrl(), fake.apiKey(), SHORT_TIMEOUT)) {
            TaskId id = Outcomes.value(impatient.submit(ImageRequest.of("anything")));
            fake.onTask(id).onQuery(Fault.latency(Duration.ofHours(1)));
            long start = System.nanoTime();
            Outcomes.failure(impatient.query(id), TransportException.class);
            assertFasterThan(start, Duration.ofSeconds(5));
        }
    }

    @Test
    void anAnswerWithinTheTimeoutIsWaitedFor() {
        TaskId id = Outcomes.value(generator.submit(ImageRequest.of("anything")));
        fake.onTask(id).onQuery(Fault.latency(Duration.ofSeconds(30)));
        var pending = generator.query(id);
        fake.awaitHeldAnswers(1, Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(TaskStatus.SUCCESS, Outcomes.value(pending).status(), "the answer reflects the later time");
    }

    private static void assertApiError(ApiException error, int status, int code, String message, String detail) {
        assertEquals(status, error.httpStatus(), "httpStatus of " + error);
        assertEquals(code, error.code(), "code of " + error);
        assertEquals(Optional.ofNullable(message), error.providerMessage(), "providerMessage of " + error);
        assertEquals(Optional.ofNullable(detail), error.detail(), "detail of " + error);
    }

    private static void assertFasterThan(long startNanos, Duration limit) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        assertTrue(took.compareTo(limit) < 0, "the timeout was not honoured: the call took " + took);
    }
}
