package dev.gempix2.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gempix2.core.error.ApiException;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.ManualClock;
import java.time.Duration;
import java.util.Optional;

/**
 * What every group of {@link ImageGeneratorContract} cases works with: the contract instance running them (its
 * fake backend, clock, generator and factory methods) and the assertions they share. Each group is a
 * {@code @Nested} class of the contract, so that a transport's one subclass runs them all.
 */
abstract class GeneratorCases {
    static final Duration STAGE = ImageGeneratorContract.STAGE;
    static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);

    /** @return the contract instance whose fake and generator the cases use */
    abstract ImageGeneratorContract contract();

    final FakeGemPix2Backend fake() {
        return contract().fake();
    }

    final ManualClock clock() {
        return contract().clock();
    }

    final ImageGenerator generator() {
        return contract().generator();
    }

    static void assertApiError(ApiException error, int status, int code, String message, String detail) {
        assertEquals(status, error.httpStatus(), "httpStatus of " + error);
        assertEquals(code, error.code(), "code of " + error);
        assertEquals(Optional.ofNullable(message), error.providerMessage(), "providerMessage of " + error);
        assertEquals(Optional.ofNullable(detail), error.detail(), "detail of " + error);
    }

    static void assertFasterThan(long startNanos, Duration limit) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        assertTrue(took.compareTo(limit) < 0, "the timeout was not honoured: the call took " + took);
    }
}
