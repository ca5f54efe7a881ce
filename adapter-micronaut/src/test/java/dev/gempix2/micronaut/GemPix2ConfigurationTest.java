package dev.gempix2.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.GemPix2Settings;
import dev.gempix2.core.error.ConfigurationException;
import dev.gempix2.micronaut.internal.ConfigurationSettings;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GemPix2ConfigurationTest {
    private static final String KEY = "dk-secret-value-9876";

    @Test
    void defaultsFollowTheDesign() {
        GemPix2Configuration configuration = withKey();

        assertThat(configuration.getBaseUrl()).isEqualTo(URI.create("https://api.defapi.org"));
        assertThat(configuration.model().id()).isEqualTo("google/gempix2");
        assertThat(configuration.pollingPolicy().initialDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(configuration.pollingPolicy().maxInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(configuration.pollingPolicy().waitTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(configuration.retryPolicy().maxRetries()).isEqualTo(3);
        assertThat(configuration.callbackBaseUrl()).isEmpty();
        assertThat(configuration.getCallback().getPath()).isEqualTo("/gempix2/callback");
        assertThat(configuration.getCallback().isVerify()).isTrue();
    }

    @Test
    void theDefaultsAreCoresDefaults() {
        GemPix2Settings settings = ConfigurationSettings.read(new GemPix2Configuration(),
                new GemPix2HttpConfiguration());

        assertThat(settings).hasToString(GemPix2Settings.defaults().toString());
    }

    @Test
    void aMissingApiKeyIsNamed() {
        assertThatThrownBy(new GemPix2Configuration()::validate)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("gempix2.api-key is not set");
    }

    @Test
    void aBlankApiKeyIsNamedToo() {
        GemPix2Configuration configuration = new GemPix2Configuration();
        configuration.setApiKey("   ");

        assertThatThrownBy(configuration::validate).hasMessageStartingWith("gempix2.api-key is not set");
    }

    @Test
    void anApiKeyWithSpacesIsRejectedWithoutShowingIt() {
        GemPix2Configuration configuration = new GemPix2Configuration();
        configuration.setApiKey("dk-abc def-secret");

        assertThatThrownBy(configuration::validate)
                .hasMessageContaining("gempix2.api-key")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aBaseUrlThatIsNotHttpIsNamed() {
        GemPix2Configuration configuration = withKey();
        configuration.setBaseUrl(URI.create("ftp://files.example"));

        assertThatThrownBy(configuration::validate).hasMessageStartingWith("gempix2.base-url must be");
    }

    @Test
    void aZeroPollingDelayIsNamed() {
        GemPix2Configuration configuration = withKey();
        configuration.getPolling().setInitialDelay(Duration.ZERO);

        assertThatThrownBy(configuration::validate).hasMessageStartingWith("gempix2.polling.initial-delay");
    }

    @Test
    void aNegativeWaitTimeoutIsNamed() {
        GemPix2Configuration configuration = withKey();
        configuration.getPolling().setWaitTimeout(Duration.ofSeconds(-1));

        assertThatThrownBy(configuration::validate).hasMessageStartingWith("gempix2.polling.wait-timeout");
    }

    @Test
    void negativeRetriesAreNamed() {
        GemPix2Configuration configuration = withKey();
        configuration.getRetry().setMaxRetries(-1);

        assertThatThrownBy(configuration::validate).hasMessageStartingWith("gempix2.retry.max-retries");
    }

    @Test
    void aRelativeCallbackBaseUrlIsNamed() {
        GemPix2Configuration configuration = withKey();
        configuration.getCallback().setBaseUrl(URI.create("/gempix2/callback"));

        assertThatThrownBy(configuration::validate).hasMessageStartingWith("gempix2.callback.base-url");
    }

    @Test
    void aCallbackPathWithoutLeadingSlashIsNamed() {
        GemPix2Configuration configuration = withKey();
        configuration.getCallback().setPath("gempix2/callback");

        assertThatThrownBy(configuration::validate).hasMessageStartingWith("gempix2.callback.path");
    }

    @Test
    void aMalformedModelIsNamed() {
        GemPix2Configuration configuration = withKey();
        configuration.setModel("not a model!");

        assertThatThrownBy(configuration::validate).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("gempix2.model is not usable: 'not a model!' is not a model id");
    }

    @Test
    void aBlankModelMeansTheDefaultAsForEveryKey() {
        GemPix2Configuration configuration = withKey();
        configuration.setModel(" ");

        assertThat(configuration.model().id()).isEqualTo("google/gempix2");
    }

    @Test
    void theDescriptionMasksTheKey() {
        assertThat(withKey().toString()).doesNotContain(KEY).contains("9876");
    }

    private static GemPix2Configuration withKey() {
        GemPix2Configuration configuration = new GemPix2Configuration();
        configuration.setApiKey(KEY);
        return configuration;
    }
}
