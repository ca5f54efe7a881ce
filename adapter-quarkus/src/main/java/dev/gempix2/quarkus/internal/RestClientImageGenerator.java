package dev.gempix2.quarkus.internal;

import dev.gempix2.core.HttpSettings;
import dev.gempix2.core.error.ApiException;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.core.wire.RequestIds;
import dev.gempix2.core.wire.AttemptHeaders;
import dev.gempix2.core.wire.UserAgent;
import dev.gempix2.core.wire.WireFormat;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * {@link ImageGenerator} over the Quarkus REST Client: one non-blocking request per call, the answer read by
 * {@link WireFormat}, I/O failures turned into {@code TransportException}s.
 */
public final class RestClientImageGenerator implements ImageGenerator {
    private final GemPix2RestApi api;
    private final ApiKey apiKey;
    private final boolean ownsApi;
    private final Optional<URI> baseUrl;
    private final HttpSettings settings;
    private final String userAgent;

    /**
     * @param api the REST client, built by CDI ({@code @RestClient}) or {@link StandaloneRestClients}
     * @param apiKey the key sent with every request
     * @param ownsApi whether {@link #close()} closes the REST client (never one CDI manages)
     */
    public RestClientImageGenerator(GemPix2RestApi api, ApiKey apiKey, boolean ownsApi) {
        this(api, apiKey, ownsApi, null);
    }

    /**
     * @param api the REST client, built by CDI ({@code @RestClient}) or {@link StandaloneRestClients}
     * @param apiKey the key sent with every request
     * @param ownsApi whether {@link #close()} closes the REST client (never one CDI manages)
     * @param baseUrl the REST client's base URL, told to observers; null when unknown
     */
    public RestClientImageGenerator(GemPix2RestApi api, ApiKey apiKey, boolean ownsApi, URI baseUrl) {
        this(api, apiKey, ownsApi, baseUrl, HttpSettings.defaults());
    }

    /**
     * @param api the REST client, built by CDI ({@code @RestClient}) or {@link StandaloneRestClients} with
     *            {@code settings}' timeouts and proxy
     * @param apiKey the key sent with every request
     * @param ownsApi whether {@link #close()} closes the REST client (never one CDI manages)
     * @param baseUrl the REST client's base URL, told to observers; null when unknown
     * @param settings the network settings: their default headers and user-agent suffix are applied here, and a
     *                 {@code 407} from their proxy fails naming it
     */
    public RestClientImageGenerator(GemPix2RestApi api, ApiKey apiKey, boolean ownsApi, URI baseUrl,
                                    HttpSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.userAgent = settings.userAgentSuffix().isEmpty() ? null
                : UserAgent.value("quarkus", settings.userAgentSuffix().get());
        this.api = Objects.requireNonNull(api, "api");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.ownsApi = ownsApi;
        this.baseUrl = Optional.ofNullable(baseUrl);
    }

    /** @return the API's address, for observers, when known */
    @Override
    public Optional<URI> baseUrl() {
        return baseUrl;
    }

    @Override
    public CompletableFuture<TaskId> submit(ImageRequest request) {
        return submit(request, Map.of());
    }

    /** {@inheritDoc} The extra headers are added to the request by {@link ExchangeConnections}. */
    @Override
    public CompletableFuture<TaskId> submit(ImageRequest request, Map<String, String> headers) {
        String requestId = RequestIds.newId();
        return call(requestId, withDefaults(headers), () -> api.submit(apiKey.authorizationHeader(), requestId,
                        traceHeader("traceparent"), traceHeader("tracestate"),
                        WireResponses.write(WireFormat.requestBody(request)))
                .map(response -> WireFormat.readSubmitResponse(WireResponses.read(response, requestId))));
    }

    @Override
    public CompletableFuture<Task> query(TaskId id) {
        return query(id, Map.of());
    }

    /** {@inheritDoc} The extra headers are added to the request by {@link ExchangeConnections}. */
    @Override
    public CompletableFuture<Task> query(TaskId id, Map<String, String> headers) {
        String requestId = RequestIds.newId();
        return call(requestId, withDefaults(headers), () -> api.query(apiKey.authorizationHeader(), requestId,
                        traceHeader("traceparent"), traceHeader("tracestate"), id.value())
                .map(response -> WireFormat.readQueryResponse(WireResponses.read(response, requestId), id)));
    }

    /** An observer's trace header for the request built now (see {@link AttemptHeaders}), or null. */
    private static String traceHeader(String name) {
        return AttemptHeaders.current().get(name);
    }

    // The default headers, the call's own over them, and the User-Agent with its suffix (the filter puts each).
    private Map<String, String> withDefaults(Map<String, String> headers) {
        if (settings.defaultHeaders().isEmpty() && userAgent == null) {
            return headers;
        }
        Map<String, String> merged = settings.headersWith(headers);
        if (userAgent != null) {
            merged.put("User-Agent", userAgent);
        }
        return merged;
    }

    private <T> CompletableFuture<T> call(String requestId, Map<String, String> headers,
                                                 Supplier<Uni<T>> exchange) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<T> answer = new CompletableFuture<>();
        // Cancelling the REST Client's future does not stop its exchange: a cancelled call (a deadline) closes the
        // exchange's connection instead, so that a silent server cannot hold the pool. Tracked before sending.
        ExchangeConnections.Slot connection = ExchangeConnections.track(requestId, headers, answer::isDone);
        try {
            exchange.get()
                    .onFailure().transform(failure -> ProxyOptionsFromSettings.refusalOr(
                            withRequestId(TransportFailures.toGemPix2(failure), requestId),
                            settings.proxy().orElse(null)))
                    .subscribe().with(answer::complete, answer::completeExceptionally);
        } catch (RuntimeException failedBeforeSending) {
            connection.release();
            return CompletableFuture.failedFuture(TransportFailures.toGemPix2(failedBeforeSending));
        }
        answer.whenComplete((value, failure) -> {
            connection.release();
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(value);
            }
        });
        result.whenComplete((ignored, failure) -> {
            if (result.isCancelled()) {
                connection.abort();
            }
        });
        return result;
    }

    /** {@link ErrorResponseMapper} sees the answer, not the request: the id the request carried is added here. */
    private static GemPix2Exception withRequestId(GemPix2Exception failure, String requestId) {
        if (failure instanceof ApiException api && api.requestId().isEmpty()) {
            api.withResponse(requestId, api.responseHeaders(), null);
        }
        return failure;
    }

    @Override
    public void close() {
        if (ownsApi) {
            StandaloneRestClients.close(api);
        }
    }

    @Override
    public String toString() {
        return "RestClientImageGenerator[key=" + apiKey + "]";
    }
}
