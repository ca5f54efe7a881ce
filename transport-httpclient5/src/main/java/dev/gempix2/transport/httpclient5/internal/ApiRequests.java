package dev.gempix2.transport.httpclient5.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.wire.ApiAnswerLimit;
import dev.gempix2.core.wire.AttemptHeaders;
import dev.gempix2.core.wire.RequestIds;
import dev.gempix2.core.wire.WireFormat;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;

/**
 * The API's two requests, submit and query: built with their headers (the defaults, then the call's own, then
 * the SDK's), sent once, their answers read within {@link ApiAnswerLimit#MAX_BYTES} and mapped by core's
 * {@link WireFormat}. Thread-safe.
 */
public final class ApiRequests {
    private final AsyncExchange exchange;
    private final TransportSettings settings;

    /**
     * @param exchange sends the requests
     * @param settings the API's address and key, the default headers, the {@code User-Agent}
     */
    public ApiRequests(AsyncExchange exchange, TransportSettings settings) {
        this.exchange = exchange;
        this.settings = settings;
    }

    /**
     * @param request the image request, not null
     * @param headers the call's own headers
     * @return the task id, or a failed future with a {@code GemPix2Exception}
     */
    public CompletableFuture<TaskId> submit(ImageRequest request, Map<String, String> headers) {
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
        AsyncRequestBuilder post = withHeaders(AsyncRequestBuilder.post(uri), headers, requestId).setEntity(body);
        CompletableFuture<HttpAnswer> sent = send(post, body, "POST " + uri);
        return PlainFailure.of(sent.thenApply(answer -> WireFormat.readSubmitResponse(answer.toWireResponse(requestId))),
                sent);
    }

    /**
     * @param id the task, not null
     * @param headers the call's own headers
     * @return the task, or a failed future with a {@code GemPix2Exception}
     */
    public CompletableFuture<Task> query(TaskId id, Map<String, String> headers) {
        URI uri = WireFormat.queryUri(settings.baseUrl(), id);
        String requestId = RequestIds.newId();
        CompletableFuture<HttpAnswer> sent =
                send(withHeaders(AsyncRequestBuilder.get(uri), headers, requestId), null, "GET " + uri);
        return PlainFailure.of(
                sent.thenApply(answer -> WireFormat.readQueryResponse(answer.toWireResponse(requestId), id)), sent);
    }

    private AsyncRequestBuilder withHeaders(AsyncRequestBuilder request, Map<String, String> headers,
                                            String requestId) {
        settings.http().defaultHeaders().forEach(request::setHeader);
        headers.forEach(request::setHeader);                    // a call's own header wins over a default
        AttemptHeaders.current().forEach(request::setHeader);   // e.g. an observer's traceparent
        return request
                .setHeader(RequestIds.HEADER, requestId)
                .setHeader(new MaskedAuthorization(settings.apiKey()))
                .setHeader(HttpHeaders.ACCEPT, "application/json")
                .setHeader(HttpHeaders.USER_AGENT, settings.userAgent());
    }

    private CompletableFuture<HttpAnswer> send(AsyncRequestBuilder request, SendWatchingEntity body, String action) {
        BoundedBodyConsumer consumer = new BoundedBodyConsumer(ApiAnswerLimit.MAX_BYTES,
                declared -> ApiAnswerLimit.tooLarge(action, declared).getMessage());
        return exchange.send(request.build(), body, consumer, action);
    }
}
