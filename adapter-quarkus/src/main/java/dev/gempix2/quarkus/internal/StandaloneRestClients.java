package dev.gempix2.quarkus.internal;

import dev.gempix2.core.HttpSettings;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Builds the REST client outside CDI, for a base URL and timeout chosen in code (the contract suites run each
 * transport against its own fake backend). Needs a running Quarkus application; only the global
 * {@code quarkus.rest-client.*} settings apply to such a client, not those of the {@code gempix2} key.
 */
public final class StandaloneRestClients {

    private StandaloneRestClients() {
    }

    /**
     * @param baseUrl the API's base URL
     * @param responseTimeout how long to wait for connection and answer
     * @return a new REST client; close it with {@link #close(GemPix2RestApi)}
     */
    public static GemPix2RestApi build(URI baseUrl, Duration responseTimeout) {
        return build(baseUrl, HttpSettings.builder().connectTimeout(responseTimeout).responseTimeout(responseTimeout)
                .build());
    }

    /**
     * @param baseUrl the API's base URL
     * @param http the timeouts and proxy to apply (default headers and the user-agent suffix are the generator's)
     * @return a new REST client; close it with {@link #close(GemPix2RestApi)}
     */
    public static GemPix2RestApi build(URI baseUrl, HttpSettings http) {
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUrl)
                .connectTimeout(http.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(http.responseTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false);
        http.proxy().ifPresent(proxy -> ProxyOptionsFromSettings.apply(builder, proxy));
        return builder.build(GemPix2RestApi.class);
    }

    static void close(GemPix2RestApi api) {
        if (api instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException | RuntimeException ignored) {
                // Closing releases connections; there is nothing left to do if it fails.
            }
        }
    }
}
