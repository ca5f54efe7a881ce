package dev.gempix2.quarkus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.GemPix2Settings;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.RetryPolicy;
import dev.gempix2.quarkus.internal.ConfigReading;
import dev.gempix2.core.error.ConfigurationException;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigReadingTest {
    private static final String KEY = "dk-1234567890abcdef";

    private static GemPix2Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(GemPix2Config.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 300))
                .build()
                .getConfigMapping(GemPix2Config.class);
    }

    @Test
    void everyKeyHasTheDefaultOfTheDesign() {
        GemPix2Config config = config(Map.of("gempix2.api-key", KEY));

        assertThat(ConfigReading.baseUrl(config)).isEqualTo(URI.create("https://api.defapi.org"));
        assertThat(config.model()).isEqualTo("google/gempix2");
        PollingPolicy polling = ConfigReading.pollingPolicy(config);
        assertThat(polling.initialDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(polling.maxInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(polling.waitTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(ConfigReading.retryPolicy(config).maxRetries()).isEqualTo(RetryPolicy.DEFAULT_MAX_RETRIES);
        assertThat(ConfigReading.callbackBaseUrl(config)).isEmpty();
        assertThat(ConfigReading.callbackPath(config)).isEqualTo("/gempix2/callback");
        assertThat(config.callback().verify()).isTrue();
    }

    @Test
    void theMappingsDefaultsAreCoresDefaults() {
        GemPix2Settings settings = ConfigReading.settings(config(Map.of()));

        assertThat(settings).hasToString(GemPix2Settings.defaults().toString());
    }

    @Test
    void everyKeyIsRead() {
        GemPix2Config config = config(Map.of(
                "gempix2.api-key", KEY,
                "gempix2.base-url", "http://localhost:9999/gempix2",
                "gempix2.model", "google/gemini-2.5-flash-image",
                "gempix2.polling.initial-delay", "500ms",
                "gempix2.polling.max-interval", "3s",
                "gempix2.polling.wait-timeout", "1m",
                "gempix2.retry.max-retries", "0",
                "gempix2.callback.base-url", "https://app.example.com/hooks/gempix2",
                "gempix2.callback.path", "/hooks/gempix2/",
                "gempix2.callback.verify", "false"));

        assertThat(ConfigReading.apiKey(config).reveal()).isEqualTo(KEY);
        assertThat(ConfigReading.baseUrl(config)).isEqualTo(URI.create("http://localhost:9999/gempix2"));
        assertThat(config.model()).isEqualTo("google/gemini-2.5-flash-image");
        PollingPolicy polling = ConfigReading.pollingPolicy(config);
        assertThat(polling.initialDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(polling.maxInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(polling.waitTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(ConfigReading.retryPolicy(config).maxRetries()).isZero();
        assertThat(ConfigReading.callbackBaseUrl(config)).contains(URI.create("https://app.example.com/hooks/gempix2"));
        assertThat(ConfigReading.callbackPath(config)).isEqualTo("/hooks/gempix2");
        assertThat(config.callback().verify()).isFalse();
    }

    @Test
    void anEmptyCallbackBaseUrlTurnsCallbacksOff() {
        GemPix2Config config = config(Map.of("gempix2.callback.base-url", ""));

        assertThat(ConfigReading.callbackBaseUrl(config)).isEmpty();
    }

    @Test
    void unknownKeysDoNotStopTheMapping() {
        GemPix2Config config = config(Map.of("gempix2.version", "0.1.0", "gempix2.unheard.of.key", ""));

        assertThat(config.otherKeys()).containsKey("version");
    }

    @Test
    void aMissingApiKeyIsReportedByTheKeysName() {
        GemPix2Config config = config(Map.of());

        assertThatThrownBy(() -> ConfigReading.apiKey(config))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("gempix2.api-key is not set: ");
    }

    @Test
    void aBlankApiKeyCountsAsMissing() {
        GemPix2Config config = config(Map.of("gempix2.api-key", "   "));

        assertThatThrownBy(() -> ConfigReading.apiKey(config)).hasMessageContaining("gempix2.api-key is not set");
    }

    @Test
    void aMalformedApiKeyIsReportedWithoutShowingIt() {
        GemPix2Config config = config(Map.of("gempix2.api-key", "dk-secret with-space"));

        assertThatThrownBy(() -> ConfigReading.apiKey(config))
                .hasMessageStartingWith("gempix2.api-key must be printable ASCII")
                .message().doesNotContain("secret").doesNotContain("with-space");
    }

    @Test
    void aBaseUrlThatIsNotHttpIsReportedByTheKeysName() {
        GemPix2Config config = config(Map.of("gempix2.base-url", "ftp://files.example.com"));

        assertThatThrownBy(() -> ConfigReading.baseUrl(config))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gempix2.base-url must be an absolute http(s) URL");
    }

    @Test
    void aRelativeCallbackBaseUrlIsReportedByTheKeysName() {
        GemPix2Config config = config(Map.of("gempix2.callback.base-url", "/gempix2/callback"));

        assertThatThrownBy(() -> ConfigReading.callbackBaseUrl(config))
                .hasMessageContaining("gempix2.callback.base-url must be an absolute http(s) URL");
    }

    @Test
    void aCallbackPathWithARoutePatternIsRefused() {
        GemPix2Config config = config(Map.of("gempix2.callback.path", "/hooks/:id"));

        assertThatThrownBy(() -> ConfigReading.callbackPath(config))
                .hasMessageStartingWith("gempix2.callback.path must be a path such as /gempix2/callback");
    }

    @Test
    void aNegativeRetryCountIsReportedByTheKeysName() {
        GemPix2Config config = config(Map.of("gempix2.retry.max-retries", "-1"));

        assertThatThrownBy(() -> ConfigReading.retryPolicy(config))
                .hasMessageStartingWith("gempix2.retry.max-retries must be a whole number");
    }

    @Test
    void aZeroPollingDelayIsReportedByTheKeysName() {
        GemPix2Config config = config(Map.of("gempix2.polling.initial-delay", "0s"));

        assertThatThrownBy(() -> ConfigReading.pollingPolicy(config))
                .hasMessageStartingWith("gempix2.polling.initial-delay must be a positive duration");
    }

    @Test
    void theKeysThisIssueAddedAreRead() {
        Map<String, String> keys = new java.util.HashMap<>(Map.of(
                "gempix2.call-timeout", "45s",
                "gempix2.downloads.max-bytes", "1048576",
                "gempix2.connect-timeout", "1.5s",
                "gempix2.response-timeout", "PT1M",
                "gempix2.proxy.url", "http://proxy.corp:3128",
                "gempix2.proxy.username", "svc",
                "gempix2.proxy.password", "pw-canary",
                "gempix2.proxy.non-proxy-hosts", "localhost,.corp",
                "gempix2.default-headers.X-Tenant", "images"));
        keys.put("gempix2.user-agent-suffix", "my-app/1.2");

        GemPix2Settings settings = ConfigReading.settings(config(keys));

        assertThat(settings.callTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(settings.maxDownloadBytes()).isEqualTo(1_048_576L);
        assertThat(settings.http().connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.http().responseTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.http().proxy().orElseThrow().nonProxyHosts()).containsExactly("localhost", ".corp");
        assertThat(settings.http().proxy().orElseThrow().basicAuthorization()).isPresent();
        assertThat(settings.http().defaultHeaders()).containsEntry("X-Tenant", "images");
        assertThat(settings.http().userAgentSuffix()).contains("my-app/1.2");
        assertThat(ConfigReading.unknownKeys(keys.keySet())).isEmpty();
    }

    @Test
    void aDurationIsReadByCoresGrammarSoCompoundFormsWork() {
        GemPix2Config config = config(Map.of("gempix2.polling.wait-timeout", "1m30s"));

        assertThat(ConfigReading.pollingPolicy(config).waitTimeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aBadNewKeyIsReportedByTheKeysName() {
        GemPix2Config config = config(Map.of("gempix2.default-headers.User-Agent", "mine"));

        assertThatThrownBy(() -> ConfigReading.settings(config))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("gempix2.default-headers.User-Agent header User-Agent is set by the SDK");
    }

    @Test
    void unknownGempix2KeysAreNamedAndOthersIgnored() {
        List<String> unknown = ConfigReading.unknownKeys(List.of("gempix2.version", "gempix2.api-key",
                "gempix2.callback.verfy", "quarkus.http.port", "GEMPIX2_API_KEY", "gempix2.retry.max-retries"));

        assertThat(unknown).containsExactly("gempix2.callback.verfy", "gempix2.version");
    }

    @Test
    void theDownloadTimeoutIsTheGempix2ClientsReadTimeoutThenTheGlobalOneThenQuarkusDefault() {
        assertThat(ConfigReading.readTimeout(raw(Map.of("quarkus.rest-client.gempix2.read-timeout", "1500",
                "quarkus.rest-client.read-timeout", "9000")))).isEqualTo(Duration.ofMillis(1500));
        assertThat(ConfigReading.readTimeout(raw(Map.of("quarkus.rest-client.read-timeout", "9000"))))
                .isEqualTo(Duration.ofSeconds(9));
        assertThat(ConfigReading.readTimeout(raw(Map.of()))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anUnreadableReadTimeoutIsReportedByTheKeysName() {
        assertThatThrownBy(() -> ConfigReading.readTimeout(raw(Map.of("quarkus.rest-client.gempix2.read-timeout",
                "30s")))).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("quarkus.rest-client.gempix2.read-timeout must be a positive number");
    }

    private static org.eclipse.microprofile.config.Config raw(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 300)).build();
    }
}
