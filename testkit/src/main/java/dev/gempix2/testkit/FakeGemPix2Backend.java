package dev.gempix2.testkit;

import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.port.Clock;
import dev.gempix2.testkit.internal.BackendContext;
import dev.gempix2.testkit.internal.BackendSettings;
import dev.gempix2.testkit.internal.FakeHttpServer;
import dev.gempix2.testkit.internal.FakeRouter;
import dev.gempix2.testkit.internal.FakeTask;
import dev.gempix2.testkit.internal.KeyRing;
import dev.gempix2.testkit.internal.PngRenderer;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A fake GemPix2 API on loopback that speaks the whole contract: API keys with the provider's two 401
 * bodies, request validation with its 400 bodies, tasks that move through {@code pending → submitted →
 * in_progress → success|failed} on a {@link Clock} (real or {@link ManualClock}), results as PNG files it
 * serves itself or as data URIs, callbacks POSTed to {@code callback_url}, scripted outcomes and faults, and a
 * journal of every request ({@link #journal()}) and of every callback attempt ({@link #callbacks()}).
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * try (FakeGemPix2Backend fake = FakeGemPix2Backend.builder().clock(clock).start()) {
 *     fake.onPrompt("fox").succeedWith(2);
 *     ImageGenerator generator = ...; // any transport, built with fake.baseUrl() and fake.apiKey()
 *     TaskId id = generator.submit(ImageRequest.of("a red fox")).join();
 *     clock.advance(Duration.ofSeconds(3));                    // the default 1 s per stage, no sleeping
 *     assertThat(generator.query(id).join().images()).hasSize(2);
 *     assertThat(fake.journal().submitCount()).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>Thread-safe; it serves many connections at once. {@link #close()} stops it; {@link #reset()} forgets
 * scripts, tasks and the journal between tests (the JUnit extension {@code FakeGemPix2Extension} does both).
 */
public final class FakeGemPix2Backend implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.gempix2");

    private final BackendContext context;
    private final FakeHttpServer server;
    private final URI baseUrl;
    private final RequestJournal requests;
    private final CallbackJournal callbacks;
    private volatile boolean closed;

    private FakeGemPix2Backend(Builder builder) {
        this.context = new BackendContext(new BackendSettings(builder.clock, builder.stages, builder.imageMode,
                builder.models, builder.callbackAttempts, builder.callbackRetryDelay, builder.journalLimit));
        List<String> keys = builder.keys.isEmpty() ? List.of(KeyRing.generate()) : List.copyOf(builder.keys);
        keys.forEach(context.keys()::add);
        this.requests = new RequestJournal(context.journal());
        this.callbacks = new CallbackJournal(context.journal());
        try {
            this.server = FakeHttpServer.start(builder.host, builder.port, builder.maxThreads, new FakeRouter(context));
        } catch (UncheckedIOException bindFailed) {
            context.callbacks().close();
            throw bindFailed;
        }
        this.baseUrl = server.baseUrl();
        context.baseUrl(baseUrl);
        PngRenderer.warmUpInBackground();
        LOG.log(System.Logger.Level.DEBUG, "GemPix2 fake backend listening on {0}", baseUrl);
    }

    /** @return a fake with every default (real time, 1 s per stage, URL images, one generated key), started */
    public static FakeGemPix2Backend start() {
        return builder().start();
    }

    /** @return a builder for a fake with other settings */
    public static Builder builder() {
        return new Builder();
    }

    /** @return where the fake listens, e.g. {@code http://127.0.0.1:53211}; pass it as the API's base URL */
    public URI baseUrl() {
        return baseUrl;
    }

    /** @return a key the fake accepts (the first one it was given or made) */
    public ApiKey apiKey() {
        return ApiKey.of(context.keys().first());
    }

    /** @return a new key the fake accepts from now on, for a second account */
    public ApiKey newApiKey() {
        String key = KeyRing.generate();
        context.keys().add(key);
        return ApiKey.of(key);
    }

    /** @param key a key to refuse from now on, as for an expired account; its tasks stay */
    public void revokeApiKey(ApiKey key) {
        context.keys().remove(key.reveal());
    }

    /** @return the fake's clock */
    public Clock clock() {
        return context.clock();
    }

    /**
     * @param text words a prompt contains (ignoring case)
     * @return a new script for tasks whose prompt contains them; the latest matching script wins
     */
    public TaskScript onPrompt(String text) {
        String wanted = Objects.requireNonNull(text, "text").toLowerCase(Locale.ROOT);
        return onPromptMatching(prompt -> prompt.toLowerCase(Locale.ROOT).contains(wanted));
    }

    /**
     * @param matches which prompts
     * @return a new script for tasks whose prompt matches; the latest matching script wins
     */
    public TaskScript onPromptMatching(Predicate<String> matches) {
        return new TaskScript(context.scripts().addPrompt(Objects.requireNonNull(matches, "matches")));
    }

    /**
     * @return a one-shot script for the next task created (after those already queued), whatever its prompt;
     *         its submit faults meet the submits before that task
     */
    public TaskScript onNextTask() {
        return new TaskScript(context.scripts().addNext());
    }

    /** @return the script for every task that no other script matches */
    public TaskScript onEveryTask() {
        return new TaskScript(context.scripts().everyTask());
    }

    /**
     * @param id a task this fake created
     * @return that task's own script: its outcome (until it ends), query faults and callbacks can still change
     * @throws IllegalArgumentException when the fake has no such task
     */
    public TaskScript onTask(TaskId id) {
        return new TaskScript(task(id).script());
    }

    /**
     * @param responder sees every request first and may answer it; null removes it
     */
    public void respondWith(Responder responder) {
        context.responder(responder);
    }

    /** @return the requests received, in MockWebServer's style: take, list, count */
    public RequestJournal journal() {
        return requests;
    }

    /** @return the callback attempts made, with the receiver's answers: take, list, await a delivery */
    public CallbackJournal callbacks() {
        return callbacks;
    }

    /** @return {@code journal().takeRequest()} */
    public RecordedRequest takeRequest() {
        return requests.takeRequest();
    }

    /**
     * @param timeout how long to wait for a request
     * @return {@code journal().takeRequest(timeout)}
     */
    public RecordedRequest takeRequest(Duration timeout) {
        return requests.takeRequest(timeout);
    }

    /** @return {@code journal().requests()} */
    public List<RecordedRequest> requests() {
        return requests.requests();
    }

    /** @return {@code journal().submitCount()} */
    public int submitCount() {
        return requests.submitCount();
    }

    /** @return {@code journal().requestCount()} */
    public long requestCount() {
        return requests.requestCount();
    }

    /** @return {@code journal().droppedRequests()} */
    public long droppedRequests() {
        return requests.droppedRequests();
    }

    /**
     * @param id a task
     * @return {@code journal().queriesFor(id)}
     */
    public List<RecordedRequest> queriesFor(TaskId id) {
        return requests.queriesFor(id);
    }

    /** @return the ids of the tasks created, in order */
    public List<TaskId> taskIds() {
        return context.tasks().ids();
    }

    /**
     * @return the id of the latest task created
     * @throws AssertionError when none was
     */
    public TaskId lastTaskId() {
        List<TaskId> ids = taskIds();
        if (ids.isEmpty()) {
            throw new AssertionError("the GemPix2 fake has created no task");
        }
        return ids.get(ids.size() - 1);
    }

    /**
     * @param id a task this fake created
     * @return its status now, as the provider spells it ({@code in_progress}, {@code success}, ...)
     */
    public String statusOf(TaskId id) {
        return task(id).wireStatus(context.clock().now());
    }

    /** @return {@code callbacks().attempts()} */
    public List<CallbackDelivery> callbackAttempts() {
        return callbacks.attempts();
    }

    /** @return {@code callbacks().delivered()} */
    public List<CallbackDelivery> callbacksDelivered() {
        return callbacks.delivered();
    }

    /**
     * @param id a task this fake created
     * @param timeout how long to wait at most
     * @return {@code callbacks().awaitDelivered(id, timeout)}
     */
    public CallbackDelivery awaitCallbackDelivered(TaskId id, Duration timeout) {
        return callbacks.awaitDelivered(id, timeout);
    }

    /**
     * @param timeout how long to wait for a callback attempt to finish
     * @return {@code callbacks().take(timeout)}
     */
    public CallbackDelivery takeCallback(Duration timeout) {
        return callbacks.take(timeout);
    }

    /**
     * Waits until {@code count} answers are held back by latency faults, so that a test advances a
     * {@link ManualClock} only once its requests are waiting for it.
     *
     * @param count how many
     * @param timeout how long to wait at most
     * @throws AssertionError when fewer are held in time
     */
    public void awaitHeldAnswers(int count, Duration timeout) {
        try {
            if (!context.holds().awaitCount(count, timeout)) {
                throw new AssertionError("expected " + count + " answers held by latency within " + timeout
                        + ", found " + context.holds().count());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for held answers", interrupted);
        }
    }

    /**
     * Forgets scripts, tasks, the journal and the responder, calls off pending timers, callbacks and held
     * answers (their connections drop). Keys, clock and port stay.
     */
    public void reset() {
        context.reset();
    }

    /** Stops the server and everything it started; idempotent. The journal stays readable. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        context.scheduler().cancelAll();
        context.holds().releaseAll();
        server.stop();
        context.callbacks().close();
    }

    private FakeTask task(TaskId id) {
        return context.tasks().find(Objects.requireNonNull(id, "id"))
                .orElseThrow(() -> new IllegalArgumentException("the GemPix2 fake has no task " + id));
    }

    @Override
    public String toString() {
        return "FakeGemPix2Backend[" + baseUrl + ", " + taskIds().size() + " tasks" + (closed ? ", closed" : "") + "]";
    }

    /**
     * Configures a {@link FakeGemPix2Backend}; {@link #start()} starts it. Not thread-safe. The setters and their
     * checks live in the package-private {@code FakeBackendOptions}, so that this file reads in one pass.
     */
    public static final class Builder extends FakeBackendOptions {
        /** Time in each stage unless set: one second. */
        public static final Duration DEFAULT_STAGE_DURATION = Duration.ofSeconds(1);
        /** Requests (and callback attempts) the journal keeps unless set: 10,000. */
        public static final int DEFAULT_JOURNAL_LIMIT = 10_000;

        private Builder() {
        }

        /**
         * @return the started fake
         * @throws UncheckedIOException when it cannot listen on the host and port
         */
        public FakeGemPix2Backend start() {
            return new FakeGemPix2Backend(this);
        }
    }
}
