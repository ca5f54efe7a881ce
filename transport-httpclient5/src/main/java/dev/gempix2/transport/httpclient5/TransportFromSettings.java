package dev.gempix2.transport.httpclient5;

import dev.gempix2.core.GemPix2Settings;

/**
 * The transport {@code fromEnv} and the {@code ServiceLoader} provider build: base URL, key, network settings
 * and download cap, all from {@link GemPix2Settings}.
 */
final class TransportFromSettings {

    private TransportFromSettings() {
    }

    /**
     * @param settings the settings; the key is required
     * @return a started transport
     * @throws dev.gempix2.core.error.ConfigurationException naming the key's setting when it is unset
     */
    static HttpClient5Transport build(GemPix2Settings settings) {
        return HttpClient5Transport.builder()
                .apiKey(settings.requireApiKey())
                .baseUrl(settings.baseUrl())
                .http(settings.http())
                .maxDownloadBytes(settings.maxDownloadBytes())
                .build();
    }
}
