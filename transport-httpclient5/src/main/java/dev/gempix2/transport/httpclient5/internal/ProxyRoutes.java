package dev.gempix2.transport.httpclient5.internal;

import dev.gempix2.core.ProxySettings;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.auth.BasicScheme;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Applies {@link ProxySettings} to a client this transport owns: requests go through the proxy unless their host
 * is one of its non-proxy hosts (a route planner decides per request), and with credentials, each exchange
 * offers them at once (preemptive basic auth, for a forwarded request and a {@code CONNECT} alike), with a
 * credentials provider to answer a {@code 407} challenge too.
 */
public final class ProxyRoutes extends DefaultRoutePlanner {
    private final ProxySettings proxy;
    private final HttpHost host;

    private ProxyRoutes(ProxySettings proxy) {
        super(DefaultSchemePortResolver.INSTANCE);
        this.proxy = proxy;
        URI address = proxy.address();
        this.host = new HttpHost("http", address.getHost(), address.getPort() < 0 ? 80 : address.getPort());
    }

    /**
     * @param proxy the proxy to go through
     * @return the routes; {@link #install(HttpAsyncClientBuilder)} them, then {@link #preempt(HttpClientContext)}
     *         each exchange
     */
    public static ProxyRoutes of(ProxySettings proxy) {
        return new ProxyRoutes(proxy);
    }

    /** @param builder the client being built, given these routes and the proxy's credentials */
    void install(HttpAsyncClientBuilder builder) {
        builder.setRoutePlanner(this);
        if (proxy.username() != null) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(new AuthScope(host), credentials());
            builder.setDefaultCredentialsProvider(credentials);
        }
    }

    /** @return the proxy these routes go through */
    public ProxySettings proxy() {
        return proxy;
    }

    /**
     * Offers the proxy's credentials on the exchange's first request, without waiting for a challenge.
     *
     * @param context the exchange's context
     */
    public void preempt(HttpClientContext context) {
        if (proxy.username() != null) {
            BasicScheme scheme = new BasicScheme();
            scheme.initPreemptive(credentials());
            context.resetAuthExchange(host, scheme);
        }
    }

    @Override
    protected HttpHost determineProxy(HttpHost target, HttpContext context) {
        try {
            URI uri = new URI(target.getSchemeName(), null, target.getHostName(), target.getPort(), null, null, null);
            return proxy.appliesTo(uri) ? host : null;
        } catch (URISyntaxException odd) {
            return host;
        }
    }

    private UsernamePasswordCredentials credentials() {
        return new UsernamePasswordCredentials(proxy.username(), proxy.password().toCharArray());
    }
}
