package dev.gempix2.transport.httpclient5.internal;

import dev.gempix2.core.HttpSettings;
import dev.gempix2.core.model.ApiKey;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;

/**
 * What the public builder collected, validated there; read once when the transport is built.
 *
 * @param baseUrl the API's base URL
 * @param apiKey the key
 * @param http the network settings: timeouts, proxy, default headers, user-agent suffix
 * @param maxConnections the pool's size (total and per host)
 * @param userAgent the full {@code User-Agent} value
 * @param userClient the user's own client, or null to create one
 * @param maxDownloadBytes the largest image body accepted
 */
public record TransportSettings(URI baseUrl, ApiKey apiKey, HttpSettings http, int maxConnections, String userAgent,
                                CloseableHttpAsyncClient userClient, long maxDownloadBytes) {

    /**
     * Checks the fields the builder guarantees.
     *
     * @param baseUrl the API's base URL
     * @param apiKey the key
     * @param http the network settings: timeouts, proxy, default headers, user-agent suffix
     * @param maxConnections the pool's size (total and per host)
     * @param userAgent the full {@code User-Agent} value
     * @param userClient the user's own client, or null to create one
     * @param maxDownloadBytes the largest image body accepted
     */
    public TransportSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(userAgent, "userAgent");
    }

    /** @return how long to wait for a connection */
    public Duration connectTimeout() {
        return http.connectTimeout();
    }

    /** @return how long to wait for data once the request is sent */
    public Duration responseTimeout() {
        return http.responseTimeout();
    }

    @Override
    public String toString() {
        // Spelled out so that the key shows masked and the user's client by type only.
        return "TransportSettings[baseUrl=" + baseUrl + ", apiKey=" + apiKey.masked() + ", http=" + http
                + ", maxConnections=" + maxConnections + ", userAgent=" + userAgent
                + ", ownClient=" + (userClient != null) + ", maxDownloadBytes=" + maxDownloadBytes + "]";
    }
}
