package dev.gempix2.micronaut.internal;

import dev.gempix2.core.HttpSettings;
import dev.gempix2.core.ProxySettings;
import io.micronaut.context.BeanContext;
import io.micronaut.http.client.HttpClientConfiguration;
import io.micronaut.http.client.LoadBalancer;
import io.micronaut.http.client.StreamingHttpClient;
import io.micronaut.http.client.StreamingHttpClientRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;

/**
 * Applies {@link HttpSettings} to Micronaut's HTTP client: the application's {@code gempix2} client when the
 * settings ask for nothing it does not already do, else a client of the context's registry (so the context's
 * customizers apply, and it closes with the context) on a copy of that client's configuration with the settings'
 * timeouts and proxy: its address and basic-auth credentials, and a {@link ProxySelector} that sends a non-proxy
 * host directly.
 */
public final class HttpSettingsClients {

    private HttpSettingsClients() {
    }

    /**
     * @param configuration the {@code gempix2} client's configuration
     * @return the settings it already applies: its connect and read timeouts (or the defaults)
     */
    public static HttpSettings read(HttpClientConfiguration configuration) {
        return HttpSettings.builder()
                .connectTimeout(configuration.getConnectTimeout().orElse(HttpSettings.DEFAULT_CONNECT_TIMEOUT))
                .responseTimeout(configuration.getReadTimeout().orElse(HttpSettings.DEFAULT_RESPONSE_TIMEOUT))
                .build();
    }

    /**
     * @param http the {@code gempix2.*} network settings
     * @param configuration the {@code gempix2} client's configuration
     * @return the settings, with each timeout left at its default replaced by the client configuration's own
     */
    public static HttpSettings withClientTimeouts(HttpSettings http, HttpClientConfiguration configuration) {
        HttpSettings client = read(configuration);
        HttpSettings.Builder builder = http.toBuilder();
        if (http.connectTimeout().equals(HttpSettings.DEFAULT_CONNECT_TIMEOUT)) {
            builder.connectTimeout(client.connectTimeout());
        }
        if (http.responseTimeout().equals(HttpSettings.DEFAULT_RESPONSE_TIMEOUT)) {
            builder.responseTimeout(client.responseTimeout());
        }
        return builder.build();
    }

    /**
     * @param http the settings to apply
     * @param configuration the {@code gempix2} client's configuration
     * @param configured the {@code gempix2} client
     * @param beans the context, for its client registry
     * @return {@code configured} when it already applies the settings, else a client that does
     */
    public static StreamingHttpClient clientFor(HttpSettings http, HttpClientConfiguration configuration,
                                                StreamingHttpClient configured, BeanContext beans) {
        if (http.proxy().isEmpty() && read(configuration).connectTimeout().equals(http.connectTimeout())
                && read(configuration).responseTimeout().equals(http.responseTimeout())) {
            return configured;
        }
        HttpClientConfiguration applied = new HttpClientConfiguration(configuration) {
            @Override
            public ConnectionPoolConfiguration getConnectionPoolConfiguration() {
                return configuration.getConnectionPoolConfiguration();
            }

            @Override
            public WebSocketCompressionConfiguration getWebSocketCompressionConfiguration() {
                return configuration.getWebSocketCompressionConfiguration();
            }

            @Override
            public Http2ClientConfiguration getHttp2Configuration() {
                return configuration.getHttp2Configuration();
            }
        };
        applied.setConnectTimeout(http.connectTimeout());
        applied.setReadTimeout(http.responseTimeout());
        http.proxy().ifPresent(proxy -> applyProxy(applied, proxy));
        @SuppressWarnings("unchecked")
        StreamingHttpClientRegistry<StreamingHttpClient> registry = beans.getBean(StreamingHttpClientRegistry.class);
        return registry.resolveStreamingHttpClient(null, LoadBalancer.empty(), applied, beans);
    }

    private static void applyProxy(HttpClientConfiguration configuration, ProxySettings proxy) {
        URI address = proxy.address();
        SocketAddress socket = InetSocketAddress.createUnresolved(address.getHost(),
                address.getPort() < 0 ? 80 : address.getPort());
        configuration.setProxyType(Proxy.Type.HTTP);
        configuration.setProxyAddress(socket);
        configuration.setProxySelector(new SettingsProxySelector(proxy, new Proxy(Proxy.Type.HTTP, socket)));
        if (proxy.username() != null) {
            configuration.setProxyUsername(proxy.username());
            configuration.setProxyPassword(proxy.password());
        }
    }

    /** The proxy for every host but the non-proxy ones. */
    private static final class SettingsProxySelector extends ProxySelector {
        private final ProxySettings settings;
        private final Proxy proxy;

        SettingsProxySelector(ProxySettings settings, Proxy proxy) {
            this.settings = settings;
            this.proxy = proxy;
        }

        @Override
        public List<Proxy> select(URI uri) {
            return List.of(settings.appliesTo(uri) ? proxy : Proxy.NO_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            // Nothing to remember: the next request tries the same proxy.
        }

        @Override
        public String toString() {
            return "SettingsProxySelector[" + settings + "]";
        }
    }
}
