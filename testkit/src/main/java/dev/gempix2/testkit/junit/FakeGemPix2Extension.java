package dev.gempix2.testkit.junit;

import dev.gempix2.core.port.Clock;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.ManualClock;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link FakeGemPix2Backend} for a test class: started before the first test that needs it, reset
 * before each test (scripts, tasks and journal forgotten), closed after the class. Test methods and
 * constructors get it as a parameter, and its {@link ManualClock} too when it runs on one.
 *
 * <pre>{@code
 * @ExtendWith(FakeGemPix2Extension.class)
 * class ImageServiceTest {
 *     @Test
 *     void savesTheGeneratedImage(FakeGemPix2Backend fake) { ... fake.baseUrl() ... fake.apiKey() ... }
 * }
 *
 * class WithVirtualTime {
 *     @RegisterExtension
 *     static final FakeGemPix2Extension FAKE = FakeGemPix2Extension.withManualClock();
 *
 *     @Test
 *     void finishesAfterThreeStages(FakeGemPix2Backend fake, ManualClock clock) { ... }
 * }
 * }</pre>
 */
public final class FakeGemPix2Extension
        implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FakeGemPix2Extension.class);

    private final Supplier<FakeGemPix2Backend.Builder> configuration;

    /** A fake with every default: real time, 1 s per stage. Used by {@code @ExtendWith}. */
    public FakeGemPix2Extension() {
        this(FakeGemPix2Backend::builder);
    }

    private FakeGemPix2Extension(Supplier<FakeGemPix2Backend.Builder> configuration) {
        this.configuration = configuration;
    }

    /**
     * @param configuration makes the builder of the fake, e.g. {@code () -> FakeGemPix2Backend.builder().imageMode(DATA_URI)};
     *                      called once per test class
     * @return an extension to register with {@code @RegisterExtension}
     */
    public static FakeGemPix2Extension configured(Supplier<FakeGemPix2Backend.Builder> configuration) {
        return new FakeGemPix2Extension(Objects.requireNonNull(configuration, "configuration"));
    }

    /** @return an extension whose fake runs on a new {@link ManualClock} per test class */
    public static FakeGemPix2Extension withManualClock() {
        return configured(() -> FakeGemPix2Backend.builder().clock(new ManualClock()));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        backend(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        backend(context).reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ClosingBackend started = classContext(context).getStore(NAMESPACE).remove(this, ClosingBackend.class);
        if (started != null) {
            started.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == FakeGemPix2Backend.class || type == ManualClock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        FakeGemPix2Backend backend = backend(context);
        if (parameter.getParameter().getType() == FakeGemPix2Backend.class) {
            return backend;
        }
        Clock clock = backend.clock();
        if (clock instanceof ManualClock manual) {
            return manual;
        }
        throw new ParameterResolutionException("the GemPix2 fake runs on " + clock
                + ", not a ManualClock: register FakeGemPix2Extension.withManualClock() to get one");
    }

    /**
     * @param context any context within the test class
     * @return the class's fake, started on first use
     */
    public FakeGemPix2Backend backend(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(this, key -> new ClosingBackend(configuration.get().start()), ClosingBackend.class)
                .backend();
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /** Closes the fake after the class: from {@code afterAll}, or when JUnit closes the class's store. */
    private record ClosingBackend(FakeGemPix2Backend backend) implements AutoCloseable {
        @Override
        public void close() {
            backend.close();
        }
    }
}
