package dev.gempix2.testkit.contract;

import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.port.ImageGenerator;
import java.net.URI;
import java.time.Duration;

/** Hands the test-only JDK transport to tests outside its package. */
public final class TestTransports {
    private TestTransports() {
    }

    /**
     * @param baseUrl the API's base URL
     * @param key the key
     * @return a transport that is also an {@code ImageDownloader}
     */
    public static ImageGenerator jdk(URI baseUrl, ApiKey key) {
        return new JdkHttpTransport(baseUrl, key, Duration.ofSeconds(10));
    }
}
