package dev.gempix2.core.port;

import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The GemPix2 HTTP API, seen from the client: one call to start a task, one to read it.
 *
 * <p>Implementations (the transports) send exactly one HTTP request per call: they do not retry, poll or
 * wait; {@code GemPix2Client} does that. They map every outcome to the exceptions of
 * {@code dev.gempix2.core.error} (use {@link dev.gempix2.core.wire.WireFormat} for the shared rules) and
 * complete the returned future with it, never throw from the call itself.
 *
 * <p>Threading: implementations are thread-safe and non-blocking; the calls return at once and the futures
 * may complete on the transport's I/O thread, so callers must not block in their continuations.
 *
 * <p>Cancellation: cancelling a returned future aborts its HTTP exchange and frees its connection; this is how
 * the client enforces a call's overall deadline against a server that answers one byte at a time.
 */
public interface ImageGenerator extends AutoCloseable {

    /**
     * Starts a generation task: {@code POST /api/image/gen}.
     *
     * @param request the validated request, sent as the spec's JSON body
     * @return the provider's task id, or a failed future with a {@code GemPix2Exception}
     */
    CompletableFuture<TaskId> submit(ImageRequest request);

    /**
     * Reads a task once: {@code GET /api/task/query?task_id=...}.
     *
     * @param id the task
     * @return its current snapshot, or a failed future ({@code TaskNotFoundException} for a 404)
     */
    CompletableFuture<Task> query(TaskId id);

    /**
     * {@link #submit(ImageRequest)} with extra headers for this one request (from {@code RequestOptions}). The
     * default ignores them, so transports written before per-request headers keep compiling and working.
     *
     * @param request the validated request
     * @param headers extra headers, validated by {@code RequestOptions}; never {@code Authorization}
     * @return the provider's task id, or a failed future with a {@code GemPix2Exception}
     */
    default CompletableFuture<TaskId> submit(ImageRequest request, Map<String, String> headers) {
        return submit(request);
    }

    /**
     * {@link #query(TaskId)} with extra headers for this one request; the default ignores them.
     *
     * @param id the task
     * @param headers extra headers, validated by {@code RequestOptions}; never {@code Authorization}
     * @return its current snapshot, or a failed future
     */
    default CompletableFuture<Task> query(TaskId id, Map<String, String> headers) {
        return query(id);
    }

    /**
     * For observers (metrics and traces name the server): the API's address this transport sends to.
     *
     * @return the base URL, such as {@code https://api.defapi.org}; empty by default (nothing told)
     */
    default Optional<URI> baseUrl() {
        return Optional.empty();
    }

    /** Releases connections and threads this transport created; a no-op by default. Never throws checked exceptions. */
    @Override
    default void close() {
    }
}
