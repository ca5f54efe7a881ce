package dev.gempix2.quarkus.internal;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.GemPix2Observer;
import dev.gempix2.core.GemPix2Settings;
import dev.gempix2.core.HttpSettings;
import dev.gempix2.core.TaskListener;
import dev.gempix2.core.defaults.SystemClock;
import dev.gempix2.core.port.Clock;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.core.port.TaskRepository;
import dev.gempix2.quarkus.GemPix2Config;
import io.quarkus.arc.DefaultBean;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The beans this adapter offers. Each is a {@link DefaultBean}: an application's own bean of the same type
 * replaces it, and the client is then built on the application's one.
 */
@Singleton
public class GemPix2Beans {
    /** How long a download waits for a connection to an image host. */
    private static final Duration DOWNLOAD_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * @param config the {@code gempix2.*} keys
     * @param generator the transport
     * @param downloader fetches image URLs
     * @param repository where tasks are kept
     * @param clock time and scheduling
     * @param listeners every {@link TaskListener} bean of the application
     * @param observers every {@link GemPix2Observer} bean of the application; the meters and spans are added when
     *                  it has a {@code MeterRegistry} / {@code OpenTelemetry} bean
     * @return the client, closed when the application stops
     */
    @Produces
    @DefaultBean
    @Singleton
    GemPix2Client client(GemPix2Config config, ImageGenerator generator, ImageDownloader downloader,
                         TaskRepository repository, Clock clock, Instance<TaskListener> listeners,
                         Instance<GemPix2Observer> observers) {
        GemPix2Client.Builder builder = ConfigReading.settings(config).applyTo(GemPix2Client.builder())
                .generator(generator)
                .downloader(downloader)
                .repository(repository)
                .clock(clock);
        ConfigReading.currentCallbackBaseUrl(ConfigProvider.getConfig()).ifPresent(builder::callbackBaseUrl);
        listeners.forEach(builder::listener);
        observers.forEach(builder::observer);
        ObserverBindings.found(config).forEach(builder::observer);
        return builder.build();
    }

    void closeClient(@Disposes GemPix2Client client) {
        client.close();
    }

    /**
     * @param config the {@code gempix2.*} keys; {@code gempix2.api-key} is required here
     * @param api the REST client with config key {@code gempix2}
     * @param own the application's own network settings, when it produces an {@link HttpSettings} bean
     * @return the transport: on the {@code gempix2} REST client, or with the application's settings on a client
     *         built with them (its proxy, timeouts, default headers and user-agent suffix)
     */
    @Produces
    @DefaultBean
    @Singleton
    ImageGenerator generator(GemPix2Config config, @RestClient GemPix2RestApi api, Instance<HttpSettings> own) {
        GemPix2Settings settings = ConfigReading.settings(config);
        HttpSettings http = networkSettings(own, settings);
        URI baseUrl = settings.baseUrl();
        if (own.isResolvable() || needsOwnClient(settings.http())) {
            return new RestClientImageGenerator(StandaloneRestClients.build(baseUrl, http),
                    settings.requireApiKey(), true, baseUrl, http);
        }
        return new RestClientImageGenerator(api, settings.requireApiKey(), false, baseUrl, http);
    }

    /** Closes a REST client the generator built for the application's own settings. */
    void closeGenerator(@Disposes ImageGenerator generator) {
        generator.close();
    }

    /**
     * @param vertx the application's Vert.x
     * @param config the {@code gempix2.*} keys
     * @param own the application's own network settings, when it produces an {@link HttpSettings} bean
     * @return the streaming downloader, whose hops are bounded by the response timeout (headers and body)
     */
    @Produces
    @DefaultBean
    @Singleton
    ImageDownloader downloader(Vertx vertx, GemPix2Config config, Instance<HttpSettings> own) {
        return new VertxImageDownloader(vertx, networkSettings(own, ConfigReading.settings(config)));
    }

    /**
     * The one place the network settings reach the transports: the application's {@link HttpSettings} bean, else
     * the {@code gempix2.*} network keys, where a timeout those keys leave at its default is what the configuration
     * said before they existed (the REST client's read timeout; 10 s to connect to an image host).
     */
    private static HttpSettings networkSettings(Instance<HttpSettings> own, GemPix2Settings settings) {
        if (own.isResolvable()) {
            return own.get();
        }
        HttpSettings http = settings.http();
        HttpSettings.Builder builder = http.toBuilder();
        if (http.connectTimeout().equals(HttpSettings.DEFAULT_CONNECT_TIMEOUT)) {
            builder.connectTimeout(DOWNLOAD_CONNECT_TIMEOUT);
        }
        if (http.responseTimeout().equals(HttpSettings.DEFAULT_RESPONSE_TIMEOUT)) {
            builder.responseTimeout(ConfigReading.readTimeout(ConfigProvider.getConfig()));
        }
        return builder.build();
    }

    /** A proxy or a timeout of the {@code gempix2.*} keys is one the {@code gempix2} REST client does not apply. */
    private static boolean needsOwnClient(HttpSettings keys) {
        return keys.proxy().isPresent() || !keys.connectTimeout().equals(HttpSettings.DEFAULT_CONNECT_TIMEOUT)
                || !keys.responseTimeout().equals(HttpSettings.DEFAULT_RESPONSE_TIMEOUT);
    }

    /** Closes the downloader's HTTP client with the application. */
    void closeDownloader(@Disposes ImageDownloader downloader) {
        if (downloader instanceof VertxImageDownloader ours) {
            ours.close();
        }
    }

    /**
     * @return the repository {@code gempix2.repository.*} asks for: in memory (tasks do not survive a restart), or
     *         with {@code type=jdbc} a {@code JdbcTaskRepository} on the application's datasource
     */
    @Produces
    @DefaultBean
    @Singleton
    TaskRepository repository() {
        return RepositoryChoice.fromConfig(ConfigProvider.getConfig(), DataSourceLookup::find);
    }

    void closeRepository(@Disposes TaskRepository repository) throws Exception {
        if (repository instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** @return the system clock */
    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return SystemClock.shared();
    }
}
