package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.gempix2.core.error.ConfigurationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The proxy and the default headers, read from each spelling, and the conventional proxy variables. */
class GemPix2SettingsNetworkTest {

    @Test
    void httpsProxyAndNoProxyAreHonouredWhenNoGemPix2ProxyIsSet() {
        GemPix2Settings settings = GemPix2Settings.fromEnvironment(Map.of(
                "HTTPS_PROXY", "http://svc:s3cret@proxy.corp:3128", "NO_PROXY", "localhost,.internal"));

        ProxySettings proxy = settings.http().proxy().orElseThrow();
        assertThat(proxy.address()).isEqualTo(URI.create("http://proxy.corp:3128"));
        assertThat(proxy.username()).isEqualTo("svc");
        assertThat(proxy.nonProxyHosts()).containsExactly("localhost", ".internal");
    }

    @Test
    void theGemPix2ProxyWinsOverHttpsProxy() {
        GemPix2Settings settings = GemPix2Settings.fromEnvironment(Map.of(
                "HTTPS_PROXY", "http://other:8080", "GEMPIX2_PROXY_URL", "http://proxy.corp:3128",
                "GEMPIX2_PROXY_USERNAME", "svc", "GEMPIX2_PROXY_PASSWORD", "s3cret",
                "GEMPIX2_PROXY_NON_PROXY_HOSTS", "localhost, .corp"));

        ProxySettings proxy = settings.http().proxy().orElseThrow();
        assertThat(proxy.address()).isEqualTo(URI.create("http://proxy.corp:3128"));
        assertThat(proxy.basicAuthorization()).isPresent();
        assertThat(proxy.nonProxyHosts()).containsExactly("localhost", ".corp");
    }

    @Test
    void frameworkKeysIgnoreHttpsProxy() {
        GemPix2Settings settings = GemPix2Settings.fromProperties(Map.of("HTTPS_PROXY", "http://proxy.corp:3128"));

        assertThat(settings.http().proxy()).isEmpty();
    }

    @Test
    void anHttpBaseUrlTakesHttpProxy() {
        GemPix2Settings settings = GemPix2Settings.fromEnvironment(Map.of("GEMPIX2_BASE_URL", "http://fake.local:80",
                "HTTPS_PROXY", "http://secure:1", "HTTP_PROXY", "http://plain:2"));

        assertThat(settings.http().proxy().orElseThrow().address().getHost()).isEqualTo("plain");
    }

    @Test
    void anUnusableHttpsProxyIsNamedAndItsPasswordNotShown() {
        assertThatThrownBy(() -> GemPix2Settings.fromEnvironment(Map.of("HTTPS_PROXY", "http://u:pw-canary@:1")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("HTTPS_PROXY ")
                .hasMessageNotContaining("pw-canary");
    }

    @Test
    void aProxyUserWithoutPasswordNamesBothInTheSameSpelling() {
        assertThatThrownBy(() -> GemPix2Settings.fromProperties(Map.of("gempix2.proxy.url", "http://p:1",
                "gempix2.proxy.username", "svc")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("gempix2.proxy.username needs gempix2.proxy.password too");
        assertThatThrownBy(() -> GemPix2Settings.fromEnvironment(Map.of("GEMPIX2_PROXY_URL", "http://p:1",
                "GEMPIX2_PROXY_PASSWORD", "pw-canary")))
                .hasMessageStartingWith("GEMPIX2_PROXY_PASSWORD needs GEMPIX2_PROXY_USERNAME too")
                .hasMessageNotContaining("pw-canary");
    }

    @Test
    void proxyCredentialsWithoutAProxyAreAnError() {
        assertThatThrownBy(() -> GemPix2Settings.fromProperties(Map.of("gempix2.proxy.username", "svc")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("gempix2.proxy.username is set, but no proxy is: set gempix2.proxy.url");
    }

    @Test
    void aProxyUrlWithUserInfoIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> GemPix2Settings.fromProperties(Map.of("gempix2.proxy.url",
                "http://svc:pw-canary@proxy:3128")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("gempix2.proxy.url must be an http URL")
                .hasMessageNotContaining("pw-canary");
    }

    @Test
    void defaultHeadersAreOneKeyPerHeaderInTheFrameworkSpelling() {
        GemPix2Settings settings = GemPix2Settings.fromProperties(Map.of(
                "gempix2.default-headers.X-Tenant", "images", "gempix2.default-headers.X-Team", "web"));

        assertThat(settings.http().defaultHeaders()).containsEntry("X-Tenant", "images").containsEntry("X-Team", "web");
    }

    @Test
    void defaultHeadersArePairsInTheEnvironmentVariable() {
        GemPix2Settings settings = GemPix2Settings.fromEnvironment(Map.of(
                "GEMPIX2_DEFAULT_HEADERS", "X-Tenant=images, X-Team = web"));

        assertThat(settings.http().defaultHeaders()).containsExactly(entry("X-Tenant", "images"),
                entry("X-Team", "web"));
    }

    @Test
    void aReservedOrMalformedHeaderIsNamedInTheSpellingItCameIn() {
        assertThatThrownBy(() -> GemPix2Settings.fromProperties(Map.of(
                "gempix2.default-headers.Authorization", "Bearer header-canary")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("gempix2.default-headers.Authorization header Authorization is set by the SDK")
                .hasMessageNotContaining("header-canary");
        assertThatThrownBy(() -> GemPix2Settings.fromEnvironment(Map.of("GEMPIX2_DEFAULT_HEADERS", "X-Tenant")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("GEMPIX2_DEFAULT_HEADERS must hold Name=value pairs");
    }

    @Test
    void toStringNeverShowsTheKeyTheProxyPasswordOrHeaderValues() {
        GemPix2Settings settings = GemPix2Settings.fromEnvironment(Map.of(
                "GEMPIX2_API_KEY", "dk-key-canary-0123456789",
                "GEMPIX2_PROXY_URL", "http://proxy.corp:3128",
                "GEMPIX2_PROXY_USERNAME", "svc", "GEMPIX2_PROXY_PASSWORD", "pw-canary",
                "GEMPIX2_DEFAULT_HEADERS", "X-Gateway-Secret=header-canary"));

        assertThat(settings.toString()).doesNotContain("key-canary", "pw-canary", "header-canary")
                .contains("X-Gateway-Secret", "proxy.corp");
    }

    @Test
    void theNonProxyHostsListIsCommaSeparated() {
        GemPix2Settings settings = GemPix2Settings.fromProperties(Map.of("gempix2.proxy.url", "http://p:1",
                "gempix2.proxy.non-proxy-hosts", "localhost,,*.corp"));

        assertThat(settings.http().proxy().orElseThrow().nonProxyHosts()).isEqualTo(List.of("localhost", "*.corp"));
    }
}
