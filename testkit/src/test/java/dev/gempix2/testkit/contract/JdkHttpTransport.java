package dev.gempix2.testkit.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.error.ResponseTooLargeException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.core.wire.RequestIds;
import dev.gempix2.core.wire.UserAgent;
import dev.gempix2.core.wire.WireFormat;
import dev.gempix2.core.wire.WireResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * A small transport over the JDK's HTTP client, for the testkit's own tests only: it shows that the contract
 * suites can be met by a transport that follows core's {@code WireFormat}, and that the fake speaks the spec.
 */
final class JdkHttpTransport implements ImageGenerator, ImageDownloader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REDIRECTS = 3;

    private final URI baseUrl;
    private final ApiKey key;
    private final Duration timeout;
    private final HttpClient client;
    private final String scheme;

    JdkHttpTransport(URI baseUrl, ApiKey key, Duration timeout) {
        this(baseUrl, key, timeout, "Bearer");
    }

    // A scheme other than "Bearer" makes a deliberately wrong transport, to show the contract catches it.
    JdkHttpTransport(URI baseUrl, ApiKey key, Duration timeout, String scheme) {
        this.scheme = scheme;
        this.baseUrl = baseUrl;
        this.key = key;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public CompletableFuture<TaskId> submit(ImageRequest request) {
        try {
            HttpRequest http = authorized(WireFormat.submitUri(baseUrl))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(WireFormat.requestBody(request))))
                    .build();
            return exchange(http, WireFormat::readSubmitResponse);
        } catch (IOException impossible) {
            return CompletableFuture.failedFuture(new TransportException("cannot write the body", impossible));
        }
    }

    @Override
    public CompletableFuture<Task> query(TaskId id) {
        HttpRequest http = authorized(WireFormat.queryUri(baseUrl, id)).GET().build();
        return exchange(http, response -> WireFormat.readQueryResponse(response, id));
    }

    private HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", scheme + " " + key.reveal())
                .header(RequestIds.HEADER, RequestIds.newId()).header("User-Agent", UserAgent.value("jdk", null));
    }

    private <T> CompletableFuture<T> exchange(HttpRequest request, Function<WireResponse, T> reader) {
        String requestId = request.headers().firstValue(RequestIds.HEADER).orElse(null);
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new CompletionException(transportFailure(failure));
                    }
                    return reader.apply(wire(response.statusCode(), response.body(),
                            response.headers().firstValue("Retry-After").orElse(null))
                            .withExchange(response.headers().map(), requestId));
                });
    }

    private static WireResponse wire(int status, byte[] body, String retryAfter) {
        return WireResponse.parse(status, body, retryAfter);
    }

    private static GemPix2Exception transportFailure(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String what = cause instanceof HttpTimeoutException ? "timed out" : "failed";
        return new TransportException("the request to GemPix2 " + what + ": " + cause, cause);
    }

    @Override
    public CompletableFuture<byte[]> download(URI url, long maxBytes) {
        // The JDK's request timeout covers the headers only; a body that stops coming needs a deadline of its own.
        return CompletableFuture.supplyAsync(() -> downloadBlocking(url, maxBytes, 0))
                .orTimeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                        failure instanceof java.util.concurrent.TimeoutException
                                ? new TransportException("the download of " + url + " timed out after " + timeout,
                                        failure)
                                : failure));
    }

    private byte[] downloadBlocking(URI url, long maxBytes, int redirects) {
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
            throw new TransportException("refusing to fetch a non-http(s) URL: " + url.getScheme(), null);
        }
        try {
            HttpResponse<InputStream> response = client.send(
                    HttpRequest.newBuilder(url).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                response.body().close();
                if (redirects >= MAX_REDIRECTS) {
                    throw new TransportException("more than " + MAX_REDIRECTS + " redirects from " + url, null);
                }
                return downloadBlocking(url.resolve(response.headers().firstValue("Location").get()), maxBytes,
                        redirects + 1);
            }
            byte[] body = readAtMost(response.body(), maxBytes);
            if (status >= 300) {
                throw WireFormat.error(wire(status, body, response.headers().firstValue("Retry-After").orElse(null)));
            }
            return body;
        } catch (IOException failure) {
            throw transportFailure(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted", interrupted);
        }
    }

    private static byte[] readAtMost(InputStream in, long maxBytes) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                if (out.size() > maxBytes) {
                    throw new ResponseTooLargeException("the image is larger than " + maxBytes + " bytes", maxBytes);
                }
            }
            return out.toByteArray();
        }
    }
}
