package dev.gempix2.transport.httpclient5.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the async client a transport owns: a connection pool with keep-alive over HTTP/1.1, the I/O reactor
 * on a few daemon threads, and none of HttpClient's own retries or redirects (core retries; the downloader
 * follows redirects itself, within its limits).
 */
public final class AsyncClientSetup {
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private AsyncClientSetup() {
    }

    /**
     * @param settings the transport's settings
     * @return a started client
     */
    public static CloseableHttpAsyncClient create(TransportSettings settings) {
        return create(settings, null);
    }

    /**
     * @param settings the transport's settings
     * @param proxy the routes through a proxy, or null to connect directly
     * @return a started client
     */
    public static CloseableHttpAsyncClient create(TransportSettings settings, ProxyRoutes proxy) {
        Timeout connect = Timeout.of(settings.connectTimeout());
        Timeout response = Timeout.of(settings.responseTimeout());
        HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(settings.maxConnections())
                        .setMaxConnPerRoute(settings.maxConnections())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect)
                                .setSocketTimeout(response)
                                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                .build())
                        .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
                        .build())
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setIoThreadCount(Math.min(2, Runtime.getRuntime().availableProcessors()))
                        .setSoTimeout(response)
                        .build())
                .setThreadFactory(daemonThreads("gempix2-httpclient5-" + CLIENTS.incrementAndGet() + "-io-"))
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(response)
                        .setRedirectsEnabled(false)
                        .build())
                .setUserAgent(settings.userAgent())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching();
        if (proxy != null) {
            proxy.install(builder);
        }
        CloseableHttpAsyncClient client = builder.build();
        client.start();
        return client;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
