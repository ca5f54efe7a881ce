package dev.gempix2.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.GemPix2Settings;
import dev.gempix2.core.error.ConfigurationException;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The keys this issue added, read into core's settings, and the missing key failing as everywhere else. */
@Timeout(60)
class SettingsKeysTest {
    private static final String KEY = "dk-settings-test-key-2468";

    @Test
    void theNewKeysReachTheSettingsTheClientIsBuiltFrom() {
        Map<String, Object> properties = properties();
        properties.put("gempix2.call-timeout", "45s");
        properties.put("gempix2.downloads.max-bytes", "1048576");
        properties.put("gempix2.connect-timeout", "3s");
        properties.put("gempix2.response-timeout", "1m");
        properties.put("gempix2.proxy.url", "http://proxy.corp:3128");
        properties.put("gempix2.proxy.username", "svc");
        properties.put("gempix2.proxy.password", "pw-canary");
        properties.put("gempix2.proxy.non-proxy-hosts", "localhost,.corp");
        properties.put("gempix2.default-headers.X-Tenant", "images");
        properties.put("gempix2.user-agent-suffix", "my-app/1.2");

        try (ApplicationContext context = ApplicationContext.run(properties)) {
            GemPix2Settings settings = context.getBean(GemPix2Settings.class);

            assertThat(settings.callTimeout()).isEqualTo(Duration.ofSeconds(45));
            assertThat(settings.maxDownloadBytes()).isEqualTo(1_048_576L);
            assertThat(settings.http().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(settings.http().responseTimeout()).isEqualTo(Duration.ofMinutes(1));
            assertThat(settings.http().proxy().orElseThrow().address()).isEqualTo(URI.create("http://proxy.corp:3128"));
            assertThat(settings.http().proxy().orElseThrow().nonProxyHosts()).containsExactly("localhost", ".corp");
            assertThat(settings.http().defaultHeaders()).hasSize(1).containsValue("images");
            assertThat(settings.http().userAgentSuffix()).contains("my-app/1.2");
            assertThat(settings.toString()).doesNotContain("pw-canary", KEY);
        }
    }

    @Test
    void aBadNewKeyFailsTheStartNamingIt() {
        Map<String, Object> properties = properties();
        properties.put("gempix2.proxy.url", "http://proxy.corp:3128");
        properties.put("gempix2.proxy.username", "svc");

        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasRootCauseInstanceOf(ConfigurationException.class)
                .rootCause().hasMessageStartingWith("gempix2.proxy.username needs gempix2.proxy.password too");
    }

    @Test
    void aMissingKeyFailsTheStartWithCoresExceptionAndWording() {
        Map<String, Object> properties = properties();
        properties.remove("gempix2.api-key");

        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .rootCause()
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("gempix2.api-key is not set: ")
                .asInstanceOf(InstanceOfAssertFactories.type(ConfigurationException.class))
                .extracting(ConfigurationException::setting).isEqualTo("gempix2.api-key");
    }

    private static Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("gempix2.api-key", KEY);
        properties.put("gempix2.base-url", "http://127.0.0.1:9");
        return properties;
    }
}
