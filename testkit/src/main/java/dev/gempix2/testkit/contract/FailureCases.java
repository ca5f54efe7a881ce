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
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.testkit.FakeResponse;
import dev.gempix2.testkit.Fault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract's failures: every HTTP error, broken answer and timeout mapped to the same exception. */
abstract class FailureCases extends GeneratorCases {
    @Test
    void aRequestTheApiRejectsIsInvalidRequestExceptionInTheProvidersWords() {
        ApiException error = Outcomes.failure(generator().submit(
                ImageRequest.builder().model(Model.of("acme/unknown-model")).prompt("anything").build()),
                InvalidRequestException.class);
        assertApiError(error, 400, 1, "failed", "model 'acme/unknown-model' is not supported");
    }

    @Test
    void aRefusedKeyOnSubmitIsAuthenticationExceptionWithCode1() {
        try (ImageGenerator refused = contract().create(fake().baseUrl(), ApiKey.of("dk-refused-0000"),
                Duration.ofSeconds(10))) {
            ApiException error = Outcomes.failure(refused.submit(ImageRequest.of("anything")),
                    AuthenticationException.class);
            assertApiError(error, 401, 1, "Invalid API key", null);
            assertTrue(!error.getMessage().contains("dk-refused-0000"), "the key never appears in a message");
        }
    }

    @Test
    void aRefusedKeyOnQueryIsAuthenticationExceptionWithCode401() {
        TaskId id = Outcomes.value(generator().submit(ImageRequest.of("anything")));
        try (ImageGenerator refused = contract().create(fake().baseUrl(), ApiKey.of("dk-refused-0000"),
                Duration.ofSeconds(10))) {
            ApiException error = Outcomes.failure(refused.query(id), AuthenticationException.class);
            assertApiError(error, 401, 401, "Invalid API key", null);
        }
    }

    @Test
    void anUnknownTaskIsTaskNotFoundException() {
        ApiException error = Outcomes.failure(generator().query(TaskId.of("ta-no-such-task")),
                TaskNotFoundException.class);
        assertApiError(error, 404, 1, "task not found", null);
    }

    @Test
    void aRateLimitIsRateLimitedExceptionWithTheRetryAfterDelay() {
        fake().onEveryTask().onSubmit(Fault.rateLimited(Duration.ofSeconds(7)));
        RateLimitedException onSubmit = Outcomes.failure(generator().submit(ImageRequest.of("anything")),
                RateLimitedException.class);
        assertEquals(429, onSubmit.httpStatus());
        assertEquals(Optional.of(Duration.ofSeconds(7)), onSubmit.retryAfter());

        TaskId id = Outcomes.value(generator().submit(ImageRequest.of("anything")));
        fake().onTask(id).onQuery(Fault.rateLimited(Duration.ofSeconds(2)));
        RateLimitedException onQuery = Outcomes.failure(generator().query(id), RateLimitedException.class);
        assertEquals(Optional.of(Duration.ofSeconds(2)), onQuery.retryAfter());
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 502, 503})
    void aServerErrorIsServerExceptionWithItsStatusAndIsSentExactlyOnce(int status) {
        fake().onEveryTask().onSubmit(Fault.status(status));
        ServerException onSubmit = Outcomes.failure(generator().submit(ImageRequest.of("anything")),
                ServerException.class);
        assertEquals(status, onSubmit.httpStatus());
        assertEquals(1, onSubmit.code());
        assertEquals(1, fake().submitCount(), "a transport sends one request per call and never retries itself");

        TaskId id = Outcomes.value(generator().submit(ImageRequest.of("anything")));
        fake().onTask(id).onQuery(Fault.status(status));
        assertEquals(status, Outcomes.failure(generator().query(id), ServerException.class).httpStatus());
        assertEquals(1, fake().queriesFor(id).size(), "a transport sends one request per call and never retries itself");
    }

    @Test
    void everyRequestCarriesAFreshRequestIdAndAnErrorReportsIt() {
        fake().onEveryTask().onSubmit(Fault.status(500));
        ApiException error = Outcomes.failure(generator().submit(ImageRequest.of("anything")), ApiException.class);
        Optional<String> sent = fake().takeRequest().header("X-Request-Id");
        assertTrue(sent.isPresent(), "the request carries X-Request-Id");
        assertEquals(sent, error.requestId(), "the error reports the id its request carried");
        assertTrue(error.getMessage().contains(sent.get()), "the id is in the message: " + error.getMessage());
        fake().reset();
        Outcomes.value(generator().submit(ImageRequest.of("anything")));
        assertTrue(!sent.equals(fake().takeRequest().header("X-Request-Id")), "each request has its own id");
    }

    @Test
    void anErrorReportsTheProvidersRequestIdAndItsHeadersWithoutCookies() {
        fake().onEveryTask().onSubmit(Fault.response(FakeResponse.json(503, "{\"code\":1,\"message\":\"busy\"}")
                .withHeader("X-Request-Id", "provider-7").withHeader("Set-Cookie", "session=secret")
                .withHeader("Retry-After", "4")));
        ApiException error = Outcomes.failure(generator().submit(ImageRequest.of("anything")), ApiException.class);
        assertEquals(Optional.of("provider-7"), error.requestId());
        assertEquals(List.of("4"), error.responseHeaders().get("retry-after"), "headers: " + error.responseHeaders());
        assertTrue(!error.responseHeaders().containsKey("set-cookie"), "no cookies: " + error.responseHeaders());
        assertEquals(Optional.of(Duration.ofSeconds(4)), error.retryAfter());
    }

    @Test
    void aSuccessStatusWithANonZeroCodeIsApiException() {
        fake().onEveryTask().onSubmit(Fault.errorCode(7, "insufficient credits"));
        ApiException error = Outcomes.failure(generator().submit(ImageRequest.of("anything")), ApiException.class);
        assertApiError(error, 200, 7, "insufficient credits", null);
    }

    // ---- broken answers ----

    @Test
    void malformedJsonInASuccessIsTransportException() {
        fake().onEveryTask().onSubmit(Fault.malformedJson());
        Outcomes.failure(generator().submit(ImageRequest.of("anything")), TransportException.class);

        TaskId id = Outcomes.value(generator().submit(ImageRequest.of("anything")));
        fake().onTask(id).onQuery(Fault.malformedJson());
        Outcomes.failure(generator().query(id), TransportException.class);
    }

    @Test
    void trailingGarbageAfterTheJsonIsTransportException() {
        fake().onEveryTask().onSubmit(Fault.response(FakeResponse.json(200,
                "{\"code\":0,\"message\":\"ok\",\"data\":{\"task_id\":\"ta-1\"}} <html>")));
        Outcomes.failure(generator().submit(ImageRequest.of("anything")), TransportException.class);
    }

    @Test
    void aHugeDecimalIsReadExactly() {
        TaskId id = Outcomes.value(generator().submit(ImageRequest.of("anything")));
        fake().onTask(id).onQuery(Fault.response(FakeResponse.json(200, "{\"code\":0,\"message\":\"ok\",\"data\":"
                + "{\"task_id\":\"" + id.value() + "\",\"status\":\"success\",\"result\":[],"
                + "\"consumed\":12345678901234567890.123456789012345678901}}")));
        // More digits than a double holds, read to the digit (absurd magnitudes, such as 1e400, are left empty
        // by core's bounded-decimal rule: see OddProviderDataTest).
        assertEquals(Optional.of(new BigDecimal("12345678901234567890.123456789012345678901")),
                Outcomes.value(generator().query(id)).consumedCredits(), "a number past double's precision, to the digit");
    }

    @Test
    void anHtmlPageInASuccessIsTransportException() {
        TaskId id = Outcomes.value(generator().submit(ImageRequest.of("anything")));
        fake().onTask(id).onQuery(Fault.htmlPage(200));
        Outcomes.failure(generator().query(id), TransportException.class);
    }

    @Test
    void anHtmlPageWithA502IsServerException() {
        fake().onEveryTask().onSubmit(Fault.htmlPage(502));
        ServerException error = Outcomes.failure(generator().submit(ImageRequest.of("anything")),
                ServerException.class);
        assertEquals(502, error.httpStatus());
        assertEquals(-1, error.code(), "an HTML page has no code");
    }

    @Test
    void aDroppedConnectionIsTransportExceptionAndASubmitIsNotResent() {
        fake().onEveryTask().onSubmit(Fault.dropConnection(), 3);
        Outcomes.failure(generator().submit(ImageRequest.of("anything")), TransportException.class);
        assertEquals(1, fake().submitCount(), "a dropped submit may have created a task: it is never resent");

        fake().reset();
        TaskId id = Outcomes.value(generator().submit(ImageRequest.of("anything")));
        fake().onTask(id).onQuery(Fault.dropConnection(), 3);
        Outcomes.failure(generator().query(id), TransportException.class);
    }

    // ---- timeouts ----

    @Test
    void aSubmitAnsweredTooSlowlyFailsWithTransportExceptionAtTheResponseTimeout() {
        fake().onEveryTask().onSubmit(Fault.latency(Duration.ofHours(1)));
        try (ImageGenerator impatient = contract().create(fake().baseUrl(), fake().apiKey(), SHORT_TIMEOUT)) {
            long start = System.nanoTime();
            Outcomes.failure(impatient.submit(ImageRequest.of("anything")), TransportException.class);
            assertFasterThan(start, Duration.ofSeconds(5));
        }
    }

    @Test
    void aQueryAnsweredTooSlowlyFailsWithTransportExceptionAtTheResponseTimeout() {
        try (ImageGenerator impatient = contract().create(fake().baseUrl(), fake().apiKey(), SHORT_TIMEOUT)) {
            TaskId id = Outcomes.value(impatient.submit(ImageRequest.of("anything")));
            fake().onTask(id).onQuery(Fault.latency(Duration.ofHours(1)));
            long start = System.nanoTime();
            Outcomes.failure(impatient.query(id), TransportException.class);
            assertFasterThan(start, Duration.ofSeconds(5));
        }
    }

    @Test
    void anAnswerWithinTheTimeoutIsWaitedFor() {
        TaskId id = Outcomes.value(generator().submit(ImageRequest.of("anything")));
        fake().onTask(id).onQuery(Fault.latency(Duration.ofSeconds(30)));
        var pending = generator().query(id);
        fake().awaitHeldAnswers(1, Duration.ofSeconds(5));
        clock().advance(Duration.ofSeconds(30));
        assertEquals(TaskStatus.SUCCESS, Outcomes.value(pending).status(), "the answer reflects the later time");
    }
}
