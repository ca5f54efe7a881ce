package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.error.ConfigurationException;
import dev.gempix2.core.fakes.ScriptedGenerator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings type itself: defaults, the missing key, and what it hands a client builder. */
class GemPix2SettingsTest {

    @Test
    void aMissingKeyIsNamedAsTheEnvironmentSpellsIt() {
        assertThatThrownBy(() -> GemPix2Settings.fromEnvironment(Map.of()).requireApiKey())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("GEMPIX2_API_KEY is not set: ");
    }

    @Test
    void aMissingKeyIsNamedAsTheFrameworkSpellsIt() {
        assertThatThrownBy(() -> GemPix2Settings.fromProperties(Map.of()).requireApiKey())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("gempix2.api-key is not set: ");
    }

    @Test
    void aMissingKeyIsNamedAsTheCommandLineSpellsIt() {
        assertThatThrownBy(() -> GemPix2Settings.fromCommandLine(Map.of(), Map.of()).requireApiKey())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("--api-key or GEMPIX2_API_KEY is not set: ")
                .extracting(failure -> ((ConfigurationException) failure).setting())
                .isEqualTo("--api-key or GEMPIX2_API_KEY");
    }

    @Test
    void theDefaultsAreThoseOfTheClientAndItsPolicies() {
        GemPix2Settings defaults = GemPix2Settings.defaults();

        assertThat(defaults.baseUrl()).isEqualTo(GemPix2Client.DEFAULT_BASE_URL);
        assertThat(defaults.pollingPolicy()).isEqualTo(PollingPolicy.defaults());
        assertThat(defaults.retryPolicy()).isEqualTo(RetryPolicy.defaults());
        assertThat(defaults.http()).usingRecursiveComparison().isEqualTo(HttpSettings.defaults());
        assertThat(defaults.callTimeout()).isEqualTo(GemPix2Client.DEFAULT_CALL_TIMEOUT);
        assertThat(defaults.maxDownloadBytes()).isEqualTo(GemPix2Client.DEFAULT_MAX_DOWNLOAD_BYTES);
        assertThat(defaults.callbackBaseUrl()).isEmpty();
        assertThat(defaults.callbackPath()).isEqualTo("/gempix2/callback");
        assertThat(defaults.verifyCallbacks()).isTrue();
    }

    @Test
    void aCommandLineOptionWinsOverItsVariable() {
        GemPix2Settings settings = GemPix2Settings.fromCommandLine(Map.of("--timeout", "90s"),
                Map.of("GEMPIX2_POLLING_WAIT_TIMEOUT", "10m", "GEMPIX2_POLLING_MAX_INTERVAL", "3s"));

        assertThat(settings.pollingPolicy().waitTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.pollingPolicy().maxInterval()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void anOptionNoSettingHasIsAProgrammingError() {
        assertThatThrownBy(() -> GemPix2Settings.fromCommandLine(Map.of("--out", "x"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--out");
    }

    @Test
    void aClientBuiltFromTheSettingsUsesTheirTimeoutAndPolling() {
        GemPix2Settings settings = GemPix2Settings.fromEnvironment(Map.of("GEMPIX2_POLLING_WAIT_TIMEOUT", "7m",
                "GEMPIX2_CALL_TIMEOUT", "20s"));

        try (GemPix2Client client = settings.applyTo(GemPix2Client.builder()).generator(new ScriptedGenerator())
                .build()) {
            assertThat(client).isNotNull();
        }
        assertThat(settings.toBuilder().build().pollingPolicy().waitTimeout()).isEqualTo(Duration.ofMinutes(7));
        assertThat(settings.toBuilder().build().callTimeout()).isEqualTo(Duration.ofSeconds(20));
    }
}
