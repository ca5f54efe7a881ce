package dev.gempix2.transport.httpclient5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.error.ConfigurationException;
import dev.gempix2.core.error.InvalidRequestException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpClient5TransportBuilderTest {
    private static final String KEY = "dk-secret-key-0123456789wxyz";

    @Test
    void buildingWithoutAKeyNamesTheMissingKey() {
        assertThatThrownBy(() -> HttpClient5Transport.builder().build())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("api_key");
    }

    @Test
    void aMalformedKeyIsRejectedWithoutShowingIt() {
        assertThatThrownBy(() -> HttpClient5Transport.builder().apiKey("dk-has a space-secret"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("api_key")
                .hasMessageNotContaining("secret");
    }

    @Test
    void toStringShowsTheKeyMaskedOnly() {
        try (HttpClient5Transport transport = HttpClient5Transport.builder().apiKey(KEY).build()) {
            assertThat(transport.toString()).doesNotContain(KEY).contains("wxyz").contains("https://api.defapi.org");
        }
    }

    @Test
    void baseUrlMustBeAbsoluteHttp() {
        assertThatThrownBy(() -> HttpClient5Transport.builder().baseUrl(URI.create("ftp://api.defapi.org")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> HttpClient5Transport.builder().baseUrl(URI.create("/api")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
    }

    @Test
    void timeoutsMustBePositive() {
        assertThatThrownBy(() -> HttpClient5Transport.builder().connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> HttpClient5Transport.builder().responseTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("responseTimeout");
    }

    @Test
    void sizesMustBePositive() {
        assertThatThrownBy(() -> HttpClient5Transport.builder().maxConnections(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConnections");
        assertThatThrownBy(() -> HttpClient5Transport.builder().maxDownloadBytes(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDownloadBytes");
    }

    @Test
    void userAgentSuffixCannotSmuggleAHeader() {
        assertThatThrownBy(() -> HttpClient5Transport.builder().userAgentSuffix("app/1\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("userAgentSuffix");
    }

    @Test
    void proxyMustBeAnHttpUrl() {
        assertThatThrownBy(() -> HttpClient5Transport.builder().proxy(URI.create("socks5://proxy:1080")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("proxy");
    }

    @Test
    void fromEnvWithoutTheKeyNamesTheVariable() {
        assertThatThrownBy(() -> HttpClient5Transport.fromEnv(Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("GEMPIX2_API_KEY is not set: ");
    }

    @Test
    void fromEnvReadsTheBaseUrl() {
        try (HttpClient5Transport transport = HttpClient5Transport.fromEnv(
                Map.of("GEMPIX2_API_KEY", KEY, "GEMPIX2_BASE_URL", "http://127.0.0.1:9/prefix"))) {
            assertThat(transport.toString()).contains("http://127.0.0.1:9/prefix");
        }
    }

    @Test
    void fromEnvWithAnUnusableBaseUrlNamesTheVariable() {
        assertThatThrownBy(() -> HttpClient5Transport.fromEnv(
                Map.of("GEMPIX2_API_KEY", KEY, "GEMPIX2_BASE_URL", "not a url")))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("GEMPIX2_BASE_URL must be");
    }
}
