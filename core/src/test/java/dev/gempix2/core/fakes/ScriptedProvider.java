package dev.gempix2.core.fakes;

import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.core.port.ImageGeneratorProvider;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A transport found through {@code ServiceLoader} (registered in the test resources) for
 * {@code GemPix2Client.fromEnv()}: it hands out a {@link ScriptedGenerator} and remembers how it was made.
 */
public final class ScriptedProvider implements ImageGeneratorProvider {
    private static final AtomicReference<ScriptedGenerator> LAST = new AtomicReference<>();
    private static final AtomicReference<URI> LAST_BASE_URL = new AtomicReference<>();
    private static final AtomicReference<ApiKey> LAST_KEY = new AtomicReference<>();

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public ImageGenerator create(URI baseUrl, ApiKey apiKey) {
        ScriptedGenerator generator = new ScriptedGenerator();
        LAST.set(generator);
        LAST_BASE_URL.set(baseUrl);
        LAST_KEY.set(apiKey);
        return generator;
    }

    /** @return the generator made last */
    public static ScriptedGenerator lastGenerator() {
        return LAST.get();
    }

    /** @return the base URL it was made for */
    public static URI lastBaseUrl() {
        return LAST_BASE_URL.get();
    }

    /** @return the key it was given */
    public static ApiKey lastKey() {
        return LAST_KEY.get();
    }

    /** A provider of lower priority that must never be chosen while {@link ScriptedProvider} is present. */
    public static final class Outranked implements ImageGeneratorProvider {
        @Override
        public String name() {
            return "outranked";
        }

        @Override
        public ImageGenerator create(URI baseUrl, ApiKey apiKey) {
            throw new AssertionError("the provider with the highest priority should win");
        }
    }
}
