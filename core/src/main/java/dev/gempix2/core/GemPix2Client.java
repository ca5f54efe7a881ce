package dev.gempix2.core;

import dev.gempix2.core.internal.BlockingCalls;
import dev.gempix2.core.internal.ClientOperations;
import dev.gempix2.core.internal.EnvironmentTransport;
import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.core.port.ImageGenerator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The GemPix2 client: submit a generation, wait for it (callbacks and polling merged into one wait), and
 * fetch the images. Every call has a blocking form and an {@code …Async} form; an async wait holds no thread
 * while the task runs. Thread-safe; one instance serves a whole application.
 *
 * <pre>{@code
 * try (GemPix2Client client = GemPix2Client.fromEnv()) {          // GEMPIX2_API_KEY, GEMPIX2_BASE_URL
 *     Task task = client.generate(ImageRequest.of("a lighthouse at dawn, oil painting"));
 *     Path file = client.save(task.images().get(0), Path.of("out"));
 * }
 * }</pre>
 */
public final class GemPix2Client implements AutoCloseable {
    /** The API's address when {@code GEMPIX2_BASE_URL} is unset. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.defapi.org");
    /** The largest image download accepted unless {@link Builder#maxDownloadBytes(long)} says otherwise: 32 MiB. */
    public static final long DEFAULT_MAX_DOWNLOAD_BYTES = 32L * 1024 * 1024;
    /** The overall deadline of a submit, query or download unless {@link Builder#callTimeout(Duration)} says otherwise. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(2);
    /** How long {@link #close()} waits for answers to submits already sent, unless {@link Builder#closeGrace(Duration)}. */
    public static final Duration DEFAULT_CLOSE_GRACE = Duration.ofSeconds(5);

    private final ClientOperations operations;

    private GemPix2Client(Builder builder) {
        this.operations = new ClientOperations(builder.setup());
    }

    /**
     * @return a builder; {@link Builder#generator(ImageGenerator)} is the one required setting
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from the environment: every variable of {@link GemPix2Settings#fromEnvironment(Map)}
     * ({@code GEMPIX2_API_KEY} required, {@code GEMPIX2_BASE_URL}, {@code GEMPIX2_POLLING_WAIT_TIMEOUT}, the proxy
     * ...; the root README lists them), over whichever transport is on the class path
     * ({@code gempix2-transport-httpclient5}, found through {@code ImageGeneratorProvider}).
     *
     * @return a client that closes its transport when closed
     * @throws dev.gempix2.core.error.ConfigurationException {@code GEMPIX2_API_KEY is not set: ...}, or naming the
     *         variable whose value is unusable
     * @throws dev.gempix2.core.error.GemPix2Exception naming the missing artifact when no transport is on the
     *         class path
     */
    public static GemPix2Client fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * Like {@link #fromEnv()}, reading the given variables instead of the process environment.
     *
     * @param environment variables such as {@code GEMPIX2_API_KEY}
     * @return the client
     */
    public static GemPix2Client fromEnv(Map<String, String> environment) {
        GemPix2Settings settings = GemPix2Settings.fromEnvironment(environment);
        ImageGenerator transport = EnvironmentTransport.create(settings);
        Builder builder = settings.applyTo(builder().generator(transport));
        builder.ownsGenerator = true;
        try {
            return builder.build();
        } catch (RuntimeException failed) {
            transport.close();
            throw failed;
        }
    }

    /**
     * Records the task, sends it, and returns its id.
     * @param request what to generate
     * @return the id
     */
    public TaskId submit(ImageRequest request) {
        return BlockingCalls.join(submitAsync(request));
    }

    /**
     * @param request what to generate
     * @param options this call's deadline, retries and headers
     * @return the id
     */
    public TaskId submit(ImageRequest request, RequestOptions options) {
        return BlockingCalls.join(submitAsync(request, options));
    }

    /**
     * @param request what to generate
     * @return the id, once the provider answered
     */
    public CompletableFuture<TaskId> submitAsync(ImageRequest request) {
        return submitAsync(request, RequestOptions.defaults());
    }

    /**
     * Records the task (with a fresh callback URL when callbacks are on), then sends it. Only failures that
     * cannot have created a task are retried, unless {@link RetryPolicy#retryAmbiguousSubmits()} is on. The
     * options' timeout (default {@link Builder#callTimeout(Duration)}) bounds the whole call: past it the
     * exchange is aborted, and the record stays "in doubt" since the task may exist.
     *
     * @param request what to generate
     * @param options this call's deadline, retries and headers
     * @return the id, once the provider answered
     */
    public CompletableFuture<TaskId> submitAsync(ImageRequest request, RequestOptions options) {
        return operations.submit(request, options);
    }

    /**
     * One query of the API.
     * @param id the task
     * @return its snapshot
     */
    public Task task(TaskId id) {
        return BlockingCalls.join(taskAsync(id));
    }

    /**
     * @param id the task
     * @param options this call's deadline, retries and headers
     * @return its snapshot
     */
    public Task task(TaskId id, RequestOptions options) {
        return BlockingCalls.join(taskAsync(id, options));
    }

    /**
     * @param id the task
     * @return its snapshot
     */
    public CompletableFuture<Task> taskAsync(TaskId id) {
        return taskAsync(id, RequestOptions.defaults());
    }

    /**
     * One query (with retries). The snapshot is recorded and reaches listeners and waits like a poll's; a
     * success without any image is reported as failed, with the model's text as its status message.
     *
     * @param id the task
     * @param options this call's deadline (default {@link Builder#callTimeout(Duration)}), retries and headers
     * @return its snapshot
     */
    public CompletableFuture<Task> taskAsync(TaskId id, RequestOptions options) {
        return operations.task(id, options);
    }

    /**
     * Waits for the task's final state, whichever comes first: a callback or a poll, with the policy's timeout.
     *
     * @param id the task
     * @return the successful task
     * @throws dev.gempix2.core.error.TaskFailedException when it failed (or answered with text only)
     * @throws dev.gempix2.core.error.TaskTimeoutException when the wait timed out
     */
    public Task await(TaskId id) {
        return BlockingCalls.join(awaitAsync(id));
    }

    /**
     * @param id the task
     * @param timeout how long to wait
     * @return the successful task
     */
    public Task await(TaskId id, Duration timeout) {
        return BlockingCalls.join(awaitAsync(id, timeout));
    }

    /**
     * @param id the task
     * @return the successful task; cancelling the future stops this wait's polling
     */
    public CompletableFuture<Task> awaitAsync(TaskId id) {
        return operations.await(id, operations.defaultWaitTimeout());
    }

    /**
     * Joins the task's wait. All waits of one task share one poll loop; the future completes on the callback
     * executor with the successful task, or fails with {@code TaskFailedException} or
     * {@code TaskTimeoutException} (carrying the last snapshot). Cancelling it stops the polling when no one
     * else waits for the task. A task the client already holds as final completes at once (on the callback
     * executor) without a query. A task this client did not submit is adopted into the repository at its first
     * snapshot, so that listeners hear of it and {@link #resumeUnfinished()} finds it.
     *
     * @param id the task
     * @param timeout how long to wait, positive
     * @return the successful task
     */
    public CompletableFuture<Task> awaitAsync(TaskId id, Duration timeout) {
        return operations.await(id, timeout);
    }

    /**
     * Submit and await.
     * @param request what to generate
     * @return the successful task
     */
    public Task generate(ImageRequest request) {
        return BlockingCalls.join(generateAsync(request));
    }

    /**
     * @param request what to generate
     * @param timeout how long to wait
     * @return the successful task
     */
    public Task generate(ImageRequest request, Duration timeout) {
        return BlockingCalls.join(generateAsync(request, timeout));
    }

    /**
     * @param request what to generate
     * @param options the whole generation's deadline (default the wait timeout), the submit's retries, its headers
     * @return the successful task
     */
    public Task generate(ImageRequest request, RequestOptions options) {
        return BlockingCalls.join(generateAsync(request, options));
    }

    /**
     * @param request what to generate
     * @return the successful task
     */
    public CompletableFuture<Task> generateAsync(ImageRequest request) {
        return generateAsync(request, RequestOptions.defaults());
    }

    /**
     * Submits and waits for the result.
     *
     * @param request what to generate
     * @param timeout how long the whole generation may take, submit included
     * @return the successful task; cancelling it stops the wait (a task already submitted goes on)
     */
    public CompletableFuture<Task> generateAsync(ImageRequest request, Duration timeout) {
        return operations.generate(request, timeout);
    }

    /**
     * Submits and waits for the result, the options' timeout (default the polling policy's wait timeout) bounding
     * both together: a submit still unanswered at the deadline is aborted.
     *
     * @param request what to generate
     * @param options the whole generation's deadline, the submit's retries and headers
     * @return the successful task; cancelling it stops the wait (a task already submitted goes on)
     */
    public CompletableFuture<Task> generateAsync(ImageRequest request, RequestOptions options) {
        return operations.generate(request, options);
    }

    /**
     * The image's bytes: a URL fetched (with retries, size-capped), a data URI decoded.
     * @param image the image
     * @return its bytes
     */
    public byte[] download(GeneratedImage image) {
        return BlockingCalls.join(downloadAsync(image));
    }

    /**
     * A data URI is decoded here, within the same size cap (checked before decoding); a URL is fetched by the {@link ImageDownloader} with retries, at most
     * {@link Builder#maxDownloadBytes(long)} bytes.
     *
     * @param image the image
     * @return its bytes
     */
    public CompletableFuture<byte[]> downloadAsync(GeneratedImage image) {
        return operations.download(image);
    }

    /**
     * Writes the image into a directory (created if missing), with the extension of its real media type.
     *
     * @param image the image
     * @param directory where to write it
     * @return the file written
     */
    public Path save(GeneratedImage image, Path directory) {
        return BlockingCalls.join(saveAsync(image, directory));
    }

    /**
     * Downloads the image and writes it into the directory (created if missing). The file is named after the
     * URL's last path segment when that is a sane name, else after a hash of its content, and gets the extension
     * of the bytes' real media type. A different existing file is never overwritten: the new one gets a numbered
     * name; an identical one is reused.
     *
     * @param image the image
     * @param directory where to write it
     * @return the file written
     */
    public CompletableFuture<Path> saveAsync(GeneratedImage image, Path directory) {
        return operations.save(image, directory);
    }

    /**
     * @return the receiver that webhook endpoints hand callbacks to; without a callback base URL every token is
     *         unknown
     */
    public CallbackReceiver callbacks() {
        return operations.callbacks();
    }

    /**
     * After a restart, re-attaches waits to every unfinished task in the repository. Their outcomes reach the
     * listeners and {@link #awaitAsync(TaskId)}.
     *
     * <p>A record without a task id cannot be polled and is not resumed: it is a submit whose outcome is in
     * doubt (a 500, 504 or read timeout that may have created a task). It stays unfinished so that a callback
     * carrying its token can still adopt the task. A submit that certainly created no task (400, 401, 429,
     * connection refused, ...) leaves a finished record ({@link TaskRecord#abandonedBecause()}) instead.
     *
     * @return the tasks re-attached
     */
    public List<TaskId> resumeUnfinished() {
        return operations.resumeUnfinished();
    }

    /**
     * Stops every wait, sends nothing more (a retry waiting for its turn is dropped), and closes what this client
     * created (never a transport or repository passed in). A submit already sent may have created a billed task:
     * close waits up to {@link Builder#closeGrace(Duration)} for such answers, so that their task ids are
     * recorded; a record still unanswered then stays unfinished without a task id ("in doubt").
     */
    @Override
    public void close() {
        operations.close();
    }

    /** @return the executor this client created and shuts down on close, if it made one (for tests) */
    ExecutorService ownedExecutor() {
        return operations.ownedExecutor();
    }

    /** @return how many calls have not completed yet (for tests) */
    int pendingCalls() {
        return operations.pendingCalls();
    }

    /**
     * @return how many tasks have a poll loop right now (for tests)
     */
    int activePollLoops() {
        return operations.activePollLoops();
    }

    /**
     * @param id a task
     * @return how many callers wait for it (for tests)
     */
    int waitersOf(TaskId id) {
        return operations.waitersOf(id);
    }

    @Override
    public String toString() {
        return operations.toString();
    }

    /**
     * Builds a {@link GemPix2Client}. Every setter's javadoc names its default. The setters and their checks live
     * in the package-private {@code ClientBuilderOptions}, so that this file reads in one pass.
     */
    public static final class Builder extends ClientBuilderOptions {
        private Builder() {
        }

        /**
         * @return the client
         * @throws IllegalStateException when no generator was set
         */
        public GemPix2Client build() {
            return new GemPix2Client(this);
        }
    }
}
