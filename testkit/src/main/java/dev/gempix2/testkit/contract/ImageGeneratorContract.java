package dev.gempix2.testkit.contract;

import dev.gempix2.core.HttpSettings;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link ImageGenerator} (every transport) must have, pinned against the
 * {@link FakeGemPix2Backend}: the request sent exactly as the spec says, every answer read the same way, and
 * every HTTP outcome mapped to the same exception, with the same status, code, message and detail. A
 * transport's test only says how to build itself:
 *
 * <pre>{@code
 * class HttpClient5TransportContractTest extends ImageGeneratorContract {
 *     @Override
 *     protected ImageGenerator create(URI baseUrl, ApiKey key, Duration responseTimeout) {
 *         return HttpClient5Transport.builder().baseUrl(baseUrl).apiKey(key).responseTimeout(responseTimeout).build();
 *     }
 * }
 * }</pre>
 *
 * <p>The fake runs on a {@link ManualClock}, so every test is fast and none sleeps. The mapping rules
 * themselves live in core's {@code WireFormat}; this suite checks that a transport uses them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
public abstract class ImageGeneratorContract {
    static final Duration STAGE = Duration.ofSeconds(1);

    // Kept per test class rather than in fields: a @Nested group may run on another instance of the enclosing
    // class than the one @BeforeAll ran on (Quarkus builds its own), and must still find the class's fake.
    private static final Map<Class<?>, Rig> RIGS = new ConcurrentHashMap<>();

    /** The fake, its clock and the generator under test, for one test class. */
    private record Rig(ManualClock clock, FakeGemPix2Backend fake, ImageGenerator generator) {
    }

    /**
     * Builds the implementation under test. Called once per test class with a generous timeout, and once more
     * for each timeout test; the suite closes what it builds.
     *
     * @param baseUrl the fake's base URL
     * @param key a key the fake accepts (or, in the 401 tests, one it refuses)
     * @param responseTimeout how long to wait for an answer before failing with a {@code TransportException}
     * @return a new generator
     */
    protected abstract ImageGenerator create(URI baseUrl, ApiKey key, Duration responseTimeout);

    /**
     * Builds the implementation under test with the given network settings (proxy, timeouts, default headers,
     * {@code User-Agent} suffix), for the network settings cases; the suite closes what it builds. A
     * transport that takes {@link HttpSettings} overrides this; by default those cases are skipped, saying why.
     *
     * @param baseUrl the API's base URL (the fake's, or a misbehaving server's)
     * @param key the key to send
     * @param http the network settings to apply
     * @return a new generator
     */
    protected ImageGenerator createWith(URI baseUrl, ApiKey key, HttpSettings http) {
        return Assumptions.abort(getClass().getSimpleName() + " does not build itself with HttpSettings: override "
                + "createWith(URI, ApiKey, HttpSettings) to run the network settings cases");
    }

    /** @return the fake backend the suite runs against, for a subclass's own extra tests */
    protected final FakeGemPix2Backend fake() {
        return rig().fake();
    }

    /** @return the fake's clock */
    protected final ManualClock clock() {
        return rig().clock();
    }

    /** @return the generator under test, built once for the class */
    protected final ImageGenerator generator() {
        return rig().generator();
    }

    private Rig rig() {
        Rig rig = RIGS.get(getClass());
        if (rig == null) {
            throw new IllegalStateException("the fake backend of " + getClass().getName() + " is not running");
        }
        return rig;
    }

    @BeforeAll
    final void startFakeBackend() {
        ManualClock clock = new ManualClock();
        FakeGemPix2Backend fake = FakeGemPix2Backend.builder().clock(clock).stageDuration(STAGE).start();
        ImageGenerator generator = create(fake.baseUrl(), fake.apiKey(), Duration.ofSeconds(10));
        RIGS.put(getClass(), new Rig(clock, fake, generator));
        warmUp(generator);
    }

    // The first exchange loads classes and opens connections; doing it here keeps each test's time its own.
    private static void warmUp(ImageGenerator generator) {
        try {
            generator.submit(ImageRequest.of("warm-up")).thenCompose(generator::query).get(10, TimeUnit.SECONDS);
        } catch (Exception | AssertionError ignored) {
            // A transport that cannot do this fails the tests themselves, each with its own message.
        }
    }

    @BeforeEach
    final void forgetThePreviousTest() {
        fake().reset();
    }

    @AfterAll
    final void stopFakeBackend() {
        Rig rig = RIGS.remove(getClass());
        if (rig != null) {
            if (rig.generator() != null) {
                rig.generator().close();
            }
            rig.fake().close();
        }
    }

    /** What a submit sends and how a query's answer is read. */
    @Nested
    class Requests extends RequestCases {
        @Override
        ImageGeneratorContract contract() {
            return ImageGeneratorContract.this;
        }
    }

    /** HTTP errors, broken answers and timeouts, each mapped to the same exception. */
    @Nested
    class Failures extends FailureCases {
        @Override
        ImageGeneratorContract contract() {
            return ImageGeneratorContract.this;
        }
    }

    /** Proxy, timeouts, default headers and {@code User-Agent} suffix from {@link HttpSettings}. */
    @Nested
    class NetworkSettings extends NetworkSettingsCases {
        @Override
        ImageGeneratorContract contract() {
            return ImageGeneratorContract.this;
        }
    }
}
