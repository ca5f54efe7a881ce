package dev.gempix2.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.wire.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The floor of a call: what a user writes by hand with HttpClient 5's async client and Jackson's tree model,
 * with no SDK. It shares its {@link CloseableHttpAsyncClient} (pool and I/O threads) with the transport under
 * test, so the two differ only in what the SDK adds.
 */
final class RawHttpFloor implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloseableHttpAsyncClient client;
    private final URI baseUrl;
    private final String authorization;

    RawHttpFloor(CloseableHttpAsyncClient client, URI baseUrl, ApiKey key) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.authorization = key.authorizationHeader();
    }

    /**
     * @param maxConnections the pool's size
     * @return a started client set up as the transport sets up its own (pool, 2 I/O threads, no retries)
     */
    static CloseableHttpAsyncClient sharedClient(int maxConnections) {
        CloseableHttpAsyncClient client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(10))
                                .setSocketTimeout(Timeout.ofSeconds(60))
                                .build())
                        .build())
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setIoThreadCount(Math.min(2, Runtime.getRuntime().availableProcessors())).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(60)).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
        client.start();
        return client;
    }

    /** @return the task's status, read as a user would: GET, then Jackson's tree */
    CompletableFuture<String> query(TaskId id) {
        SimpleHttpRequest get = SimpleRequestBuilder.get(WireFormat.queryUri(baseUrl, id))
                .addHeader("Authorization", authorization).addHeader("Accept", "application/json").build();
        return execute(get).thenApply(tree -> tree.path("data").path("status").asText());
    }

    /** @return the new task's id, read as a user would: POST a JSON body, then Jackson's tree */
    CompletableFuture<String> submit(ImageRequest request) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(WireFormat.requestBody(request));
        } catch (IOException unwritable) {
            return CompletableFuture.failedFuture(unwritable);
        }
        SimpleHttpRequest post = SimpleRequestBuilder.post(WireFormat.submitUri(baseUrl))
                .addHeader("Authorization", authorization).addHeader("Accept", "application/json")
                .setBody(body, ContentType.APPLICATION_JSON).build();
        return execute(post).thenApply(tree -> tree.path("data").path("task_id").asText());
    }

    /** @return the body of a GET of any URL on the same pool (with the API key), as bytes */
    CompletableFuture<byte[]> bytes(URI url) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        client.execute(SimpleRequestBuilder.get(url).addHeader("Authorization", authorization).build(),
                callback(result));
        return result;
    }

    private CompletableFuture<JsonNode> execute(SimpleHttpRequest request) {
        CompletableFuture<byte[]> body = new CompletableFuture<>();
        client.execute(request, callback(body));
        return body.thenApply(bytes -> {
            try {
                return JSON.readTree(bytes);
            } catch (IOException malformed) {
                throw new UncheckedIOException(malformed);
            }
        });
    }

    private static FutureCallback<SimpleHttpResponse> callback(CompletableFuture<byte[]> result) {
        return new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                if (response.getCode() / 100 != 2) {
                    result.completeExceptionally(new IOException("HTTP " + response.getCode()));
                } else {
                    result.complete(response.getBodyBytes());
                }
            }

            @Override
            public void failed(Exception failure) {
                result.completeExceptionally(failure);
            }

            @Override
            public void cancelled() {
                result.cancel(false);
            }
        };
    }

    /** Closes nothing: the shared client belongs to whoever created it. */
    @Override
    public void close() {
    }

    /** Closes a shared client at once. */
    static void closeClient(CloseableHttpAsyncClient client) {
        client.close(CloseMode.IMMEDIATE);
    }
}
