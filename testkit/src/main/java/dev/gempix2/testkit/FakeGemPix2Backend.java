package dev.gempix2.testkit;

import com.sun.net.httpserver.HttpServer;
import dev.gempix2.core.defaults.SystemClock;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.Model;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.port.Clock;
import dev.gempix2.testkit.internal.BackendContext;
import dev.gempix2.testkit.internal.BackendSettings;
import dev.gempix2.testkit.internal.FakeRouter;
import dev.gempix2.testkit.internal.FakeTask;
import dev.gempix2.testkit.internal.KeyRing;
import dev.gempix2.testkit.internal.PngRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A fake GemPix2 API on loopback that speaks the whole contract: API keys with the provider's two 401
 * bodies, request validation with its 400 bodies, tasks that move through {@code pending → submitted →
 * in_progress → success|failed} on a {@link Clock} (real or {@link ManualClock}), results as PNG files it
 * serves itself or as data URIs, callbacks POSTed to {@code callback_url}, scripted outcomes and faults, and a
 * journal of every request.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * try (FakeGemPix2Backend fake = FakeGemPix2Backend.builder().clock(clock).start()) {
 *     fake.onPrompt("fox").succeedWith(2);
 *     ImageGenerator generator = ...; // any transport, built with fake.baseUrl() and fake.apiKey()
 *     TaskId id = generator.submit(ImageRequest.of("a red fox")).join();
 *     clock.advance(Duration.ofSeconds(3));                    // the default 1 s per stage, no sleeping
 *     assertThat(generator.query(id).join().images()).hasSize(2);
 *     assertThat(fake.submitCount()).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>Thread-safe; it serves many connections at once. {@link #close()} stops it; {@link #reset()} forgets
 * scripts, tasks and the journal between tests (the JUnit extension {@code FakeGemPix2Extension} does both).
 */
public final class FakeGemPix2Backend implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.gempix2");

    private final BackendContext context;
    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final URI baseUrl;
    private volatile boolean closed;

    private static final int WARM_THREADS = 4;

    static {
        // The JDK's HttpServer writes headers and body separately; with Nagle's algorithm on, every answer then
        // waits ~40 ms for the client's delayed ACK, which caps the fake at a few hundred answers a second. The
        // switch is read once per JVM, when the first server starts, so it is set here unless the user chose.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static void waitForAFreeWorker(Runnable exchange, ThreadPoolExecutor pool) {
        if (pool.isShutdown()) {
            throw new RejectedExecutionException("the GemPix2 fake is closed");
        }
        try {
            pool.getQueue().put(exchange);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new RejectedExecutionException("interrupted while waiting for a free worker", interrupted);
        }
    }

    private FakeGemPix2Backend(Builder builder) {
        this.context = new BackendContext(new BackendSettings(builder.clock, builder.stages, builder.imageMode,
                builder.models, builder.callbackAttempts, builder.callbackRetryDelay, builder.journalLimit));
        List<String> keys = builder.keys.isEmpty() ? List.of(KeyRing.generate()) : List.copyOf(builder.keys);
        keys.forEach(context.keys()::add);
        AtomicInteger threads = new AtomicInteger();
        // Threads are made as concurrent requests need them (a few kept warm), up to maxThreads; past that the
        // server's dispatcher waits for a free worker instead of dropping the connection.
        this.executor = new ThreadPoolExecutor(Math.min(WARM_THREADS, builder.maxThreads), builder.maxThreads,
                30, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "gempix2-fake-http-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, FakeGemPix2Backend::waitForAFreeWorker);
        executor.allowCoreThreadTimeOut(true);
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(builder.host), builder.port),
                    1024);
        } catch (IOException bindFailed) {
            executor.shutdownNow();
            context.callbacks().close();
            throw new UncheckedIOException("the GemPix2 fake could not listen on " + builder.host + ":"
                    + builder.port + ": " + bindFailed.getMessage(), bindFailed);
        }
        server.createContext("/", new FakeRouter(context));
        server.setExecutor(executor);
        server.start();
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().isAnyLocalAddress() ? "127.0.0.1" : bound.getAddress().getHostAddress();
        this.baseUrl = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort());
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

    /**
     * @return the oldest request not yet taken, waiting up to 10 seconds for one
     * @throws AssertionError when none arrives in time
     */
    public RecordedRequest takeRequest() {
        return takeRequest(Duration.ofSeconds(10));
    }

    /**
     * @param timeout how long to wait for a request
     * @return the oldest request not yet taken
     * @throws AssertionError when none arrives in time
     */
    public RecordedRequest takeRequest(Duration timeout) {
        try {
            RecordedRequest request = context.journal().take(timeout);
            if (request == null) {
                throw new AssertionError("the GemPix2 fake received no request within " + timeout);
            }
            return request;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a request", interrupted);
        }
    }

    /**
     * @return the requests received since the start or the last reset, in order: the latest
     *         {@link Builder#journalLimit(int)} of them
     */
    public List<RecordedRequest> requests() {
        return context.journal().requests();
    }

    /** @return how many {@code POST /api/image/gen} were received, faulted or not; exact past the journal's limit */
    public int submitCount() {
        return Math.toIntExact(context.journal().submitCount());
    }

    /** @return how many requests were received since the start or the last reset; exact past the journal's limit */
    public long requestCount() {
        return context.journal().requestCount();
    }

    /** @return how many of the oldest requests the journal dropped to stay within {@link Builder#journalLimit(int)} */
    public long droppedRequests() {
        return context.journal().droppedRequests();
    }

    /**
     * @param id a task
     * @return the {@code GET /api/task/query} requests for it still in the journal, in order
     */
    public List<RecordedRequest> queriesFor(TaskId id) {
        return context.journal().requestsMatching(request -> request.isQueryOf(id));
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

    /** @return the callback attempts kept in the journal (retries included), with the receiver's status */
    public List<CallbackDelivery> callbackAttempts() {
        return context.journal().callbacks();
    }

    /** @return the callback attempts the receiver answered with 2xx */
    public List<CallbackDelivery> callbacksDelivered() {
        List<CallbackDelivery> delivered = new ArrayList<>();
        for (CallbackDelivery attempt : callbackAttempts()) {
            if (attempt.isDelivered()) {
                delivered.add(attempt);
            }
        }
        return delivered;
    }

    /**
     * Waits until the receiver has answered a callback of this task with 2xx. A client's wait may complete
     * (from the confirming query) before the fake has read the receiver's answer, so a test that checks the
     * delivery after {@code generate} returns waits for it here instead of reading the journal at once.
     *
     * @param id a task this fake created
     * @param timeout how long to wait at most
     * @return the first delivered callback of that task
     * @throws AssertionError when none is delivered in time
     */
    public CallbackDelivery awaitCallbackDelivered(TaskId id, Duration timeout) {
        try {
            CallbackDelivery delivery = context.journal().awaitCallback(
                    attempt -> attempt.isDelivered() && attempt.taskId().equals(id), timeout);
            if (delivery == null) {
                throw new AssertionError("no callback of " + id + " was delivered within " + timeout);
            }
            return delivery;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a callback", interrupted);
        }
    }

    /**
     * @param timeout how long to wait for a callback attempt to finish
     * @return the oldest finished attempt not yet taken
     * @throws AssertionError when none finishes in time
     */
    public CallbackDelivery takeCallback(Duration timeout) {
        try {
            CallbackDelivery delivery = context.journal().takeCallback(timeout);
            if (delivery == null) {
                throw new AssertionError("the GemPix2 fake attempted no callback within " + timeout);
            }
            return delivery;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a callback", interrupted);
        }
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
        server.stop(0);
        executor.shutdownNow();
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

    /** Configures a {@link FakeGemPix2Backend}; {@link #start()} starts it. Not thread-safe. */
    public static final class Builder {
        /** Time in each stage unless set: one second. */
        public static final Duration DEFAULT_STAGE_DURATION = Duration.ofSeconds(1);
        /** Requests (and callback attempts) the journal keeps unless set: 10,000. */
        public static final int DEFAULT_JOURNAL_LIMIT = 10_000;

        private Clock clock = SystemClock.shared();
        private Duration[] stages = {DEFAULT_STAGE_DURATION, DEFAULT_STAGE_DURATION, DEFAULT_STAGE_DURATION};
        private final List<String> keys = new ArrayList<>();
        private ImageMode imageMode = ImageMode.URL;
        private String host = "127.0.0.1";
        private int port;
        private final Set<String> models = new LinkedHashSet<>(
                List.of(Model.GEMPIX2.id(), Model.GEMINI_2_5_FLASH_IMAGE.id()));
        private int maxThreads = 256;
        private int callbackAttempts = 4;
        private Duration callbackRetryDelay = Duration.ofMillis(100);
        private int journalLimit = DEFAULT_JOURNAL_LIMIT;

        private Builder() {
        }

        /**
         * @param clock the fake's time; default {@code SystemClock.shared()} (real time); a {@link ManualClock}
         *              makes tasks move only when the test advances it
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param each time in each of {@code pending}, {@code submitted}, {@code in_progress}; default 1 s
         * @return this builder
         */
        public Builder stageDuration(Duration each) {
            return stageDurations(each, each, each);
        }

        /**
         * @param pending time in {@code pending}; default 1 s
         * @param submitted time in {@code submitted}; default 1 s
         * @param inProgress time in {@code in_progress}; default 1 s
         * @return this builder
         */
        public Builder stageDurations(Duration pending, Duration submitted, Duration inProgress) {
            for (Duration stage : new Duration[] {pending, submitted, inProgress}) {
                if (Objects.requireNonNull(stage, "stage duration").isNegative()) {
                    throw new IllegalArgumentException("a stage duration cannot be negative: " + stage);
                }
            }
            this.stages = new Duration[] {pending, submitted, inProgress};
            return this;
        }

        /**
         * @param key a key the fake accepts, e.g. {@code dk-test}; may be called again for more keys; default
         *            one random {@code dk-} key
         * @return this builder
         */
        public Builder apiKey(String key) {
            keys.add(ApiKey.of(key).reveal());
            return this;
        }

        /**
         * @param mode how results are handed out; default {@link ImageMode#URL}
         * @return this builder
         */
        public Builder imageMode(ImageMode mode) {
            this.imageMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * @param host the address to listen on; default {@code 127.0.0.1} (loopback only)
         * @return this builder
         */
        public Builder host(String host) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            this.host = host;
            return this;
        }

        /**
         * @param port the port; default 0, a free one picked by the system (read it from {@code baseUrl()})
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("a port is 0 to 65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * @param modelId one more model id the fake accepts; default {@code google/gempix2} and
         *                {@code google/gemini-2.5-flash-image} (others get the provider's 400)
         * @return this builder
         */
        public Builder acceptModel(String modelId) {
            models.add(Model.of(modelId).id());
            return this;
        }

        /**
         * @param threads how many requests are served at once; default 256 (more wait in a queue)
         * @return this builder
         */
        public Builder maxThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("maxThreads must be at least 1, not " + threads);
            }
            this.maxThreads = threads;
            return this;
        }

        /**
         * Bounds the journal, so that a load test through the fake does not fill the heap: past the limit the
         * oldest requests (and callback attempts) are dropped and counted in {@code droppedRequests()}, while
         * {@code submitCount()} and {@code requestCount()} stay exact. {@code takeRequest()} only sees requests
         * still kept.
         *
         * @param limit how many requests, and how many callback attempts, are kept at most; default 10,000
         * @return this builder
         */
        public Builder journalLimit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("journalLimit must be at least 1, not " + limit);
            }
            this.journalLimit = limit;
            return this;
        }

        /**
         * @param attempts how many times a callback is tried in all before the fake gives up; default 4
         * @param firstRetryDelay the real-time wait before the first retry, doubling after each; default 100 ms
         * @return this builder
         */
        public Builder callbackRetries(int attempts, Duration firstRetryDelay) {
            if (attempts < 1) {
                throw new IllegalArgumentException("callback attempts must be at least 1, not " + attempts);
            }
            if (firstRetryDelay.isNegative()) {
                throw new IllegalArgumentException("a retry delay cannot be negative: " + firstRetryDelay);
            }
            this.callbackAttempts = attempts;
            this.callbackRetryDelay = firstRetryDelay;
            return this;
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
