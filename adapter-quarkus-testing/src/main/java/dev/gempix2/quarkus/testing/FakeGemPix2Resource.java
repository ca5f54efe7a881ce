package dev.gempix2.quarkus.testing;

import dev.gempix2.testkit.FakeGemPix2Backend;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the testkit's {@link FakeGemPix2Backend} for a {@code @QuarkusTest} and points the application at it:
 * {@code gempix2.base-url}, {@code gempix2.api-key} and, unless switched off, {@code gempix2.callback.base-url}
 * (the test's own HTTP port and {@code gempix2.callback.path}, so the fake's callbacks reach the app). No real
 * key, no credits. A field annotated {@link InjectFakeGemPix2} receives the fake.
 *
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(FakeGemPix2Resource.class)
 * class ImagesTest {
 *     @InjectFakeGemPix2
 *     FakeGemPix2Backend fake;
 *
 *     @Inject
 *     GemPix2Client client;
 * }
 * }</pre>
 *
 * <p>Arguments ({@code @ResourceArg}): {@code callbacks} ({@code true} by default; {@code false} leaves the
 * callback URL alone, so waits poll) and {@code stage-duration} (the time a task spends in each of its three
 * stages, as {@code 100ms} or {@code PT0.1S}; default 100ms). Comes with
 * {@code gempix2-quarkus-testing} in the test scope (which brings the testkit's fake, not JUnit; the test
 * itself runs on {@code quarkus-junit5} as every {@code @QuarkusTest} does).
 */
public class FakeGemPix2Resource implements QuarkusTestResourceLifecycleManager {
    /** Default time in each stage of a fake task: 100 ms, so a generation takes about a third of a second. */
    public static final Duration DEFAULT_STAGE_DURATION = Duration.ofMillis(100);

    private boolean callbacks = true;
    private Duration stageDuration = DEFAULT_STAGE_DURATION;
    private FakeGemPix2Backend backend;

    /** Creates the resource; Quarkus calls {@link #init(Map)} and {@link #start()}. */
    public FakeGemPix2Resource() {
    }

    @Override
    public void init(Map<String, String> initArgs) {
        String callbacksArg = initArgs.getOrDefault("callbacks", "true").strip();
        if (!callbacksArg.equalsIgnoreCase("true") && !callbacksArg.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("FakeGemPix2Resource argument 'callbacks' must be true or false");
        }
        callbacks = Boolean.parseBoolean(callbacksArg);
        String stage = initArgs.get("stage-duration");
        if (stage != null) {
            stageDuration = parseDuration(stage.strip());
        }
    }

    @Override
    public Map<String, String> start() {
        backend = FakeGemPix2Backend.builder().stageDuration(stageDuration).start();
        Map<String, String> config = new HashMap<>();
        config.put("gempix2.base-url", backend.baseUrl().toString());
        config.put("gempix2.api-key", backend.apiKey().reveal());
        if (callbacks) {
            // Expanded when the client is built, once the HTTP server listens on its (maybe random) port.
            config.put("gempix2.callback.base-url", "http://localhost:${quarkus.http.test-port}${gempix2.callback.path}");
        }
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(backend,
                new TestInjector.AnnotatedAndMatchesType(InjectFakeGemPix2.class, FakeGemPix2Backend.class));
    }

    @Override
    public void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    private static Duration parseDuration(String text) {
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2).strip()));
            }
            if (text.endsWith("s") && !text.startsWith("P")) {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1).strip()));
            }
            return Duration.parse(text);
        } catch (NumberFormatException | DateTimeParseException unreadable) {
            throw new IllegalArgumentException("FakeGemPix2Resource argument 'stage-duration' must be a duration "
                    + "such as 100ms, 2s or PT0.1S", unreadable);
        }
    }
}
