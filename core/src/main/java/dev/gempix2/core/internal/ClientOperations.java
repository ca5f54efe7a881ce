package dev.gempix2.core.internal;

import dev.gempix2.core.CallbackReceiver;
import dev.gempix2.core.GemPix2Observer;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.RequestOptions;
import dev.gempix2.core.RetryPolicy;
import dev.gempix2.core.defaults.InMemoryTaskRepository;
import dev.gempix2.core.defaults.SystemClock;
import dev.gempix2.core.error.GemPix2Exception;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * What each of {@code GemPix2Client}'s calls does, behind the public facade: the parts wired once from the
 * builder's {@link ClientSetup}, one method per call returning the future the client hands out (tracked by
 * {@link CallTracking}, so that closing fails it), and the close that releases what the client created.
 * Thread-safe.
 */
public final class ClientOperations {
    private static final Logger LOG = System.getLogger("dev.gempix2");

    private final ImageGenerator generator;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final PollingPolicy pollingPolicy;
    private final URI callbackBaseUrl;
    private final ExecutorService ownedExecutor;
    private final boolean ownsGenerator;
    private final ImageDownloads downloads;
    private final RetryingCaller caller;
    private final TaskRecords records;
    private final TaskWaits waits;
    private final Duration callTimeout;
    private final Duration closeGrace;
    private final CloseGrace unsettledSubmits = new CloseGrace();
    private final Submissions submissions;
    private final SharedStore sharedStore;
    private final DeferredSaves deferredSaves;
    private final Observers observers;
    private final CallbackReceiver observedCallbacks;
    private final CallTracking calls;

    /** @param setup what the builder collected */
    public ClientOperations(ClientSetup setup) {
        this.generator = setup.generator();
        ImageDownloader downloader = setup.downloader() != null ? setup.downloader()
                : generator instanceof ImageDownloader both ? both : null;
        this.clock = setup.clock() != null ? setup.clock() : SystemClock.shared();
        this.retryPolicy = setup.retryPolicy();
        this.pollingPolicy = setup.pollingPolicy();
        this.callbackBaseUrl = setup.callbackBaseUrl();
        this.ownedExecutor = setup.executor() == null ? CallbackThreads.newPool() : null;
        Executor executor = setup.executor() != null ? setup.executor() : ownedExecutor;
        this.calls = new CallTracking(executor);
        this.ownsGenerator = setup.ownsGenerator();
        this.observers = new Observers(setup.observers(), clock, generator);
        this.caller = new RetryingCaller(retryPolicy, clock, setup.jitter(), observers);
        TaskRepository repository = setup.repository() != null ? setup.repository() : new InMemoryTaskRepository();
        this.records = new TaskRecords(repository, clock);
        Function<TaskId, CompletableFuture<Task>> query = this::queryWithRetries;
        this.waits = new TaskWaits(clock, executor, pollingPolicy, retryPolicy, callbackBaseUrl != null, query,
                records, new StatusListeners(observers.withStatusListener(setup.listeners())));
        this.sharedStore = new SharedStore(repository, waits, clock, pollingPolicy.waitTimeout(), this::observedWait);
        this.deferredSaves = new DeferredSaves(clock, executor);
        EarlyCallbacks early = new EarlyCallbacks();
        CallbackIntake callbacks = new CallbackIntake(records, waits, query, executor, setup.verifyCallbacks(), early);
        this.observedCallbacks = observers.observe(callbacks);
        this.callTimeout = setup.callTimeout();
        this.closeGrace = setup.closeGrace();
        this.downloads = new ImageDownloads(downloader, caller, retryPolicy, setup.maxDownloadBytes(), callTimeout,
                observers);
        this.submissions = new Submissions(generator, caller, records, callbackBaseUrl, unsettledSubmits, early,
                executor, CallTracking::closedException, deferredSaves, observers);
    }

    /**
     * @param request what to generate
     * @param options this call's deadline, retries and headers
     * @return the id, once the provider answered
     */
    public CompletableFuture<TaskId> submit(ImageRequest request, RequestOptions options) {
        return CallArguments.failIfNull(new CompletableFuture<>(), options, "options") ? submitWithin(request, null, null)
                : submitWithin(request, options, options.timeout().orElse(callTimeout));
    }

    private CompletableFuture<TaskId> submitWithin(ImageRequest request, RequestOptions options, Duration timeout) {
        CompletableFuture<TaskId> result = calls.newCall();
        if (calls.failIfClosed(result) || CallArguments.failIfNull(result, request, "request")
                || CallArguments.failIfNull(result, options, "options")) {
            return result;
        }
        submissions.submit(request, options.retryPolicy().orElse(retryPolicy), timeout, options.headers(), result);
        return result;
    }

    /**
     * @param id the task
     * @param options this call's deadline, retries and headers
     * @return its snapshot, recorded and offered to its waits
     */
    public CompletableFuture<Task> task(TaskId id, RequestOptions options) {
        CompletableFuture<Task> result = calls.newCall();
        if (calls.failIfClosed(result) || CallArguments.failIfNull(result, id, "task_id")
                || CallArguments.failIfNull(result, options, "options")) {
            return result;
        }
        Map<String, String> headers = options.headers();
        caller.call(CallKind.QUERY, "task " + id, observers.attempts(GemPix2Observer.Operation.QUERY, id, null,
                        () -> headers.isEmpty() ? generator.query(id) : generator.query(id, headers)),
                options.retryPolicy().orElse(retryPolicy),
                options.timeout().orElse(callTimeout)).whenComplete((task, error) -> calls.dispatch(result, () -> {
            if (error != null) {
                result.completeExceptionally(Failures.unwrap(error));
                return;
            }
            waits.offer(task);
            result.complete(Snapshots.normalize(task));
        }));
        return result;
    }

    /** @return the polling policy's wait timeout, for an await without one */
    public Duration defaultWaitTimeout() {
        return pollingPolicy.waitTimeout();
    }

    /**
     * @param id the task
     * @param timeout how long to wait, positive
     * @return the successful task
     */
    public CompletableFuture<Task> await(TaskId id, Duration timeout) {
        CompletableFuture<Task> result = calls.newCall();
        if (calls.failIfClosed(result) || CallArguments.failIfNull(result, id, "task_id")
                || CallArguments.failIfNotPositive(result, timeout)) {
            return result;
        }
        FutureLinks.follow(observedWait(id, timeout), result);
        return result;
    }

    /**
     * @param request what to generate
     * @param timeout how long the whole generation may take, submit included
     * @return the successful task
     */
    public CompletableFuture<Task> generate(ImageRequest request, Duration timeout) {
        CompletableFuture<Task> invalid = new CompletableFuture<>();
        if (CallArguments.failIfNotPositive(invalid, timeout)) {
            return invalid;
        }
        return generate(request, RequestOptions.builder().timeout(timeout).build());
    }

    /**
     * @param request what to generate
     * @param options the whole generation's deadline (default the wait timeout), the submit's retries and headers
     * @return the successful task
     */
    public CompletableFuture<Task> generate(ImageRequest request, RequestOptions options) {
        CompletableFuture<Task> result = calls.newCall();
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
     * @param image the image
     * @return its bytes, completed on the callback executor
     */
    public CompletableFuture<byte[]> download(GeneratedImage image) {
        CompletableFuture<byte[]> result = calls.newCall();
        if (calls.failIfClosed(result) || CallArguments.failIfNull(result, image, "image")) {
            return result;
        }
        downloads.fetch(image).whenComplete((bytes, error) -> calls.dispatch(result, () -> {
            if (error != null) {
                result.completeExceptionally(Failures.unwrap(error));
            } else {
                result.complete(bytes);
            }
        }));
        return result;
    }

    /**
     * @param image the image
     * @param directory where to write it
     * @return the file written
     */
    public CompletableFuture<Path> save(GeneratedImage image, Path directory) {
        CompletableFuture<Path> result = calls.newCall();
        if (CallArguments.failIfNull(result, directory, "directory")) {
            return result;
        }
        download(image).whenComplete((bytes, error) -> {
            if (error != null) {
                result.completeExceptionally(Failures.unwrap(error));
                return;
            }
            // File I/O blocks: it runs on the callback executor, never on the caller's event loop.
            calls.dispatch(result, () -> {
                try {
                    result.complete(ImageFiles.save(image, bytes, directory));
                } catch (GemPix2Exception failed) {
                    result.completeExceptionally(failed);
                }
            });
        });
        return result;
    }

    /** @return the receiver that webhook endpoints hand callbacks to */
    public CallbackReceiver callbacks() {
        return observedCallbacks;
    }

    /** @return the tasks re-attached */
    public List<TaskId> resumeUnfinished() {
        if (calls.isClosed()) {
            throw CallTracking.closedException();
        }
        return sharedStore.resume();
    }

    /** Stops every wait and call, waits the grace for submits already sent, releases what the client created. */
    public void close() {
        if (!calls.close()) {
            return;
        }
        GemPix2Exception reason = CallTracking.closedException();
        caller.stop();
        sharedStore.close();    // before the waits end: it releases the leases of the tasks still awaited
        waits.closeAll(reason);
        calls.failPending(reason);
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

    /** @return the executor the client created and shuts down on close, or null when it was given one */
    public ExecutorService ownedExecutor() {
        return ownedExecutor;
    }

    /** @return how many calls have not completed yet */
    public int pendingCalls() {
        return calls.pendingCount();
    }

    /** @return how many tasks have a poll loop right now */
    public int activePollLoops() {
        return waits.activeCount();
    }

    /**
     * @param id a task
     * @return how many callers wait for it
     */
    public int waitersOf(TaskId id) {
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
}
