package dev.gempix2.transport.httpclient5.internal;

import dev.gempix2.core.wire.ProxyRefusal;
import dev.gempix2.core.wire.WireFormat;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends one request on the async client and completes a future with the fully read answer, or with the mapped
 * {@code TransportException}. No thread waits: the future completes on the client's I/O thread. Cancelling the
 * future aborts the exchange and frees its connection.
 *
 * <p>Each request carries its own config (response timeout, redirects off), so that these hold on a client the
 * user built too.
 */
public final class AsyncExchange {
    private static final System.Logger LOG = System.getLogger("dev.gempix2");

    private final CloseableHttpAsyncClient client;
    private final RequestConfig requestConfig;
    private final ProxyRoutes proxy;

    /**
     * @param client a started client
     * @param settings where the response timeout comes from
     * @param proxy the routes through a proxy the client was built with, or null
     */
    public AsyncExchange(CloseableHttpAsyncClient client, TransportSettings settings, ProxyRoutes proxy) {
        this.client = client;
        this.proxy = proxy;
        this.requestConfig = RequestConfig.custom()
                .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                .setRedirectsEnabled(false)
                .build();
    }

    /**
     * @param request the request
     * @param body the request's body when it has one (to tell whether it was sent), else null
     * @param consumer reads the answer within its size limit
     * @param action the call as the messages name it, e.g. {@code "POST https://host/api/image/gen"}
     * @return the answer, whatever its status; or a failed future with a {@code TransportException}
     */
    public CompletableFuture<HttpAnswer> send(AsyncRequestProducer request, SendWatchingEntity body,
                                              BoundedBodyConsumer consumer, String action) {
        CompletableFuture<HttpAnswer> result = new CompletableFuture<>();
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(requestConfig);
        if (proxy != null) {
            proxy.preempt(context);
        }
        try {
            CancelOnceSending cancellable = new CancelOnceSending(request);
            Future<HttpAnswer> exchange = client.execute(cancellable, consumer, null, context, new FutureCallback<>() {
                @Override
                public void completed(HttpAnswer answer) {
                    if (!answer.isSuccessful()) {
                        LOG.log(Level.DEBUG, () -> action + " answered HTTP " + answer.status() + ": "
                                + preview(answer.body()));
                    }
                    if (proxy != null && answer.status() == ProxyRefusal.PROXY_AUTHENTICATION_REQUIRED) {
                        result.completeExceptionally(ProxyRefusal.refused(proxy.proxy(), null));
                        return;
                    }
                    result.complete(answer);
                }

                @Override
                public void failed(Exception failure) {
                    fail(failure);
                }

                @Override
                public void cancelled() {
                    fail(new CancellationException("request cancelled"));
                }

                private void fail(Exception failure) {
                    boolean bodyNeverSent = body != null && !body.sendingStarted();
                    LOG.log(Level.DEBUG, () -> action + " failed: " + failure);
                    result.completeExceptionally(TransportFailures.map(failure, action, bodyNeverSent));
                }
            });
            cancellable.exchange(exchange);
            // A deadline (or a wait that ended) cancels the future: abort the exchange, which frees its connection
            // (once it holds one: see CancelOnceSending).
            result.whenComplete((answer, failure) -> {
                if (result.isCancelled()) {
                    cancellable.cancel();
                }
            });
        } catch (RuntimeException refused) {
            // The client would not even take the request (it is shut down): nothing went out.
            result.completeExceptionally(TransportFailures.map(refused, action, true));
        }
        return result;
    }

    private static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        return WireFormat.redactSecrets(text.replaceAll("\\s+", " ").strip());
    }
}
