package dev.gempix2.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.testkit.Fault;
import dev.gempix2.testkit.RecordedRequest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The span tree of a generate and its attempts, from scripted runs against the fake backend. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GemPix2TracingTest {
    @RegisterExtension
    static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

    private final ObservedFake run = new ObservedFake(GemPix2Tracing.create(OTEL.getOpenTelemetry()));

    @AfterEach
    void close() {
        run.close();
    }

    @Test
    void aGenerateIsAnInternalSpanUnderTheCallersSpanAndOverItsHttpAttempts() {
        run.fake.onPrompt("fox").consumed("2.500000");
        Span request = OTEL.getOpenTelemetry().getTracer("app").spanBuilder("POST /images").startSpan();
        Task task;
        try (Scope ignored = request.makeCurrent()) {
            task = run.client.generateAsync(ImageRequest.of("a red fox")).join();
        } finally {
            request.end();
        }

        SpanData generate = span("gempix2 generate");
        assertThat(generate.getKind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(generate.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(generate.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
        assertThat(generate.getAttributes().get(GemPix2Tracing.TASK_ID)).isEqualTo(task.id().value());
        assertThat(generate.getAttributes().get(GemPix2Tracing.MODEL)).isEqualTo("google/gempix2");
        assertThat(generate.getAttributes().get(GemPix2Tracing.TASK_STATUS)).isEqualTo("success");
        assertThat(generate.getAttributes().get(GemPix2Tracing.CREDITS)).isEqualTo(2.5);
        assertThat(generate.getEvents()).extracting(EventData::getName).containsOnly("gempix2.status");
        assertThat(generate.getEvents().get(generate.getEvents().size() - 1).getAttributes()
                .get(GemPix2Tracing.TASK_STATUS)).isEqualTo("success");

        SpanData submit = span("gempix2 submit");
        assertThat(submit.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(submit.getParentSpanId()).isEqualTo(generate.getSpanId());
        assertThat(submit.getAttributes().get(GemPix2Tracing.METHOD)).isEqualTo("POST");
        assertThat(submit.getAttributes().get(GemPix2Tracing.URL_FULL))
                .isEqualTo(run.fake.baseUrl() + "/api/image/gen");
        assertThat(submit.getAttributes().get(GemPix2Tracing.SERVER_ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(submit.getAttributes().get(GemPix2Tracing.SERVER_PORT)).isEqualTo((long) run.fake.baseUrl().getPort());
        assertThat(submit.getAttributes().get(GemPix2Tracing.STATUS_CODE)).isEqualTo(200L);

        List<SpanData> queries = spans("gempix2 query");
        assertThat(queries).isNotEmpty().allSatisfy(query -> {
            assertThat(query.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(query.getParentSpanId()).isEqualTo(generate.getSpanId());
            assertThat(query.getAttributes().get(GemPix2Tracing.METHOD)).isEqualTo("GET");
            assertThat(query.getAttributes().get(GemPix2Tracing.TASK_ID)).isEqualTo(task.id().value());
        });
        assertThat(generate.getAttributes().get(GemPix2Tracing.POLLS)).isEqualTo((long) queries.size());
        assertThat(OTEL.getSpans()).extracting(SpanData::getName).containsOnly("POST /images", "gempix2 generate",
                "gempix2 submit", "gempix2 query");
    }

    @Test
    void theTraceparentHeaderCarriesEachAttemptsSpanToTheProvider() {
        run.client.generate(ImageRequest.of("a red fox"));

        RecordedRequest submitted = run.fake.requests().stream().filter(r -> r.method().equals("POST")).findFirst()
                .orElseThrow();
        SpanData submit = span("gempix2 submit");
        assertThat(submitted.header("traceparent"))
                .contains("00-" + submit.getTraceId() + "-" + submit.getSpanId() + "-01");
        List<String> queried = run.fake.requests().stream().filter(r -> r.path().equals("/api/task/query"))
                .map(r -> r.header("traceparent").orElse("none")).toList();
        assertThat(queried).containsExactlyInAnyOrderElementsOf(spans("gempix2 query").stream()
                .map(query -> "00-" + query.getTraceId() + "-" + query.getSpanId() + "-01").toList());
    }

    @Test
    void aServerErrorAttemptIsAnErrorSpanAndItsRetryCountsAsAResend() {
        run.fake.onPrompt("flaky").onQuery(Fault.status(500), 1);

        run.client.generate(ImageRequest.of("a flaky fox"));

        List<SpanData> queries = spans("gempix2 query");
        assertThat(queries).hasSizeGreaterThanOrEqualTo(2);
        SpanData failed = queries.stream().filter(s -> s.getStatus().getStatusCode() == StatusCode.ERROR)
                .findFirst().orElseThrow();
        assertThat(failed.getAttributes().get(GemPix2Tracing.STATUS_CODE)).isEqualTo(500L);
        assertThat(failed.getAttributes().get(GemPix2Tracing.ERROR_TYPE)).isEqualTo("500");
        assertThat(queries).filteredOn(s -> s.getStartEpochNanos() > failed.getStartEpochNanos()).first()
                .satisfies(retried -> assertThat(retried.getAttributes().get(GemPix2Tracing.RESEND_COUNT)).isEqualTo(1L));
        assertThat(span("gempix2 generate").getAttributes().get(GemPix2Tracing.POLLS)).isEqualTo((long) queries.size());
    }

    @Test
    void aCallbackIsAnEventOfTheWaitsSpanAndACancelledWaitEndsItAsAbandoned() {
        run.fake.onPrompt("forever").neverFinish();
        TaskId id = run.client.submit(ImageRequest.of("a fox forever"));
        CompletableFuture<Task> wait = run.client.awaitAsync(id);

        run.client.callbacks().receive(run.tokenOf(id), Task.of(id, TaskStatus.IN_PROGRESS));
        wait.cancel(false);

        SpanData await = span("gempix2 await");
        assertThat(await.getKind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(await.getEvents()).extracting(EventData::getName).contains("gempix2.callback");
        assertThat(await.getEvents().stream().filter(e -> e.getName().equals("gempix2.callback")).findFirst()
                .orElseThrow().getAttributes().get(GemPix2Tracing.CALLBACK_OUTCOME)).isEqualTo("accepted");
        assertThat(await.getAttributes().get(GemPix2Tracing.TASK_STATUS)).isEqualTo("abandoned");
        assertThat(await.getAttributes().get(GemPix2Tracing.CALLBACKS)).isEqualTo(1L);
        assertThat(await.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }

    @Test
    void aDownloadIsAClientSpanUnderTheCallersSpanWithoutTheUrlsQuery() {
        Task task = run.client.generate(ImageRequest.of("a red fox"));
        Span caller = OTEL.getOpenTelemetry().getTracer("app").spanBuilder("save").startSpan();
        try (Scope ignored = caller.makeCurrent()) {
            run.client.download(task.images().get(0));
        } finally {
            caller.end();
        }

        SpanData download = span("gempix2 download");
        assertThat(download.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(download.getParentSpanId()).isEqualTo(caller.getSpanContext().getSpanId());
        assertThat(download.getAttributes().get(GemPix2Tracing.URL_FULL)).doesNotContain("?");
        assertThat(download.getAttributes().get(GemPix2Tracing.STATUS_CODE)).isEqualTo(200L);
    }

    @Test
    void noAttributeOrEventHoldsTheApiKeyOrACallbackToken() {
        Task task = run.client.generate(ImageRequest.of("a red fox"));
        String token = run.tokenOf(task.id());
        run.client.callbacks().receive(token, task);
        run.client.callbacks().receive("forged-token-0123456789", task);

        String secret = ObservedFake.CANARY_KEY.substring(3);
        for (SpanData span : OTEL.getSpans()) {
            assertThat(span.getName()).doesNotContain(secret).doesNotContain(token);
            span.getAttributes().forEach((key, value) -> assertNoSecret(key, value, secret, token));
            for (EventData event : span.getEvents()) {
                event.getAttributes().forEach((key, value) -> assertNoSecret(key, value, secret, token));
            }
        }
    }

    private static void assertNoSecret(AttributeKey<?> key, Object value, String secret, String token) {
        assertThat(String.valueOf(value)).as(key.getKey()).doesNotContain(secret).doesNotContain(token);
    }

    private static SpanData span(String name) {
        List<SpanData> found = spans(name);
        assertThat(found).as("spans named " + name).hasSize(1);
        return found.get(0);
    }

    private static List<SpanData> spans(String name) {
        return OTEL.getSpans().stream().filter(span -> span.getName().equals(name)).toList();
    }
}
