package dev.gempix2.micronaut.internal;

import dev.gempix2.core.HttpSettings;
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
import dev.gempix2.core.wire.WireResponse;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.StreamingHttpClient;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link ImageGenerator} and {@link ImageDownloader} over Micronaut's HTTP client. It sends absolute URLs built
 * by {@link WireFormat} through the client the application configured under the service id {@code gempix2}, and
 * leaves every mapping rule to {@link WireFormat}: this class only moves bytes and parses JSON into plain values.
 *
 * <p>Non-blocking: every call returns at once; futures complete on Micronaut's event loop. Cancelling a future
 * cancels its exchange, which closes the connection: this is how the client enforces a call's deadline. Does not own the
 * HTTP client (the application context does), so {@link #close()} leaves it open.
 */
public final class MicronautHttpTransport implements ImageGenerator, ImageDownloader {
    private static final Argument<byte[]> BYTES = Argument.of(byte[].class);

    private final StreamingHttpClient http;
    private final HttpSettings settings;
    private final String userAgent;
    private final ResponseReader reader;
    private final URI baseUrl;
    private final ApiKey apiKey;
    private final MicronautDownload downloads;

    /**
     * @param http the HTTP client, qualified with {@code @Client(id = "gempix2")}
     * @param json the application's JSON mapper
     * @param baseUrl the API's base URL
     * @param apiKey the key sent to the API (and to image URLs on the API's own origin, never elsewhere)
     * @param clientMaxRedirects the {@code max-redirects} of the client's configuration
     */
    public MicronautHttpTransport(StreamingHttpClient http, JsonMapper json, URI baseUrl, ApiKey apiKey,
                                  int clientMaxRedirects) {
        this(http, json, baseUrl, apiKey, clientMaxRedirects, HttpSettings.defaults());
    }

    /**
     * @param http the HTTP client, with {@code settings}' timeouts and proxy applied (see
     *             {@link HttpSettingsClients#clientFor})
     * @param json the application's JSON mapper
     * @param baseUrl the API's base URL
     * @param apiKey the key sent to the API (and to image URLs on the API's own origin, never elsewhere)
     * @param clientMaxRedirects the {@code max-redirects} of the client's configuration
     * @param settings the network settings: their default headers and user-agent suffix are applied here
     */
    public MicronautHttpTransport(StreamingHttpClient http, JsonMapper json, URI baseUrl, ApiKey apiKey,
                                  int clientMaxRedirects, HttpSettings settings) {
        this.http = Objects.requireNonNull(http, "http");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.userAgent = UserAgent.value("micronaut", settings.userAgentSuffix().orElse(null));
        this.reader = new ResponseReader(Objects.requireNonNull(json, "json"), settings.proxy().orElse(null));
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.downloads = new MicronautDownload(http, reader, baseUrl, apiKey, userAgent,
                Math.max(0, clientMaxRedirects - DownloadRules.MAX_REDIRECTS));
    }

    @Override
    public CompletableFuture<TaskId> submit(ImageRequest request) {
        return submit(request, Map.of());
    }

    @Override
    public CompletableFuture<TaskId> submit(ImageRequest request, Map<String, String> headers) {
        byte[] body;
        try {
            body = reader.json().writeValueAsBytes(WireFormat.requestBody(request));
        } catch (IOException | RuntimeException unwritable) {
            return CompletableFuture.failedFuture(
                    new TransportException("Could not write the request as JSON", false, unwritable));
        }
        MutableHttpRequest<byte[]> post = HttpRequest.POST(WireFormat.submitUri(baseUrl), body)
                .contentType(MediaType.APPLICATION_JSON_TYPE);
        withHeaders(post, headers);
        CompletableFuture<WireResponse> answer = exchange(post);
        return CancelLink.cancelling(answer.thenApply(WireFormat::readSubmitResponse), answer);
    }

    @Override
    public CompletableFuture<Task> query(TaskId id) {
        return query(id, Map.of());
    }

    @Override
    public CompletableFuture<Task> query(TaskId id, Map<String, String> headers) {
        MutableHttpRequest<?> get = HttpRequest.GET(WireFormat.queryUri(baseUrl, id));
        withHeaders(get, headers);
        CompletableFuture<WireResponse> answer = exchange(get);
        return CancelLink.cancelling(answer.thenApply(response -> WireFormat.readQueryResponse(response, id)), answer);
    }

    @Override
    public CompletableFuture<byte[]> download(URI url, long maxBytes) {
        try {
            DownloadRules.requireHttp(url);
        } catch (TransportException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        return downloads.download(url, maxBytes);
    }

    /** @return the API's address, for observers */
    @Override
    public Optional<URI> baseUrl() {
        return Optional.of(baseUrl);
    }

    // Merged first: Micronaut's header() adds a value, it does not replace one.
    private void withHeaders(MutableHttpRequest<?> request, Map<String, String> headers) {
        settings.headersWith(headers).forEach(request::header);
    }

    private CompletableFuture<WireResponse> exchange(MutableHttpRequest<?> request) {
        String requestId = RequestIds.newId();
        AttemptHeaders.current().forEach(request::header);   // e.g. an observer's traceparent
        request.header(HttpHeaders.AUTHORIZATION, apiKey.authorizationHeader())
                .header(RequestIds.HEADER, requestId)
                .header(HttpHeaders.USER_AGENT, userAgent)
                .accept(MediaType.APPLICATION_JSON_TYPE);
        String what = request.getMethodName() + " " + request.getUri().getPath();
        ExchangeChannels.Slot connection = ExchangeChannels.track(requestId);
        try {
            CompletableFuture<WireResponse> answer =
                    StreamedAnswer.collect(reader, http.exchangeStream(request, BYTES), requestId, what);
            // Cancelling the stream leaves the connection reading the rest of the answer: close it instead.
            answer.whenComplete((ignored, failure) -> {
                if (answer.isCancelled()) {
                    connection.abort();
                } else {
                    connection.release();
                }
            });
            return CancelLink.cancelling(
                    answer.exceptionallyCompose(failure -> reader.recover(failure, what, requestId)), answer);
        } catch (RuntimeException refused) {
            connection.release();
            return CompletableFuture.failedFuture(reader.failure(refused, what));
        }
    }

    /** The HTTP client belongs to the application context, which closes it; nothing else is held. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "MicronautHttpTransport[baseUrl=" + baseUrl + ", apiKey=" + apiKey.masked() + "]";
    }
}
