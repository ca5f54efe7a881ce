package dev.gempix2.testkit;

import dev.gempix2.core.defaults.SystemClock;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.Model;
import dev.gempix2.core.port.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The settings {@link FakeGemPix2Backend.Builder} collects, with their defaults and checks: kept apart from the
 * fake so that its file reads in one pass. Package-private: users see these setters on
 * {@link FakeGemPix2Backend.Builder}, its only subclass. Not thread-safe.
 */
abstract class FakeBackendOptions {
    Clock clock = SystemClock.shared();
    Duration[] stages = {FakeGemPix2Backend.Builder.DEFAULT_STAGE_DURATION,
            FakeGemPix2Backend.Builder.DEFAULT_STAGE_DURATION, FakeGemPix2Backend.Builder.DEFAULT_STAGE_DURATION};
    final List<String> keys = new ArrayList<>();
    ImageMode imageMode = ImageMode.URL;
    String host = "127.0.0.1";
    int port;
    final Set<String> models = new LinkedHashSet<>(
            List.of(Model.GEMPIX2.id(), Model.GEMINI_2_5_FLASH_IMAGE.id()));
    int maxThreads = 256;
    int callbackAttempts = 4;
    Duration callbackRetryDelay = Duration.ofMillis(100);
    int journalLimit = FakeGemPix2Backend.Builder.DEFAULT_JOURNAL_LIMIT;

    FakeBackendOptions() {
    }

    private FakeGemPix2Backend.Builder self() {
        return (FakeGemPix2Backend.Builder) this;
    }

    /**
     * @param clock the fake's time; default {@code SystemClock.shared()} (real time); a {@link ManualClock}
     *              makes tasks move only when the test advances it
     * @return this builder
     */
    public FakeGemPix2Backend.Builder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    /**
     * @param each time in each of {@code pending}, {@code submitted}, {@code in_progress}; default 1 s
     * @return this builder
     */
    public FakeGemPix2Backend.Builder stageDuration(Duration each) {
        return stageDurations(each, each, each);
    }

    /**
     * @param pending time in {@code pending}; default 1 s
     * @param submitted time in {@code submitted}; default 1 s
     * @param inProgress time in {@code in_progress}; default 1 s
     * @return this builder
     */
    public FakeGemPix2Backend.Builder stageDurations(Duration pending, Duration submitted, Duration inProgress) {
        for (Duration stage : new Duration[] {pending, submitted, inProgress}) {
            if (Objects.requireNonNull(stage, "stage duration").isNegative()) {
                throw new IllegalArgumentException("a stage duration cannot be negative: " + stage);
            }
        }
        this.stages = new Duration[] {pending, submitted, inProgress};
        return self();
    }

    /**
     * @param key a key the fake accepts, e.g. {@code dk-test}; may be called again for more keys; default
     *            one random {@code dk-} key
     * @return this builder
     */
    public FakeGemPix2Backend.Builder apiKey(String key) {
        keys.add(ApiKey.of(key).reveal());
        return self();
    }

    /**
     * @param mode how results are handed out; default {@link ImageMode#URL}
     * @return this builder
     */
    public FakeGemPix2Backend.Builder imageMode(ImageMode mode) {
        this.imageMode = Objects.requireNonNull(mode, "mode");
        return self();
    }

    /**
     * @param host the address to listen on; default {@code 127.0.0.1} (loopback only)
     * @return this builder
     */
    public FakeGemPix2Backend.Builder host(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        this.host = host;
        return self();
    }

    /**
     * @param port the port; default 0, a free one picked by the system (read it from {@code baseUrl()})
     * @return this builder
     */
    public FakeGemPix2Backend.Builder port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a port is 0 to 65535, not " + port);
        }
        this.port = port;
        return self();
    }

    /**
     * @param modelId one more model id the fake accepts; default {@code google/gempix2} and
     *                {@code google/gemini-2.5-flash-image} (others get the provider's 400)
     * @return this builder
     */
    public FakeGemPix2Backend.Builder acceptModel(String modelId) {
        models.add(Model.of(modelId).id());
        return self();
    }

    /**
     * @param threads how many requests are served at once; default 256 (more wait in a queue)
     * @return this builder
     */
    public FakeGemPix2Backend.Builder maxThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("maxThreads must be at least 1, not " + threads);
        }
        this.maxThreads = threads;
        return self();
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
    public FakeGemPix2Backend.Builder journalLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("journalLimit must be at least 1, not " + limit);
        }
        this.journalLimit = limit;
        return self();
    }

    /**
     * @param attempts how many times a callback is tried in all before the fake gives up; default 4
     * @param firstRetryDelay the real-time wait before the first retry, doubling after each; default 100 ms
     * @return this builder
     */
    public FakeGemPix2Backend.Builder callbackRetries(int attempts, Duration firstRetryDelay) {
        if (attempts < 1) {
            throw new IllegalArgumentException("callback attempts must be at least 1, not " + attempts);
        }
        if (firstRetryDelay.isNegative()) {
            throw new IllegalArgumentException("a retry delay cannot be negative: " + firstRetryDelay);
        }
        this.callbackAttempts = attempts;
        this.callbackRetryDelay = firstRetryDelay;
        return self();
    }
}
