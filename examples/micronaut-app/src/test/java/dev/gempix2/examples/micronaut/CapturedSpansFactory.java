package dev.gempix2.examples.micronaut;

import io.micronaut.context.annotation.Factory;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.inject.Singleton;

/** In the tests, the app's OpenTelemetry (micronaut-tracing) exports every span, as it ends, to {@link CapturedSpans}. */
@Factory
class CapturedSpansFactory {

    @Singleton
    CapturedSpans capturedSpans() {
        return new CapturedSpans();
    }

    @Singleton
    SpanProcessor capturedSpansProcessor(CapturedSpans spans) {
        return SimpleSpanProcessor.create(spans);
    }
}
