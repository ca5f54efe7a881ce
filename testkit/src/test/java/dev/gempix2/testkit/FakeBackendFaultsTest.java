package dev.gempix2.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.model.TaskId;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every scripted fault, as a client sees it on the wire. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FakeBackendFaultsTest {
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

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503})
    void submitFaultsComeTheScriptedNumberOfTimesThenTheTaskIsCreated(int status) {
        FAKE.onPrompt("flaky").onSubmit(Fault.status(status), 2);
        assertThat(api.submit(ApiCalls.body("flaky")).statusCode()).isEqualTo(status);
        assertThat(api.submit(ApiCalls.body("other")).statusCode()).as("another prompt is not scripted").isEqualTo(200);
        HttpResponse<String> second = api.submit(ApiCalls.body("flaky"));
        assertThat(second.statusCode()).isEqualTo(status);
        assertThat(ApiCalls.json(second.body())).containsEntry("code", 1);
        assertThat(api.submit(ApiCalls.body("flaky")).statusCode()).isEqualTo(200);
        assertThat(FAKE.submitCount()).isEqualTo(4);
        assertThat(FAKE.taskIds()).hasSize(2);
    }

    @Test
    void queryFaultsMeetEachTaskOfTheScriptAfresh() {
        FAKE.onEveryTask().onQuery(Fault.status(503), 1);
        TaskId first = api.submitPrompt("one");
        TaskId second = api.submitPrompt("two");
        assertThat(api.query(first).statusCode()).isEqualTo(503);
        assertThat(api.query(first).statusCode()).isEqualTo(200);
        assertThat(api.query(second).statusCode()).isEqualTo(503);
        assertThat(FAKE.queriesFor(first)).hasSize(2);
    }

    @Test
    void aRateLimitCarriesRetryAfter() {
        TaskId id = api.submitPrompt("x");
        FAKE.onTask(id).onQuery(Fault.rateLimited(Duration.ofSeconds(7)));
        HttpResponse<String> response = api.query(id);
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).contains("7");
    }

    @Test
    void aNonZeroCodeComesWithStatus200() {
        FAKE.onNextTask().onSubmit(Fault.errorCode(7, "insufficient credits"));
        HttpResponse<String> response = api.submit(ApiCalls.body("x"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"code\":7,\"message\":\"insufficient credits\"}");
    }

    @Test
    void malformedJsonIsCutOff() {
        FAKE.onNextTask().onSubmit(Fault.malformedJson());
        HttpResponse<String> response = api.submit(ApiCalls.body("x"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> ApiCalls.json(response.body())).isInstanceOf(AssertionError.class);
    }

    @Test
    void anHtmlPageComesWithItsStatus() {
        FAKE.onNextTask().onSubmit(Fault.htmlPage(502));
        HttpResponse<String> response = api.submit(ApiCalls.body("x"));
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("<html>", "502 bad gateway");
    }

    @Test
    void aDroppedConnectionGivesNoAnswerAtAll() {
        FAKE.onNextTask().onSubmit(Fault.dropConnection());
        assertThatThrownBy(() -> api.submit(ApiCalls.body("x"))).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(FAKE.submitCount()).isEqualTo(1);
        assertThat(FAKE.taskIds()).isEmpty();
    }

    @Test
    void latencyHoldsTheAnswerUntilTheClockPassesIt() {
        TaskId id = api.submitPrompt("x");
        FAKE.onTask(id).onQuery(Fault.latency(Duration.ofSeconds(10)));
        CompletableFuture<HttpResponse<String>> held = api.queryAsync(id);
        FAKE.awaitHeldAnswers(1, Duration.ofSeconds(5));
        CLOCK.advance(Duration.ofSeconds(9));
        assertThat(held).isNotDone();
        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(ApiCalls.data(held.join())).containsEntry("status", "success");
    }

    @Test
    void latencyCanDelayAFaultToo() {
        FAKE.onNextTask().onSubmit(Fault.status(504).delayedBy(Duration.ofSeconds(30)));
        CompletableFuture<HttpResponse<String>> held = api.submitAsync(ApiCalls.body("x"));
        FAKE.awaitHeldAnswers(1, Duration.ofSeconds(5));
        CLOCK.advance(Duration.ofSeconds(30));
        assertThat(held.join().statusCode()).isEqualTo(504);
    }

    @Test
    void aResetDropsAnswersStillHeld() {
        FAKE.onNextTask().onSubmit(Fault.latency(Duration.ofHours(1)));
        CompletableFuture<HttpResponse<String>> held = api.submitAsync(ApiCalls.body("x"));
        FAKE.awaitHeldAnswers(1, Duration.ofSeconds(5));
        FAKE.reset();
        assertThat(held).failsWithin(Duration.ofSeconds(5));
    }

    @Test
    void aTaskIsNotFoundForAWhileAfterItsSubmit() {
        FAKE.onEveryTask().notFoundFor(Duration.ofSeconds(5));
        TaskId id = api.submitPrompt("x");
        HttpResponse<String> early = api.query(id);
        assertThat(early.statusCode()).isEqualTo(404);
        assertThat(early.body()).isEqualTo("{\"code\":1,\"message\":\"task not found\"}");
        CLOCK.advance(Duration.ofSeconds(5));
        assertThat(api.query(id).statusCode()).isEqualTo(200);
    }

    @Test
    void aCustomResponderAnswersWhatItWantsAndLeavesTheRest() {
        FAKE.respondWith(request -> request.body().contains("teapot")
                ? FakeResponse.json(418, "{\"code\":418,\"message\":\"I'm a teapot\"}").withHeader("X-Fake", "yes")
                : null);
        HttpResponse<String> teapot = api.submit(ApiCalls.body("a teapot"));
        assertThat(teapot.statusCode()).isEqualTo(418);
        assertThat(teapot.headers().firstValue("X-Fake")).contains("yes");
        assertThat(api.submit(ApiCalls.body("a kettle")).statusCode()).isEqualTo(200);
        assertThat(FAKE.requests()).hasSize(2);
    }

    @Test
    void aResponderThatThrowsBecomesA500NamingTheProblem() {
        FAKE.respondWith(request -> {
            throw new IllegalStateException("responder bug");
        });
        HttpResponse<String> response = api.submit(ApiCalls.body("x"));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("responder bug");
    }

    @Test
    void scriptsRejectNonsenseAtOnce() {
        TaskScript script = FAKE.onEveryTask();
        assertThatThrownBy(() -> script.onSubmit(Fault.status(500), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> script.succeedWith(5)).hasMessageContaining("1 to 4");
        assertThatThrownBy(() -> script.failWith(" ")).hasMessageContaining("reason");
        assertThatThrownBy(() -> Fault.latency(Duration.ofSeconds(-1))).hasMessageContaining("negative");
        assertThatThrownBy(() -> FakeResponse.json(99, "{}")).hasMessageContaining("100 to 599");
    }
}
