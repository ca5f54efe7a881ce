package dev.gempix2.micronaut;

import dev.gempix2.core.HttpSettings;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.core.port.ImageGenerator;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The adapter's transport exactly as an application gets it: the beans of an application context configured
 * through {@code gempix2.*} and {@code micronaut.http.services.gempix2.*}. Closing it stops the context.
 */
final class ContextTransport implements ImageGenerator, ImageDownloader {
    private final ApplicationContext context;
    private final ImageGenerator generator;
    private final ImageDownloader downloader;

    ContextTransport(URI baseUrl, ApiKey key, Duration responseTimeout) {
        this(baseUrl, key, responseTimeout, Map.of());
    }

    ContextTransport(URI baseUrl, ApiKey key, Duration responseTimeout, Map<String, Object> moreProperties) {
        this(baseUrl, key, responseTimeout, moreProperties, null);
    }

    /** The transport of a context whose application gives its own {@link HttpSettings} bean. */
    ContextTransport(URI baseUrl, ApiKey key, HttpSettings http) {
        this(baseUrl, key, http.responseTimeout(), Map.of(), http);
    }

    private ContextTransport(URI baseUrl, ApiKey key, Duration responseTimeout, Map<String, Object> moreProperties,
                             HttpSettings http) {
        Map<String, Object> properties = new java.util.HashMap<>(moreProperties);
        properties.put("gempix2.api-key", key.reveal());
        properties.put("gempix2.base-url", baseUrl.toString());
        properties.put("micronaut.http.services.gempix2.read-timeout", responseTimeout.toMillis() + "ms");
        ApplicationContextBuilder builder = ApplicationContext.builder().properties(properties);
        if (http != null) {
            builder.singletons(http);
        }
        context = builder.start();
        generator = context.getBean(ImageGenerator.class);
        downloader = context.getBean(ImageDownloader.class);
    }

    @Override
    public CompletableFuture<TaskId> submit(ImageRequest request) {
        return generator.submit(request);
    }

    @Override
    public CompletableFuture<Task> query(TaskId id) {
        return generator.query(id);
    }

    @Override
    public CompletableFuture<TaskId> submit(ImageRequest request, Map<String, String> headers) {
        return generator.submit(request, headers);
    }

    @Override
    public CompletableFuture<Task> query(TaskId id, Map<String, String> headers) {
        return generator.query(id, headers);
    }

    @Override
    public CompletableFuture<byte[]> download(URI url, long maxBytes) {
        return downloader.download(url, maxBytes);
    }

    @Override
    public void close() {
        context.close();
    }
}
