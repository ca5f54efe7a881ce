package dev.gempix2.transport.httpclient5;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.GemPix2Settings;
import dev.gempix2.core.HttpSettings;
import dev.gempix2.core.ProxySettings;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.core.wire.HttpUrls;
import dev.gempix2.core.wire.UserAgent;
import dev.gempix2.transport.httpclient5.internal.ApiRequests;
import dev.gempix2.transport.httpclient5.internal.AsyncClientSetup;
import dev.gempix2.transport.httpclient5.internal.AsyncExchange;
import dev.gempix2.transport.httpclient5.internal.ImageDownload;
import dev.gempix2.transport.httpclient5.internal.ProxyRoutes;
import dev.gempix2.transport.httpclient5.internal.TransportSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;

/**
 * The GemPix2 API over Apache HttpClient 5's async client: non-blocking I/O on a couple of daemon threads, a
 * pool of keep-alive HTTP/1.1 connections, JSON through Jackson. It sends exactly one HTTP request per call
 * (retrying, polling and waiting are {@code GemPix2Client}'s job) and is thread-safe: build one and share it.
 *
 * <pre>{@code
 * try (HttpClient5Transport transport = HttpClient5Transport.builder()
 *              .apiKey(System.getenv("GEMPIX2_API_KEY"))
 *              .responseTimeout(Duration.ofSeconds(60))
 *              .build();
 *      GemPix2Client client = GemPix2Client.builder().generator(transport).build()) {
 *     Task task = client.generate(ImageRequest.of("a lighthouse at dawn, oil painting"));
 *     client.save(task.images().get(0), Path.of("out"));
 * }
 * }</pre>
 *
 * <p>{@code GemPix2Client.fromEnv()} builds one of these by itself when this jar is on the class path.
 *
 * <p>Futures complete on the client's I/O thread, exceptionally with a {@link GemPix2Exception} (never wrapped
 * in a {@code CompletionException}); the calls themselves never throw. Cancelling a future aborts its exchange
 * and frees its connection: this is how {@code GemPix2Client} enforces a call's overall deadline.
 */
public final class HttpClient5Transport implements ImageGenerator, ImageDownloader, AutoCloseable {
    /** The API's address when none is given. */
    public static final URI DEFAULT_BASE_URL = GemPix2Client.DEFAULT_BASE_URL;

    private final TransportSettings settings;
    private final CloseableHttpAsyncClient client;
    private final boolean ownsClient;
    private final ApiRequests api;
    private final ImageDownload download;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpClient5Transport(TransportSettings settings) {
        this.settings = settings;
        this.ownsClient = settings.userClient() == null;
        // A proxy applies to a client this transport builds; a user's own client has its own routes.
        ProxyRoutes proxy = ownsClient ? settings.http().proxy().map(ProxyRoutes::of).orElse(null) : null;
        this.client = ownsClient ? AsyncClientSetup.create(settings, proxy) : settings.userClient();
        if (!ownsClient) {
            client.start(); // a no-op when the user already started it
        }
        AsyncExchange exchange = new AsyncExchange(client, settings, proxy);
        this.api = new ApiRequests(exchange, settings);
        this.download = new ImageDownload(exchange, settings);
    }

    /** @return a builder; {@link Builder#apiKey(String)} is the one required setting */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A transport configured from the process environment: {@code GEMPIX2_API_KEY} (required),
     * {@code GEMPIX2_BASE_URL} (default {@code https://api.defapi.org}) and the network variables of
     * {@link GemPix2Settings#fromEnvironment(Map)} ({@code GEMPIX2_CONNECT_TIMEOUT}, the proxy, {@code HTTPS_PROXY},
     * ...); everything else at its default.
     *
     * @return a new transport
     * @throws dev.gempix2.core.error.ConfigurationException {@code GEMPIX2_API_KEY is not set: ...}, or naming the
     *         variable whose value is unusable
     */
    public static HttpClient5Transport fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * Like {@link #fromEnv()}, reading the given variables instead of the process environment.
     *
     * @param environment variables such as {@code GEMPIX2_API_KEY}
     * @return a new transport
     */
    public static HttpClient5Transport fromEnv(Map<String, String> environment) {
        return TransportFromSettings.build(GemPix2Settings.fromEnvironment(environment));
    }

    @Override
    public CompletableFuture<TaskId> submit(ImageRequest request) {
        return submit(request, Map.of());
    }

    @Override
    public CompletableFuture<TaskId> submit(ImageRequest request, Map<String, String> headers) {
        if (request == null) {
            return CompletableFuture.failedFuture(InvalidRequestException.ofField("request", "must not be null"));
        }
        return closed.get() ? closedFailure() : api.submit(request, headers);
    }

    @Override
    public CompletableFuture<Task> query(TaskId id) {
        return query(id, Map.of());
    }

    @Override
    public CompletableFuture<Task> query(TaskId id, Map<String, String> headers) {
        if (id == null) {
            return CompletableFuture.failedFuture(InvalidRequestException.ofField("task_id", "must not be null"));
        }
        return closed.get() ? closedFailure() : api.query(id, headers);
    }

    /**
     * Fetches an image, reading at most the smaller of {@code maxBytes} and this transport's
     * {@link Builder#maxDownloadBytes(long) maxDownloadBytes}. The API key is sent only when the URL is on the
     * API's own origin.
     *
     * @param url an http(s) URL the provider returned
     * @param maxBytes the largest body accepted
     * @return the body, or a failed future: {@link TransportException} past the cap, after 3 redirects or on a
     *         redirect away from http(s); the API's exceptions for an HTTP error
     */
    @Override
    public CompletableFuture<byte[]> download(URI url, long maxBytes) {
        Optional<InvalidRequestException> invalid = ImageDownload.check(url, maxBytes);
        if (invalid.isPresent()) {
            return CompletableFuture.failedFuture(invalid.get());
        }
        return closed.get() ? closedFailure() : download.fetch(url, Math.min(maxBytes, settings.maxDownloadBytes()));
    }

    /**
     * {@link #download(URI, long)} with this transport's {@link Builder#maxDownloadBytes(long) maxDownloadBytes}.
     *
     * @param url an http(s) URL the provider returned
     * @return the body, or a failed future with a {@link GemPix2Exception}
     */
    public CompletableFuture<byte[]> download(URI url) {
        return download(url, settings.maxDownloadBytes());
    }

    /**
     * Releases the connection pool and the I/O threads, when this transport created them; a client passed to
     * {@link Builder#httpClient(CloseableHttpAsyncClient)} stays open (its owner closes it). Requests still in
     * flight fail with a {@link TransportException}. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true) || !ownsClient) {
            return;
        }
        client.close(CloseMode.GRACEFUL);
        try {
            client.awaitShutdown(TimeValue.ofSeconds(5));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "HttpClient5Transport[" + settings.baseUrl() + ", key " + settings.apiKey().masked() + "]";
    }

    /** @return the API's address, for observers */
    @Override
    public Optional<URI> baseUrl() {
        return Optional.of(settings.baseUrl());
    }

    private static <T> CompletableFuture<T> closedFailure() {
        return CompletableFuture.failedFuture(new TransportException(
                "This HttpClient5Transport is closed; build a new one", false, null));
    }

    /**
     * Builds an {@link HttpClient5Transport}. Every setting but the API key has a default, given on its setter.
     * Not thread-safe; {@link #build()} may be called more than once.
     */
    public static final class Builder {
        private URI baseUrl = DEFAULT_BASE_URL;
        private ApiKey apiKey;
        private HttpSettings.Builder http = HttpSettings.builder();
        private int maxConnections = 20;
        private CloseableHttpAsyncClient httpClient;
        private long maxDownloadBytes = 32L * 1024 * 1024;

        private Builder() {
        }

        /**
         * @param baseUrl the API's address, absolute http(s), may carry a path prefix; default
         *                {@code https://api.defapi.org}
         * @return this builder
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = HttpUrls.requireBase("baseUrl", baseUrl);
            return this;
        }

        /**
         * @param apiKey the GemPix2 API key ({@code dk-…}); required
         * @return this builder
         * @throws InvalidRequestException naming {@code api_key} when blank or malformed (never showing it)
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = ApiKey.of(apiKey);
            return this;
        }

        /**
         * @param apiKey the GemPix2 API key; required
         * @return this builder
         */
        public Builder apiKey(ApiKey apiKey) {
            if (apiKey == null) {
                throw InvalidRequestException.ofField("api_key", "must not be null");
            }
            this.apiKey = apiKey;
            return this;
        }

        /**
         * @param timeout how long to wait for a TCP (and TLS) connection; default 5 s. Ignored with
         *                {@link #httpClient(CloseableHttpAsyncClient)}, whose connection manager decides.
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            http.connectTimeout(timeout);
            return this;
        }

        /**
         * @param timeout how long the server may stay silent once a request is sent (also between chunks of a
         *                download); default 30 s. Applies to a user's own client too.
         * @return this builder
         */
        public Builder responseTimeout(Duration timeout) {
            http.responseTimeout(timeout);
            return this;
        }

        /**
         * @param max the most connections open at once, to each host and in total; default 20. Requests beyond
         *            it wait for a free connection. Ignored with {@link #httpClient(CloseableHttpAsyncClient)}.
         * @return this builder
         */
        public Builder maxConnections(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1, got " + max);
            }
            this.maxConnections = max;
            return this;
        }

        /**
         * All network settings at once: connect and response timeouts, proxy, default headers, user-agent suffix
         * (replacing what the other network setters set before). The way to apply the settings an application
         * read from its configuration.
         *
         * @param settings the network settings; default {@link HttpSettings#defaults()}
         * @return this builder
         */
        public Builder http(HttpSettings settings) {
            if (settings == null) {
                throw new IllegalArgumentException("http must not be null; use HttpSettings.defaults()");
            }
            this.http = settings.toBuilder();
            return this;
        }

        /**
         * @param proxy an HTTP proxy such as {@code http://proxy.local:3128}; default none (direct). Ignored with
         *              {@link #httpClient(CloseableHttpAsyncClient)}.
         * @return this builder
         */
        public Builder proxy(URI proxy) {
            return proxy(ProxySettings.of(proxy));
        }

        /**
         * @param proxy an HTTP proxy with optional basic-auth credentials and hosts reached directly; null for
         *              none (the default). Requests to https hosts are tunnelled with {@code CONNECT}. Ignored with
         *              {@link #httpClient(CloseableHttpAsyncClient)}.
         * @return this builder
         */
        public Builder proxy(ProxySettings proxy) {
            http.proxy(proxy);
            return this;
        }

        /**
         * Adds a header to every API request (submit and query; not to image downloads, which may go to other
         * hosts); a header the call gives itself wins.
         *
         * @param name an HTTP header name, not one the SDK or HTTP itself sets
         * @param value its value, on one line
         * @return this builder
         */
        public Builder defaultHeader(String name, String value) {
            http.defaultHeader(name, value);
            return this;
        }

        /**
         * @param suffix appended to {@code User-Agent: gempix2-java/<version> (httpclient5; Java <version>)}, e.g.
         *               {@code my-app/1.2}; default none
         * @return this builder
         */
        public Builder userAgentSuffix(String suffix) {
            http.userAgentSuffix(suffix == null || suffix.isBlank() ? null : suffix);
            return this;
        }

        /**
         * Uses your own pre-configured client (TLS, proxy, pool, interceptors) instead of creating one. The
         * transport starts it if needed and does not close it: you do. Each request still carries this
         * transport's response timeout, {@code User-Agent}, and turns off the client's redirect following (the
         * downloader follows up to 3 redirects itself). Turn off the client's automatic retries
         * ({@code disableAutomaticRetries()}): core decides what is safe to retry.
         *
         * @param client your client; default none (the transport creates and owns one)
         * @return this builder
         */
        public Builder httpClient(CloseableHttpAsyncClient client) {
            if (client == null) {
                throw new IllegalArgumentException("httpClient must not be null; leave it unset for the default");
            }
            this.httpClient = client;
            return this;
        }

        /**
         * @param maxBytes the largest image a download accepts; a larger body is aborted as it arrives with a
         *                 {@link TransportException}; default 32 MiB. Caps the client's own limit too.
         * @return this builder
         */
        public Builder maxDownloadBytes(long maxBytes) {
            if (maxBytes < 1) {
                throw new IllegalArgumentException("maxDownloadBytes must be positive, got " + maxBytes);
            }
            this.maxDownloadBytes = maxBytes;
            return this;
        }

        /**
         * @return a started transport
         * @throws InvalidRequestException naming {@code api_key} when no key was given
         */
        public HttpClient5Transport build() {
            if (apiKey == null) {
                throw InvalidRequestException.ofField("api_key",
                        "is required: call apiKey(...) or use fromEnv() with GEMPIX2_API_KEY set");
            }
            HttpSettings settings = http.build();
            String userAgent = UserAgent.value("httpclient5", settings.userAgentSuffix().orElse(null));
            return new HttpClient5Transport(new TransportSettings(baseUrl, apiKey, settings, maxConnections,
                    userAgent, httpClient, maxDownloadBytes));
        }
    }
}
