package dev.gempix2.micronaut;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.HttpSettings;
import dev.gempix2.core.GemPix2Observer;
import dev.gempix2.core.GemPix2Settings;
import dev.gempix2.core.TaskListener;
import dev.gempix2.core.defaults.InMemoryTaskRepository;
import dev.gempix2.core.defaults.SystemClock;
import dev.gempix2.core.port.Clock;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.core.port.TaskRepository;
import dev.gempix2.micronaut.internal.CallbackPathCheck;
import dev.gempix2.micronaut.internal.HttpSettingsClients;
import dev.gempix2.micronaut.internal.MicronautHttpTransport;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClientConfiguration;
import io.micronaut.http.client.StreamingHttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The beans of the adapter. Each one steps aside when the application defines its own bean of the same type:
 * a {@code TaskRepository} over the application's database, a fake {@code ImageGenerator} in tests, or a
 * {@code GemPix2Client} built by hand. Every {@link TaskListener} bean of the application is registered with
 * the client.
 *
 * <p>The transport applies the network settings of an application's own {@link HttpSettings} bean (proxy,
 * timeouts, default headers, user-agent suffix) when there is one, else the {@code gempix2} HTTP client's
 * connect and read timeouts ({@code micronaut.http.services.gempix2.*}).
 *
 * <p>The client is created when the application starts, so a wrong {@code gempix2.*} key fails the start with
 * a message naming it, and it is closed when the application stops.
 *
 * <pre>{@code
 * @Controller("/pictures")
 * class PictureController {
 *     private final GemPix2Client gempix2;
 *     PictureController(GemPix2Client gempix2) { this.gempix2 = gempix2; }
 * }
 * }</pre>
 */
@Factory
public class GemPix2Factory {
    /** The service id of the HTTP client: {@code micronaut.http.services.gempix2.*} tunes it. */
    public static final String SERVICE_ID = "gempix2";

    /**
     * @param configuration the {@code gempix2.*} keys
     * @param settings those keys read by core's rules: retries, polling, callbacks, call timeout, download cap
     * @param generator the transport to the API
     * @param downloader fetches image URLs
     * @param repository where task records live
     * @param clock time and scheduling
     * @param listeners the application's {@link TaskListener} beans
     * @param observers the {@link GemPix2Observer} beans: {@code GemPix2Metrics} and {@code GemPix2Tracing} when the
     *                  application has a {@code MeterRegistry} / {@code OpenTelemetry} bean, and its own
     * @return the client, created at startup and closed at shutdown
     */
    @Context
    @Bean(preDestroy = "close")
    @Requires(missingBeans = GemPix2Client.class)
    public GemPix2Client gemPix2Client(GemPix2Configuration configuration, GemPix2Settings settings,
                                       ImageGenerator generator,
                                       ImageDownloader downloader, TaskRepository repository, Clock clock,
                                       List<TaskListener> listeners, List<GemPix2Observer> observers) {
        configuration.validate();
        CallbackPathCheck.warnIfServedElsewhere(configuration.callbackBaseUrl().orElse(null),
                configuration.getCallback().getPath());
        GemPix2Client.Builder builder = settings.applyTo(GemPix2Client.builder())
                .generator(generator)
                .downloader(downloader)
                .repository(repository)
                .clock(clock);
        listeners.forEach(builder::listener);
        observers.forEach(builder::observer);
        return builder.build();
    }

    /**
     * @param configuration the {@code gempix2.*} keys
     * @param http Micronaut's HTTP client for the service id {@code gempix2}
     * @param json the application's JSON mapper
     * @param beans the context, to read the client's configuration
     * @return the transport over Micronaut's HTTP client
     */
    @Singleton
    @Requires(missingBeans = ImageGenerator.class)
    public ImageGenerator imageGenerator(GemPix2Configuration configuration,
                                         @Client(id = SERVICE_ID) StreamingHttpClient http, JsonMapper json,
                                         BeanContext beans) {
        return transport(configuration, http, json, beans);
    }

    /**
     * @param configuration the {@code gempix2.*} keys
     * @param http Micronaut's HTTP client for the service id {@code gempix2}
     * @param json the application's JSON mapper
     * @param beans the context, to read the client's configuration
     * @return the image downloader over Micronaut's HTTP client
     */
    @Singleton
    @Requires(missingBeans = ImageDownloader.class)
    public ImageDownloader imageDownloader(GemPix2Configuration configuration,
                                           @Client(id = SERVICE_ID) StreamingHttpClient http, JsonMapper json,
                                           BeanContext beans) {
        return transport(configuration, http, json, beans);
    }

    /**
     * @param repository the {@code gempix2.repository.*} keys
     * @return an in-memory repository (unless {@code gempix2.repository.type=jdbc}): tasks are forgotten when the
     *         application stops
     */
    @Singleton
    @Requires(missingBeans = TaskRepository.class)
    @Requires(property = "gempix2.repository.type", notEquals = "jdbc")
    public TaskRepository taskRepository(GemPix2RepositoryConfiguration repository) {
        if (!"memory".equals(repository.getType())) {
            throw new io.micronaut.context.exceptions.ConfigurationException("gempix2.repository.type must be memory "
                    + "or jdbc, got '" + repository.getType() + "'");
        }
        return new InMemoryTaskRepository();
    }

    /** @return the system clock, with its scheduler thread stopped at shutdown */
    @Singleton
    @Bean(preDestroy = "close")
    @Requires(missingBeans = Clock.class)
    public SystemClock clock() {
        return new SystemClock();
    }

    private static MicronautHttpTransport transport(GemPix2Configuration configuration, StreamingHttpClient http,
                                                    JsonMapper json, BeanContext beans) {
        // The same lookup as Micronaut's client registry: the service's own configuration, else the default.
        HttpClientConfiguration clientConfiguration = beans
                .findBean(HttpClientConfiguration.class, Qualifiers.byName(SERVICE_ID))
                .orElseGet(() -> beans.getBean(DefaultHttpClientConfiguration.class));
        // The one place the network settings reach the transport: an application's own HttpSettings bean, else the
        // gempix2.* network keys; a timeout those keys leave at its default is the gempix2 client's own
        // (micronaut.http.services.gempix2.*), as before those keys existed.
        GemPix2Settings gempix2 = beans.getBean(GemPix2Settings.class);
        HttpSettings settings = beans.findBean(HttpSettings.class)
                .orElseGet(() -> HttpSettingsClients.withClientTimeouts(gempix2.http(), clientConfiguration));
        return new MicronautHttpTransport(HttpSettingsClients.clientFor(settings, clientConfiguration, http, beans),
                json, gempix2.baseUrl(), gempix2.requireApiKey(), clientConfiguration.getMaxRedirects(), settings);
    }
}
