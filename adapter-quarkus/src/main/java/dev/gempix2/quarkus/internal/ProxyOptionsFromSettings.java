package dev.gempix2.quarkus.internal;

import dev.gempix2.core.ProxySettings;
import dev.gempix2.core.error.ApiException;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.wire.ProxyRefusal;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ProxySettings} in the forms the Quarkus REST Client and Vert.x take: the proxy's address and basic-auth
 * credentials, and the non-proxy hosts as wildcard patterns ({@code .example.com} becomes
 * {@code *.example.com} and {@code example.com}); and the one failure for a proxy that refused the credentials.
 */
final class ProxyOptionsFromSettings {

    private ProxyOptionsFromSettings() {
    }

    /**
     * @param builder the REST client being built
     * @param proxy the proxy to go through
     */
    static void apply(QuarkusRestClientBuilder builder, ProxySettings proxy) {
        builder.proxyAddress(proxy.address().getHost(), port(proxy));
        if (proxy.username() != null) {
            builder.proxyUser(proxy.username()).proxyPassword(proxy.password());
        }
        List<String> hosts = nonProxyHosts(proxy);
        if (!hosts.isEmpty()) {
            builder.nonProxyHosts(String.join("|", hosts));
        }
    }

    /**
     * @param options the Vert.x client's options
     * @param proxy the proxy to go through
     */
    static void apply(HttpClientOptions options, ProxySettings proxy) {
        ProxyOptions proxyOptions = new ProxyOptions().setType(ProxyType.HTTP)
                .setHost(proxy.address().getHost()).setPort(port(proxy));
        if (proxy.username() != null) {
            proxyOptions.setUsername(proxy.username()).setPassword(proxy.password());
        }
        options.setProxyOptions(proxyOptions).setNonProxyHosts(nonProxyHosts(proxy));
    }

    /**
     * @param failure what the call failed with
     * @param proxy the proxy the call went through, or null
     * @return the proxy's refusal when the failure is one (a {@code 407}), else the failure as it was
     */
    static GemPix2Exception refusalOr(GemPix2Exception failure, ProxySettings proxy) {
        if (proxy == null) {
            return failure;
        }
        boolean refused = failure instanceof ApiException api
                && api.httpStatus() == ProxyRefusal.PROXY_AUTHENTICATION_REQUIRED;
        for (Throwable t = failure.getCause(); !refused && t != null; t = t.getCause() == t ? null : t.getCause()) {
            refused = t.getClass().getSimpleName().contains("ProxyConnectException")
                    && String.valueOf(t.getMessage()).contains("407");
        }
        return refused ? ProxyRefusal.refused(proxy, failure) : failure;
    }

    static List<String> nonProxyHosts(ProxySettings proxy) {
        List<String> patterns = new ArrayList<>();
        for (String host : proxy.nonProxyHosts()) {
            if (host.startsWith(".")) {
                patterns.add("*" + host);
                patterns.add(host.substring(1));
            } else if (host.startsWith("*.")) {
                patterns.add(host);
                patterns.add(host.substring(2));
            } else {
                patterns.add(host);
            }
        }
        return patterns;
    }

    private static int port(ProxySettings proxy) {
        return proxy.address().getPort() < 0 ? 80 : proxy.address().getPort();
    }
}
