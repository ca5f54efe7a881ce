package dev.gempix2.transport.httpclient5;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.core.wire.AttemptHeaders;
import dev.gempix2.core.wire.DownloadRules;
import dev.gempix2.core.wire.RequestIds;
import dev.gempix2.core.wire.UserAgent;
import dev.gempix2.core.wire.WireFormat;
import dev.gempix2.transport.httpclient5.internal.AsyncClientSetup;
import dev.gempix2.transport.httpclient5.internal.AsyncExchange;
import dev.gempix2.transport.httpclient5.internal.BoundedBodyConsumer;
import dev.gempix2.transport.httpclient5.internal.HttpAnswer;
import dev.gempix2.transport.httpclient5.internal.ImageDownload;
import dev.gempix2.transport.httpclient5.internal.JsonCodec;
import dev.gempix2.transport.httpclient5.internal.PlainFailure;
import dev.gempix2.transport.httpclient5.internal.MaskedAuthorization;
import dev.gempix2.transport.httpclient5.internal.SendWatchingEntity;
import dev.gempix2.transport.httpclient5.internal.TransportSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
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
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.defapi.org");

    private final TransportSettings settings;
    private final CloseableHttpAsyncClient client;
    private final boolean ownsClient;
    private final AsyncExchange exchange;
    private final ImageDownload download;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpClient5Transport(TransportSettings settings) {
        this.settings = settings;
        this.ownsClient = settings.userClient() == null;
        this.client = ownsClient ? AsyncClientSetup.create(settings) : settings.userClient();
        if (!ownsClient) {
            client.start(); // a no-op when the user already started it
        }
        this.exchange = new AsyncExchange(client, settings);
        this.download = new ImageDownload(exchange, settings);
    }

    /** @return a builder; {@link Builder#apiKey(String)} is the one required setting */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A transport configured from the process environment: {@code GEMPIX2_API_KEY} (required) and
     * {@code GEMPIX2_BASE_URL} (default {@code https://api.defapi.org}); everything else at its default.
     *
     * @return a new transport
     * @throws InvalidRequestException naming {@code GEMPIX2_API_KEY} or {@code GEMPIX2_BASE_URL} when unusable
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
        String key = environment.get("GEMPIX2_API_KEY");
        if (key == null || key.isBlank()) {
            throw InvalidRequestException.ofField("GEMPIX2_API_KEY", "is not set; it holds your GemPix2 API key");
        }
        Builder builder = builder().apiKey(key);
        String base = environment.get("GEMPIX2_BASE_URL");
        if (base != null && !base.isBlank()) {
            try {
                builder.baseUrl(URI.create(base.strip()));
            } catch (IllegalArgumentException invalid) {
                throw InvalidRequestException.ofField("GEMPIX2_BASE_URL",
                        "must be an absolute http(s) URL such as https://api.defapi.org, got '" + base + "'");
            }
        }
        return builder.build();
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
        byte[] json;
        try {
            json = JsonCodec.write(WireFormat.requestBody(request));
        } catch (JsonProcessingException unwritable) {
            return CompletableFuture.failedFuture(InvalidRequestException.ofField("extra",
                    "holds a value with no JSON form: " + unwritable.getOriginalMessage()));
        }
        URI uri = WireFormat.submitUri(settings.baseUrl());
        SendWatchingEntity body = new SendWatchingEntity(AsyncEntityProducers.create(json, ContentType.APPLICATION_JSON));
        String requestId = RequestIds.newId();
        AsyncRequestBuilder post = apiRequest(AsyncRequestBuilder.post(uri), headers, requestId).setEntity(body);
        CompletableFuture<HttpAnswer> sent = api(post, body, "POST " + uri);
        return PlainFailure.of(sent.thenApply(answer -> WireFormat.readSubmitResponse(answer.toWireResponse(requestId))),
                sent);
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
        URI uri = WireFormat.queryUri(settings.baseUrl(), id);
        String requestId = RequestIds.newId();
        CompletableFuture<HttpAnswer> sent =
                api(apiRequest(AsyncRequestBuilder.get(uri), headers, requestId), null, "GET " + uri);
        return PlainFailure.of(
                sent.thenApply(answer -> WireFormat.readQueryResponse(answer.toWireResponse(requestId), id)), sent);
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
        if (url == null || !url.isAbsolute() || url.getHost() == null
                || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
            return CompletableFuture.failedFuture(InvalidRequestException.ofField("url",
                    "must be an absolute http(s) URL, got " + (url == null ? null : DownloadRules.shown(url))));
        }
        if (maxBytes <= 0) {
            return CompletableFuture.failedFuture(InvalidRequestException.ofField("maxBytes", "must be positive"));
        }
        if (closed.get()) {
            return closedFailure();
        }
        return download.fetch(url, Math.min(maxBytes, settings.maxDownloadBytes()));
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

    private AsyncRequestBuilder apiRequest(AsyncRequestBuilder request, Map<String, String> headers,
                                           String requestId) {
        headers.forEach(request::setHeader);
        AttemptHeaders.current().forEach(request::setHeader);   // e.g. an observer's traceparent
        return request
                .setHeader(RequestIds.HEADER, requestId)
                .setHeader(new MaskedAuthorization(settings.apiKey()))
                .setHeader(HttpHeaders.ACCEPT, "application/json")
                .setHeader(HttpHeaders.USER_AGENT, settings.userAgent());
    }

    private CompletableFuture<HttpAnswer> api(AsyncRequestBuilder request, SendWatchingEntity body, String action) {
        if (closed.get()) {
            return closedFailure();
        }
        BoundedBodyConsumer consumer = new BoundedBodyConsumer(JsonCodec.MAX_BODY_BYTES, declared -> "GemPix2's answer to "
                + action + " is larger than the limit of " + JsonCodec.MAX_BODY_BYTES + " bytes"
                + (declared < 0 ? "" : " (its Content-Length is " + declared + ")")
                + "; reading stopped there. The API never sends such answers; check the base URL.");
        return exchange.send(request.build(), body, consumer, action);
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
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration responseTimeout = Duration.ofSeconds(30);
        private int maxConnections = 20;
        private URI proxy;
        private String userAgentSuffix;
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
            if (baseUrl == null || !baseUrl.isAbsolute() || baseUrl.getHost() == null || !isHttp(baseUrl)
                    || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
                throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL without query or "
                        + "fragment, such as https://api.defapi.org; got " + baseUrl);
            }
            this.baseUrl = baseUrl;
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

        /** @param apiKey the GemPix2 API key; required @return this builder */
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
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * @param timeout how long the server may stay silent once a request is sent (also between chunks of a
         *                download); default 30 s. Applies to a user's own client too.
         * @return this builder
         */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = positive(timeout, "responseTimeout");
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
         * @param proxy an HTTP proxy such as {@code http://proxy.local:3128}; default none (direct). For proxy
         *              authentication or a {@code ProxySelector}, configure your own client instead.
         *              Ignored with {@link #httpClient(CloseableHttpAsyncClient)}.
         * @return this builder
         */
        public Builder proxy(URI proxy) {
            if (proxy == null || proxy.getHost() == null || !isHttp(proxy)) {
                throw new IllegalArgumentException("proxy must be an http(s) URL such as http://proxy.local:3128, got "
                        + proxy);
            }
            this.proxy = proxy;
            return this;
        }

        /**
         * @param suffix appended to {@code User-Agent: gempix2-java/<version> (httpclient5; Java <version>)}, e.g.
         *               {@code my-app/1.2}; default
         *               none
         * @return this builder
         */
        public Builder userAgentSuffix(String suffix) {
            if (suffix != null && !suffix.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("userAgentSuffix must be printable ASCII on one line");
            }
            this.userAgentSuffix = suffix == null || suffix.isBlank() ? null : suffix.strip();
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
            String userAgent = UserAgent.value("httpclient5", userAgentSuffix);
            return new HttpClient5Transport(new TransportSettings(baseUrl, apiKey, connectTimeout, responseTimeout,
                    maxConnections, proxy, userAgent, httpClient, maxDownloadBytes));
        }

        private static boolean isHttp(URI uri) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https");
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
            }
            return value;
        }
    }
}
