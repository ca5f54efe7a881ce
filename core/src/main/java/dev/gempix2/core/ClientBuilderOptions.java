package dev.gempix2.core;

import dev.gempix2.core.internal.ClientSetup;
import dev.gempix2.core.port.Clock;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.core.port.TaskRepository;
import dev.gempix2.core.wire.HttpUrls;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The settings {@link GemPix2Client.Builder} collects, with their defaults and checks: kept apart from the
 * client so that its file reads in one pass. Package-private: users see these setters on
 * {@link GemPix2Client.Builder}, which is the only subclass.
 */
abstract class ClientBuilderOptions {
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
    private long maxDownloadBytes = GemPix2Client.DEFAULT_MAX_DOWNLOAD_BYTES;
    private Duration callTimeout = GemPix2Client.DEFAULT_CALL_TIMEOUT;
    private Duration closeGrace = GemPix2Client.DEFAULT_CLOSE_GRACE;
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
    /** Set by {@code GemPix2Client.fromEnv}: the client made the transport, so it closes it. */
    boolean ownsGenerator;

    ClientBuilderOptions() {
    }

    private GemPix2Client.Builder self() {
        return (GemPix2Client.Builder) this;
    }

    /**
     * @param generator the transport to the API; required
     * @return this builder
     */
    public GemPix2Client.Builder generator(ImageGenerator generator) {
        this.generator = Objects.requireNonNull(generator, "generator");
        return self();
    }

    /**
     * @param downloader fetches image URLs; default the generator, when it is also a downloader
     * @return this builder
     */
    public GemPix2Client.Builder downloader(ImageDownloader downloader) {
        this.downloader = Objects.requireNonNull(downloader, "downloader");
        return self();
    }

    /**
     * @param repository where task records live; default a new {@code InMemoryTaskRepository}
     * @return this builder
     */
    public GemPix2Client.Builder repository(TaskRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
        return self();
    }

    /**
     * @param clock time and scheduling; default {@code SystemClock.shared()}
     * @return this builder
     */
    public GemPix2Client.Builder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    /**
     * @param policy retries; default {@link RetryPolicy#defaults()}
     * @return this builder
     */
    public GemPix2Client.Builder retryPolicy(RetryPolicy policy) {
        this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
        return self();
    }

    /**
     * @param policy polling and timeouts; default {@link PollingPolicy#defaults()}
     * @return this builder
     */
    public GemPix2Client.Builder pollingPolicy(PollingPolicy policy) {
        this.pollingPolicy = Objects.requireNonNull(policy, "pollingPolicy");
        return self();
    }

    /**
     * @param baseUrl the public URL under which the app's webhook endpoint takes {@code POST <base>/<token>};
     *                default none (callbacks off, polling only)
     * @return this builder
     * @throws IllegalArgumentException when it is not an absolute http(s) URL
     */
    public GemPix2Client.Builder callbackBaseUrl(URI baseUrl) {
        if (baseUrl != null) {
            HttpUrls.requireBase("callbackBaseUrl", baseUrl);
        }
        this.callbackBaseUrl = baseUrl;
        return self();
    }

    /**
     * @param verify whether a callback is confirmed by one query before it completes a wait; default true
     * @return this builder
     */
    public GemPix2Client.Builder verifyCallbacks(boolean verify) {
        this.verifyCallbacks = verify;
        return self();
    }

    /**
     * @param listener sees every status change; may be called several times to add more
     * @return this builder
     */
    public GemPix2Client.Builder listener(TaskListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return self();
    }

    /**
     * @param observer sees every HTTP attempt, retry, callback and task end, for metrics and traces (such as
     *                 {@code GemPix2Metrics} or {@code GemPix2Tracing}); may be called several times to add
     *                 more; default none
     * @return this builder
     */
    public GemPix2Client.Builder observer(GemPix2Observer observer) {
        observers.add(Objects.requireNonNull(observer, "observer"));
        return self();
    }

    /**
     * @param executor where futures complete and listeners run; default a small pool of daemon threads owned
     *                 by the client
     * @return this builder
     */
    public GemPix2Client.Builder callbackExecutor(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        return self();
    }

    /**
     * @param maxBytes the largest image download accepted; default 32 MiB
     * @return this builder
     */
    public GemPix2Client.Builder maxDownloadBytes(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxDownloadBytes must be positive, got " + maxBytes);
        }
        this.maxDownloadBytes = maxBytes;
        return self();
    }

    /**
     * @param timeout the overall deadline of one submit, query or download, retries and every byte included,
     *                unless {@link RequestOptions} say otherwise; default 2 minutes. Past it the exchange is
     *                aborted and its connection freed.
     * @return this builder
     */
    public GemPix2Client.Builder callTimeout(Duration timeout) {
        this.callTimeout = Policies.requirePositive("callTimeout", timeout);
        return self();
    }

    /**
     * @param grace how long {@link GemPix2Client#close()} waits for answers to submits already sent, so that
     *              the ids of tasks the provider created are recorded; zero or positive, at most 24 h;
     *              default 5 s
     * @return this builder
     */
    public GemPix2Client.Builder closeGrace(Duration grace) {
        this.closeGrace = Policies.requireSaneNotNegative("closeGrace", grace);
        return self();
    }

    /**
     * Tests pin the backoff's jitter.
     * @param jitter values in [0, 1)
     * @return this builder
     */
    GemPix2Client.Builder jitter(DoubleSupplier jitter) {
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        return self();
    }

    /**
     * @return the settings, as the client's machinery takes them
     * @throws IllegalStateException when no generator was set
     */
    ClientSetup setup() {
        return new ClientSetup(generator, downloader, repository, clock, retryPolicy, pollingPolicy, callbackBaseUrl,
                verifyCallbacks, listeners, observers, executor, maxDownloadBytes, callTimeout, closeGrace, jitter,
                ownsGenerator);
    }
}
