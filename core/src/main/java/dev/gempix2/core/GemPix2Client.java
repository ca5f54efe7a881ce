package dev.gempix2.core;

import dev.gempix2.core.defaults.InMemoryTaskRepository;
import dev.gempix2.core.defaults.SystemClock;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.internal.BlockingCalls;
import dev.gempix2.core.internal.CallArguments;
import dev.gempix2.core.internal.CallKind;
import dev.gempix2.core.internal.CallbackIntake;
import dev.gempix2.core.internal.CallbackThreads;
import dev.gempix2.core.internal.EarlyCallbacks;
import dev.gempix2.core.internal.CloseGrace;
import dev.gempix2.core.internal.DeferredSaves;
import dev.gempix2.core.internal.EnvironmentTransport;
import dev.gempix2.core.internal.ImageDownloads;
import dev.gempix2.core.internal.Failures;
import dev.gempix2.core.internal.FutureLinks;
import dev.gempix2.core.internal.ImageFiles;
import dev.gempix2.core.internal.Observers;
import dev.gempix2.core.internal.RetryingCaller;
import dev.gempix2.core.internal.SharedStore;
import dev.gempix2.core.internal.Snapshots;
import dev.gempix2.core.internal.StatusListeners;
import dev.gempix2.core.internal.Submissions;
import dev.gempix2.core.internal.TaskRecords;
import dev.gempix2.core.internal.TaskWaits;
import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.port.Clock;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.core.port.TaskRepository;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

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

    private static final Logger LOG = System.getLogger("dev.gempix2");

    private final ImageGenerator generator;
    private final ImageDownloader downloader;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final PollingPolicy pollingPolicy;
    private final URI callbackBaseUrl;
    private final Executor executor;
    private final ExecutorService ownedExecutor;
    private final boolean ownsGenerator;
    private final ImageDownloads downloads;
    private final RetryingCaller caller;
    private final TaskRecords records;
    private final TaskWaits waits;
    private final CallbackIntake callbacks;
    private final Duration callTimeout;
    private final Duration closeGrace;
    private final CloseGrace unsettledSubmits = new CloseGrace();
    private final Submissions submissions;
    private final SharedStore sharedStore;
    private final DeferredSaves deferredSaves;
    private final Observers observers;
    private final CallbackReceiver observedCallbacks;
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    private GemPix2Client(Builder builder) {
        if (builder.generator == null) {
            throw new IllegalStateException("GemPix2Client.builder().generator(...) is required: pass a transport such "
                    + "as HttpClient5Transport, or use GemPix2Client.fromEnv()");
        }
        this.generator = builder.generator;
        this.downloader = builder.downloader != null ? builder.downloader
                : builder.generator instanceof ImageDownloader both ? both : null;
        this.clock = builder.clock != null ? builder.clock : SystemClock.shared();
        this.retryPolicy = builder.retryPolicy;
        this.pollingPolicy = builder.pollingPolicy;
        this.callbackBaseUrl = builder.callbackBaseUrl;
        this.ownedExecutor = builder.executor == null ? CallbackThreads.newPool() : null;
        this.executor = builder.executor != null ? builder.executor : ownedExecutor;
        this.ownsGenerator = builder.ownsGenerator;
        this.observers = new Observers(builder.observers, clock, builder.generator);
        this.caller = new RetryingCaller(retryPolicy, clock, builder.jitter, observers);
        TaskRepository repository = builder.repository != null ? builder.repository : new InMemoryTaskRepository();
        this.records = new TaskRecords(repository, clock);
        Function<TaskId, CompletableFuture<Task>> query = this::queryWithRetries;
        this.waits = new TaskWaits(clock, executor, pollingPolicy, retryPolicy, callbackBaseUrl != null, query,
                records, new StatusListeners(observers.withStatusListener(builder.listeners)));
        this.sharedStore = new SharedStore(repository, waits, clock, pollingPolicy.waitTimeout(), this::observedWait);
        this.deferredSaves = new DeferredSaves(clock, executor);
        EarlyCallbacks early = new EarlyCallbacks();
        this.callbacks = new CallbackIntake(records, waits, query, executor, builder.verifyCallbacks, early);
        this.observedCallbacks = observers.observe(callbacks);
        this.callTimeout = builder.callTimeout;
        this.closeGrace = builder.closeGrace;
        this.downloads = new ImageDownloads(downloader, caller, retryPolicy, builder.maxDownloadBytes, callTimeout,
                observers);
        this.submissions = new Submissions(generator, caller, records, callbackBaseUrl, unsettledSubmits, early,
                executor, GemPix2Client::closedException, deferredSaves, observers);
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
        return CallArguments.failIfNull(new CompletableFuture<>(), options, "options") ? submitWithin(request, null, null)
                : submitWithin(request, options, options.timeout().orElse(callTimeout));
    }

    private CompletableFuture<TaskId> submitWithin(ImageRequest request, RequestOptions options, Duration timeout) {
        CompletableFuture<TaskId> result = track(new CompletableFuture<>());
        if (failIfClosed(result) || CallArguments.failIfNull(result, request, "request") || CallArguments.failIfNull(result, options, "options")) {
            return result;
        }
        submissions.submit(request, options.retryPolicy().orElse(retryPolicy), timeout, options.headers(), result);
        return result;
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
        CompletableFuture<Task> result = track(new CompletableFuture<>());
        if (failIfClosed(result) || CallArguments.failIfNull(result, id, "task_id") || CallArguments.failIfNull(result, options, "options")) {
            return result;
        }
        Map<String, String> headers = options.headers();
        caller.call(CallKind.QUERY, "task " + id, observers.attempts(GemPix2Observer.Operation.QUERY, id, null,
                        () -> headers.isEmpty() ? generator.query(id) : generator.query(id, headers)),
                options.retryPolicy().orElse(retryPolicy),
                options.timeout().orElse(callTimeout)).whenComplete((task, error) -> dispatch(result, () -> {
            if (error != null) {
                result.completeExceptionally(Failures.unwrap(error));
                return;
            }
            waits.offer(task);
            result.complete(Snapshots.normalize(task));
        }));
        return result;
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
        return awaitAsync(id, pollingPolicy.waitTimeout());
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
        CompletableFuture<Task> result = track(new CompletableFuture<>());
        if (failIfClosed(result) || CallArguments.failIfNull(result, id, "task_id") || CallArguments.failIfNotPositive(result, timeout)) {
            return result;
        }
        FutureLinks.follow(observedWait(id, timeout), result);
        return result;
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
        CompletableFuture<Task> invalid = new CompletableFuture<>();
        if (CallArguments.failIfNotPositive(invalid, timeout)) {
            return invalid;
        }
        return generateAsync(request, RequestOptions.builder().timeout(timeout).build());
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
        CompletableFuture<Task> result = track(new CompletableFuture<>());
        if (CallArguments.failIfNull(result, request, "request") || CallArguments.failIfNull(result, options, "options")) {
            return result;
        }
        Duration timeout = options.timeout().orElse(pollingPolicy.waitTimeout());
        Instant deadline = TaskWaits.deadline(clock.now(), timeout);
        Object observed = observers.startGenerate(request.model());
        (observed == null ? submitWithin(request, options, timeout)
                : observers.submittingFor(observed, () -> submitWithin(request, options, timeout)))
                .whenComplete((id, submitError) -> {
            if (submitError == null) {
                observers.learnTaskId(observed, id);
            }
            if (submitError != null) {
                result.completeExceptionally(Failures.unwrap(submitError));
                return;
            }
            if (!result.isDone()) {
                FutureLinks.follow(waits.awaitUntil(id, deadline, timeout), result);
            }
        });
        return observers.endedBeforeCompleting(observed, result);
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
        CompletableFuture<byte[]> result = track(new CompletableFuture<>());
        if (failIfClosed(result) || CallArguments.failIfNull(result, image, "image")) {
            return result;
        }
        downloads.fetch(image).whenComplete((bytes, error) -> dispatch(result, () -> {
                    if (error != null) {
                        result.completeExceptionally(Failures.unwrap(error));
                    } else {
                        result.complete(bytes);
                    }
                }));
        return result;
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
        CompletableFuture<Path> result = track(new CompletableFuture<>());
        if (CallArguments.failIfNull(result, directory, "directory")) {
            return result;
        }
        downloadAsync(image).whenComplete((bytes, error) -> {
            if (error != null) {
                result.completeExceptionally(Failures.unwrap(error));
                return;
            }
            // File I/O blocks: it runs on the callback executor, never on the caller's event loop.
            dispatch(result, () -> {
                try {
                    result.complete(ImageFiles.save(image, bytes, directory));
                } catch (GemPix2Exception failed) {
                    result.completeExceptionally(failed);
                }
            });
        });
        return result;
    }

    /**
     * @return the receiver that webhook endpoints hand callbacks to; without a callback base URL every token is
     *         unknown
     */
    public CallbackReceiver callbacks() {
        return observedCallbacks;
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
        if (closed.get()) {
            throw closedException();
        }
        return sharedStore.resume();
    }

    /**
     * Stops every wait, sends nothing more (a retry waiting for its turn is dropped), and closes what this client
     * created (never a transport or repository passed in). A submit already sent may have created a billed task:
     * close waits up to {@link Builder#closeGrace(Duration)} for such answers, so that their task ids are
     * recorded; a record still unanswered then stays unfinished without a task id ("in doubt").
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        GemPix2Exception reason = closedException();
        caller.stop();
        sharedStore.close();    // before the waits end: it releases the leases of the tasks still awaited
        waits.closeAll(reason);
        List.copyOf(pending).forEach(future -> future.completeExceptionally(reason));
        pending.clear();
        unsettledSubmits.awaitSettled(closeGrace);
        deferredSaves.close();
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
        if (ownsGenerator) {
            try {
                generator.close();
            } catch (RuntimeException failed) {
                LOG.log(Level.WARNING, "Closing the GemPix2 transport failed", failed);
            }
        }
        LOG.log(Level.DEBUG, "GemPix2 client closed");
    }

    /** @return the executor this client created and shuts down on close, if it made one (for tests) */
    ExecutorService ownedExecutor() {
        return ownedExecutor;
    }

    /**
     * @return how many tasks have a poll loop right now (for tests)
     */
    int activePollLoops() {
        return waits.activeCount();
    }

    /**
     * @param id a task
     * @return how many callers wait for it (for tests)
     */
    int waitersOf(TaskId id) {
        return waits.waiterCount(id);
    }

    @Override
    public String toString() {
        return "GemPix2Client[generator=" + generator + ", " + retryPolicy + ", " + pollingPolicy + ", callbacks="
                + (callbackBaseUrl == null ? "off" : callbackBaseUrl) + "]";
    }

    /** A poll or a callback's confirming query: bounded by its wait, which cancels it when it ends. */
    private CompletableFuture<Task> queryWithRetries(TaskId id) {
        return caller.call(CallKind.QUERY, "task " + id,
                observers.attempts(GemPix2Observer.Operation.QUERY, id, null, () -> generator.query(id)));
    }

    /** A wait for a task by its id, observed unless a generate of this client observes it already. */
    private CompletableFuture<Task> observedWait(TaskId id, Duration timeout) {
        return observers.isEmpty() ? waits.await(id, timeout)
                : observers.observeWait(id, recordOf(id), () -> waits.await(id, timeout));
    }

    private Optional<TaskRecord> recordOf(TaskId id) {
        if (observers.isEmpty()) {
            return Optional.empty();
        }
        try {
            return records.byTaskId(id);
        } catch (RuntimeException broken) {
            return Optional.empty();
        }
    }

    private <T> CompletableFuture<T> track(CompletableFuture<T> future) {
        pending.add(future);
        future.whenComplete((value, error) -> pending.remove(future));
        return future;
    }

    private void dispatch(CompletableFuture<?> result, Runnable action) {
        try {
            executor.execute(action);
        } catch (RejectedExecutionException closing) {
            result.completeExceptionally(closedException());
        }
    }

    private boolean failIfClosed(CompletableFuture<?> result) {
        if (closed.get()) {
            result.completeExceptionally(closedException());
            return true;
        }
        return false;
    }

    private static GemPix2Exception closedException() {
        return new GemPix2Exception("The GemPix2Client was closed; this call cannot finish (the task, if submitted, "
                + "goes on at the provider: await it again with a new client)");
    }

    /** Builds a {@link GemPix2Client}. Every setter's javadoc names its default. */
    public static final class Builder {
        private ImageGenerator generator;
        private ImageDownloader downloader;
        private TaskRepository repository;
        private Clock clock;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private PollingPolicy pollingPolicy = PollingPolicy.defaults();
        private URI callbackBaseUrl;
        private boolean verifyCallbacks = true;
        private final List<TaskListener> listeners = new ArrayList<>();
        private final List<GemPix2Observer> observers = new ArrayList<>();
        private Executor executor;
        private long maxDownloadBytes = DEFAULT_MAX_DOWNLOAD_BYTES;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private Duration closeGrace = DEFAULT_CLOSE_GRACE;
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
        private boolean ownsGenerator;

        private Builder() {
        }

        /**
         * @param generator the transport to the API; required
         * @return this builder
         */
        public Builder generator(ImageGenerator generator) {
            this.generator = Objects.requireNonNull(generator, "generator");
            return this;
        }

        /**
         * @param downloader fetches image URLs; default the generator, when it is also a downloader
         * @return this builder
         */
        public Builder downloader(ImageDownloader downloader) {
            this.downloader = Objects.requireNonNull(downloader, "downloader");
            return this;
        }

        /**
         * @param repository where task records live; default a new {@code InMemoryTaskRepository}
         * @return this builder
         */
        public Builder repository(TaskRepository repository) {
            this.repository = Objects.requireNonNull(repository, "repository");
            return this;
        }

        /**
         * @param clock time and scheduling; default {@code SystemClock.shared()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param policy retries; default {@link RetryPolicy#defaults()}
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /**
         * @param policy polling and timeouts; default {@link PollingPolicy#defaults()}
         * @return this builder
         */
        public Builder pollingPolicy(PollingPolicy policy) {
            this.pollingPolicy = Objects.requireNonNull(policy, "pollingPolicy");
            return this;
        }

        /**
         * @param baseUrl the public URL under which the app's webhook endpoint takes {@code POST <base>/<token>};
         *                default none (callbacks off, polling only)
         * @return this builder
         * @throws IllegalArgumentException when it is not an absolute http(s) URL
         */
        public Builder callbackBaseUrl(URI baseUrl) {
            if (baseUrl != null && (baseUrl.getHost() == null || !("http".equalsIgnoreCase(baseUrl.getScheme())
                    || "https".equalsIgnoreCase(baseUrl.getScheme())) || baseUrl.getRawQuery() != null
                    || baseUrl.getRawFragment() != null)) {
                throw new IllegalArgumentException("callbackBaseUrl must be an absolute http(s) URL without query or "
                        + "fragment, got " + baseUrl);
            }
            this.callbackBaseUrl = baseUrl;
            return this;
        }

        /**
         * @param verify whether a callback is confirmed by one query before it completes a wait; default true
         * @return this builder
         */
        public Builder verifyCallbacks(boolean verify) {
            this.verifyCallbacks = verify;
            return this;
        }

        /**
         * @param listener sees every status change; may be called several times to add more
         * @return this builder
         */
        public Builder listener(TaskListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * @param observer sees every HTTP attempt, retry, callback and task end, for metrics and traces (such as
         *                 {@code GemPix2Metrics} or {@code GemPix2Tracing}); may be called several times to add
         *                 more; default none
         * @return this builder
         */
        public Builder observer(GemPix2Observer observer) {
            observers.add(Objects.requireNonNull(observer, "observer"));
            return this;
        }

        /**
         * @param executor where futures complete and listeners run; default a small pool of daemon threads owned
         *                 by the client
         * @return this builder
         */
        public Builder callbackExecutor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * @param maxBytes the largest image download accepted; default 32 MiB
         * @return this builder
         */
        public Builder maxDownloadBytes(long maxBytes) {
            if (maxBytes <= 0) {
                throw new IllegalArgumentException("maxDownloadBytes must be positive, got " + maxBytes);
            }
            this.maxDownloadBytes = maxBytes;
            return this;
        }

        /**
         * @param timeout the overall deadline of one submit, query or download, retries and every byte included,
         *                unless {@link RequestOptions} say otherwise; default 2 minutes. Past it the exchange is
         *                aborted and its connection freed.
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = Policies.requirePositive("callTimeout", timeout);
            return this;
        }

        /**
         * @param grace how long {@link GemPix2Client#close()} waits for answers to submits already sent, so that
         *              the ids of tasks the provider created are recorded; zero or positive, at most 24 h;
         *              default 5 s
         * @return this builder
         */
        public Builder closeGrace(Duration grace) {
            this.closeGrace = Policies.requireSaneNotNegative("closeGrace", grace);
            return this;
        }

        /**
         * Tests pin the backoff's jitter.
         * @param jitter values in [0, 1)
         * @return this builder
         */
        Builder jitter(DoubleSupplier jitter) {
            this.jitter = Objects.requireNonNull(jitter, "jitter");
            return this;
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
