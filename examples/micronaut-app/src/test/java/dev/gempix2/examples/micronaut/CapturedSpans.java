package dev.gempix2.examples.micronaut;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The spans the app exported, kept in an {@link InMemorySpanExporter}. A test awaits the end of the server span of
 * its request (which ends after the response is written) instead of polling for it.
 */
public final class CapturedSpans implements SpanExporter {
    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final List<ServerSpanWait> waits = new CopyOnWriteArrayList<>();

    /**
     * Call before sending the request.
     *
     * @param path the request's path, e.g. {@code /images}
     * @return completes with the next SERVER span exported whose name ends with the path
     */
    public CompletableFuture<SpanData> nextServerSpan(String path) {
        ServerSpanWait wait = new ServerSpanWait(path, new CompletableFuture<>());
        waits.add(wait);
        return wait.span();
    }

    /** @return every span exported so far */
    public List<SpanData> finished() {
        return exported.getFinishedSpanItems();
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        CompletableResultCode result = exported.export(spans);
        for (SpanData span : spans) {
            for (ServerSpanWait wait : waits) {
                if (span.getKind() == SpanKind.SERVER && span.getName().endsWith(wait.path())
                        && wait.span().complete(span)) {
                    waits.remove(wait);
                }
            }
        }
        return result;
    }

    @Override
    public CompletableResultCode flush() {
        return exported.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return exported.shutdown();
    }

    private record ServerSpanWait(String path, CompletableFuture<SpanData> span) {
    }
}
