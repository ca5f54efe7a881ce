package dev.gempix2.micronaut.internal;

import dev.gempix2.core.GemPix2Settings;
import dev.gempix2.micronaut.GemPix2Configuration;
import dev.gempix2.micronaut.GemPix2HttpConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hands the {@code gempix2.*} keys Micronaut bound to core's {@link GemPix2Settings#fromProperties(Map)}, so that
 * they are checked by the same rules, with the same messages, as {@code fromEnv}, Quarkus and the command line.
 */
public final class ConfigurationSettings {

    private ConfigurationSettings() {
    }

    /**
     * @param configuration the {@code gempix2.*} keys
     * @param http the network keys, or null for their defaults
     * @return the settings
     * @throws dev.gempix2.core.error.ConfigurationException naming the key at fault
     */
    public static GemPix2Settings read(GemPix2Configuration configuration, GemPix2HttpConfiguration http) {
        Map<String, String> keys = new LinkedHashMap<>();
        put(keys, "api-key", configuration.getApiKey());
        put(keys, "base-url", configuration.getBaseUrl());
        put(keys, "model", configuration.getModel());
        put(keys, "polling.initial-delay", configuration.getPolling().getInitialDelay());
        put(keys, "polling.max-interval", configuration.getPolling().getMaxInterval());
        put(keys, "polling.wait-timeout", configuration.getPolling().getWaitTimeout());
        put(keys, "retry.max-retries", configuration.getRetry().getMaxRetries());
        put(keys, "callback.base-url", configuration.getCallback().getBaseUrl());
        put(keys, "callback.path", configuration.getCallback().getPath());
        put(keys, "callback.verify", configuration.getCallback().isVerify());
        put(keys, "call-timeout", configuration.getCallTimeout());
        put(keys, "downloads.max-bytes", configuration.getDownloads().getMaxBytes());
        if (http != null) {
            put(keys, "connect-timeout", http.getConnectTimeout());
            put(keys, "response-timeout", http.getResponseTimeout());
            put(keys, "user-agent-suffix", http.getUserAgentSuffix());
            http.getDefaultHeaders().forEach((name, value) -> put(keys, "default-headers." + name, value));
            put(keys, "proxy.url", http.getProxy().getUrl());
            put(keys, "proxy.username", http.getProxy().getUsername());
            put(keys, "proxy.password", http.getProxy().getPassword());
            put(keys, "proxy.non-proxy-hosts", String.join(",", http.getProxy().getNonProxyHosts()));
        }
        return GemPix2Settings.fromProperties(keys);
    }

    private static void put(Map<String, String> keys, String key, Object value) {
        if (value != null) {
            // A duration as Micronaut bound it (PT2S) is one of the forms core reads; a negative one is refused.
            keys.put(GemPix2Configuration.PREFIX + "." + key, value.toString());
        }
    }
}
