package dev.gempix2.opentelemetry;

import dev.gempix2.core.GemPix2Observer;
import dev.gempix2.core.model.Model;
import dev.gempix2.core.model.Task;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * OpenTelemetry spans of a {@code GemPix2Client}. Register it on the client's builder:
 *
 * <pre>{@code
 * GemPix2Client client = GemPix2Client.builder()
 *         .generator(transport)
 *         .observer(GemPix2Tracing.create(openTelemetry))
 *         .build();
 * }</pre>
 *
 * <ul>
 *   <li>{@code gempix2 generate} (INTERNAL), from the submit to the end of the wait, child of the span current when
 *       {@code generate}/{@code generateAsync} was called (the context is carried across the async wait), with
 *       {@code gempix2.model}, {@code gempix2.task.id}, {@code gempix2.task.status}, {@code gempix2.tasks.polls},
 *       {@code gempix2.callbacks}, {@code gempix2.credits.consumed}, and an event per status change
 *       ({@code gempix2.status}) and per callback ({@code gempix2.callback}). A wait for a task by its id
 *       ({@code await}, {@code resumeUnfinished}) gets the same span named {@code gempix2 await}.</li>
 *   <li>{@code gempix2 submit}, {@code gempix2 query}, {@code gempix2 download} (CLIENT), one per HTTP attempt,
 *       children of the generation they serve (else of the current span), with the stable HTTP semantic
 *       conventions ({@code http.request.method}, {@code server.address}, {@code server.port}, {@code url.full}
 *       without a download's query, {@code http.response.status_code}, {@code error.type},
 *       {@code http.request.resend_count}) and {@code gempix2.task.id}, {@code gempix2.model}. Their context goes
 *       out in the request's headers ({@code traceparent}) through the OpenTelemetry instance's propagators.</li>
 * </ul>
 * No span, attribute or event carries the API key or a callback token. Thread-safe.
 */
public final class GemPix2Tracing implements GemPix2Observer {
    /** The instrumentation scope name of the tracer. */
    public static final String INSTRUMENTATION_SCOPE = "dev.gempix2";

    static final AttributeKey<String> MODEL = AttributeKey.stringKey("gempix2.model");
    static final AttributeKey<String> TASK_ID = AttributeKey.stringKey("gempix2.task.id");
    static final AttributeKey<String> TASK_STATUS = AttributeKey.stringKey("gempix2.task.status");
    static final AttributeKey<Long> POLLS = AttributeKey.longKey("gempix2.tasks.polls");
    static final AttributeKey<Long> CALLBACKS = AttributeKey.longKey("gempix2.callbacks");
    static final AttributeKey<Double> CREDITS = AttributeKey.doubleKey("gempix2.credits.consumed");
    static final AttributeKey<String> CALLBACK_OUTCOME = AttributeKey.stringKey("gempix2.callback.outcome");
    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    static final AttributeKey<Long> STATUS_CODE = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<Long> RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    private GemPix2Tracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION_SCOPE);
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /**
     * @param openTelemetry the application's OpenTelemetry (its tracer provider and propagators are used)
     * @return the observer to register with {@code GemPix2Client.builder().observer(...)}
     */
    public static GemPix2Tracing create(OpenTelemetry openTelemetry) {
        return new GemPix2Tracing(Objects.requireNonNull(openTelemetry, "openTelemetry"));
    }

    @Override
    public TaskObservation taskStarted(TaskStarted event) {
        Context parent = Context.current();
        SpanBuilder builder = tracer.spanBuilder(event.generate() ? "gempix2 generate" : "gempix2 await")
                .setParent(parent)
                .setSpanKind(SpanKind.INTERNAL);
        event.model().ifPresent(model -> builder.setAttribute(MODEL, model.id()));
        event.taskId().ifPresent(id -> builder.setAttribute(TASK_ID, id.value()));
        Span span = builder.startSpan();
        return new TaskSpan(span, parent.with(span));
    }

    @Override
    public AttemptObservation attemptStarted(AttemptStarted event, TaskObservation task) {
        Context parent = task instanceof TaskSpan known ? known.context() : Context.current();
        SpanBuilder builder = tracer.spanBuilder("gempix2 " + event.operation().tag())
                .setParent(parent)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(METHOD, event.method());
        event.url().ifPresent(url -> describe(builder, url));
        event.taskId().ifPresent(id -> builder.setAttribute(TASK_ID, id.value()));
        event.model().map(Model::id).ifPresent(model -> builder.setAttribute(MODEL, model));
        if (event.attempt() > 1) {
            builder.setAttribute(RESEND_COUNT, (long) event.attempt() - 1);
        }
        Span span = builder.startSpan();
        Map<String, String> headers = new HashMap<>();
        propagator.inject(parent.with(span), headers, (carrier, key, value) -> carrier.put(key, value));
        return new AttemptSpan(span, Map.copyOf(headers));
    }

    @Override
    public void attemptEnded(AttemptEnded event, AttemptObservation attempt) {
        if (!(attempt instanceof AttemptSpan known)) {
            return;
        }
        Span span = known.span();
        event.httpStatus().ifPresent(status -> span.setAttribute(STATUS_CODE, (long) status));
        if (event.outcome() != AttemptOutcome.SUCCESS) {
            String type = event.httpStatus().isPresent() && event.httpStatus().getAsInt() >= 400
                    ? String.valueOf(event.httpStatus().getAsInt()) : event.errorType().orElse("_OTHER");
            span.setAttribute(ERROR_TYPE, type);
            span.setStatus(StatusCode.ERROR, event.outcome().tag());
        }
        span.end();
    }

    @Override
    public void statusChanged(Task snapshot, TaskObservation task) {
        if (task instanceof TaskSpan known) {
            known.span().addEvent("gempix2.status", Attributes.of(TASK_STATUS, snapshot.status().wireValue()));
        }
    }

    @Override
    public void callbackHandled(CallbackHandled event, TaskObservation task) {
        if (task instanceof TaskSpan known) {
            known.span().addEvent("gempix2.callback", Attributes.of(CALLBACK_OUTCOME, event.verdict().tag()));
        }
    }

    @Override
    public void taskEnded(TaskEnded event, TaskObservation task) {
        if (!(task instanceof TaskSpan known)) {
            return;
        }
        Span span = known.span();
        event.taskId().ifPresent(id -> span.setAttribute(TASK_ID, id.value()));
        span.setAttribute(TASK_STATUS, event.outcome().tag());
        span.setAttribute(POLLS, (long) event.polls());
        span.setAttribute(CALLBACKS, (long) event.callbacks());
        event.consumedCredits().ifPresent(credits -> span.setAttribute(CREDITS, credits.doubleValue()));
        if (event.outcome() != TaskOutcome.SUCCESS) {
            span.setStatus(StatusCode.ERROR, event.outcome().tag());
        }
        span.end();
    }

    @Override
    public String toString() {
        return "GemPix2Tracing[" + INSTRUMENTATION_SCOPE + "]";
    }

    private static void describe(SpanBuilder builder, URI url) {
        builder.setAttribute(URL_FULL, url.toString());
        if (url.getHost() != null) {
            builder.setAttribute(SERVER_ADDRESS, url.getHost());
        }
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        builder.setAttribute(SERVER_PORT, (long) port);
    }

    /** The span of one followed task and the context its attempts are children of. */
    private record TaskSpan(Span span, Context context) implements TaskObservation {
    }

    /** The span of one HTTP attempt and the headers that carry its context. */
    private record AttemptSpan(Span span, Map<String, String> headers) implements AttemptObservation {
    }
}
