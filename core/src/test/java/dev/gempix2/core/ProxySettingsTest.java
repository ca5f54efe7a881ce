package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {
    private static final URI HTTPS_API = URI.create("https://api.defapi.org");
    private static final URI HTTP_API = URI.create("http://127.0.0.1:8080");

    @Test
    void httpsProxyIsReadForAnHttpsApi() {
        Optional<ProxySettings> proxy = ProxySettings.fromEnvironment(
                Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "HTTP_PROXY", "http://other:1"), HTTPS_API);
        assertThat(proxy).contains(ProxySettings.of(URI.create("http://proxy.corp:3128")));
    }

    @Test
    void theLowerCaseVariableIsReadWhenTheUpperCaseOneIsUnset() {
        assertThat(ProxySettings.fromEnvironment(Map.of("https_proxy", "proxy.corp:3128"), HTTPS_API))
                .map(ProxySettings::address).contains(URI.create("http://proxy.corp:3128"));
    }

    @Test
    void httpProxyIsReadForAnHttpApi() {
        assertThat(ProxySettings.fromEnvironment(
                Map.of("HTTPS_PROXY", "http://tls-only:1", "HTTP_PROXY", "http://plain:3128"), HTTP_API))
                .map(ProxySettings::address).contains(URI.create("http://plain:3128"));
    }

    @Test
    void noVariableMeansNoProxy() {
        assertThat(ProxySettings.fromEnvironment(Map.of("HTTPS_PROXY", "  ", "NO_PROXY", "x"), HTTPS_API)).isEmpty();
    }

    @Test
    void userInfoInTheUrlBecomesTheCredentialsDecodedAsAUrlsUserInfo() {
        ProxySettings proxy = ProxySettings.fromEnvironment(
                Map.of("HTTPS_PROXY", "http://svc%40corp:p%3As+s@proxy.corp:3128"), HTTPS_API).orElseThrow();
        assertThat(proxy.username()).isEqualTo("svc@corp");
        assertThat(proxy.password()).isEqualTo("p:s+s");
        assertThat(proxy.address()).isEqualTo(URI.create("http://proxy.corp:3128"));
    }

    @Test
    void noProxyListsTheHostsReachedDirectlyWithoutPortsAndRanges() {
        ProxySettings proxy = ProxySettings.fromEnvironment(Map.of("HTTPS_PROXY", "http://proxy:3128",
                "NO_PROXY", "localhost, .corp.example,api.internal:8443,10.0.0.0/8,,"), HTTPS_API).orElseThrow();
        assertThat(proxy.nonProxyHosts()).containsExactly("localhost", ".corp.example", "api.internal");
    }

    @Test
    void aProxyVariableThatIsNotAUrlIsNamedWithoutItsValue() {
        assertThatThrownBy(() -> ProxySettings.fromEnvironment(
                Map.of("https_proxy", "http://user:se cret@pro xy:3128"), HTTPS_API))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https_proxy")
                .hasMessageNotContaining("se cret");
    }

    @Test
    void aProxyVariableWithoutAHostIsNamed() {
        assertThatThrownBy(() -> ProxySettings.fromEnvironment(Map.of("HTTPS_PROXY", "http://:pw@:3128"), HTTPS_API))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HTTPS_PROXY")
                .hasMessageNotContaining("pw");
    }

    @Test
    void aNoProxyEntryWithSpacesInsideIsNamed() {
        assertThatThrownBy(() -> ProxySettings.fromEnvironment(
                Map.of("HTTPS_PROXY", "http://proxy:3128", "no_proxy", "a b.example"), HTTPS_API))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no_proxy");
    }

    @Test
    void anExactHostPatternMatchesOnlyThatHost() {
        ProxySettings proxy = ProxySettings.of(URI.create("http://proxy:3128")).withNonProxyHosts(List.of("Example.com"));
        assertThat(proxy.appliesTo(URI.create("https://example.COM/x"))).isFalse();
        assertThat(proxy.appliesTo(URI.create("https://www.example.com/x"))).isTrue();
    }

    @Test
    void aDomainPatternMatchesTheDomainAndItsSubdomains() {
        ProxySettings proxy = ProxySettings.of(URI.create("http://proxy:3128"))
                .withNonProxyHosts(List.of(".corp.example", "*.internal"));
        assertThat(proxy.appliesTo(URI.create("https://img.corp.example/a.png"))).isFalse();
        assertThat(proxy.appliesTo(URI.create("https://corp.example/a.png"))).isFalse();
        assertThat(proxy.appliesTo(URI.create("http://api.internal:8080"))).isFalse();
        assertThat(proxy.appliesTo(URI.create("https://notcorp.example/a.png"))).isTrue();
    }

    @Test
    void aStarPatternSendsEveryHostDirectly() {
        ProxySettings proxy = ProxySettings.of(URI.create("http://proxy:3128")).withNonProxyHosts(List.of("*"));
        assertThat(proxy.appliesTo(URI.create("https://api.defapi.org"))).isFalse();
    }

    @Test
    void toStringNeverShowsThePassword() {
        ProxySettings proxy = ProxySettings.of(URI.create("http://proxy:3128")).withCredentials("svc", "hunter2-secret");
        assertThat(proxy.toString()).contains("svc").doesNotContain("hunter2-secret");
        assertThat(HttpSettings.builder().proxy(proxy).build().toString()).doesNotContain("hunter2-secret");
    }

    @Test
    void basicAuthorizationEncodesUserAndPassword() {
        ProxySettings proxy = ProxySettings.of(URI.create("http://proxy:3128")).withCredentials("svc", "pw");
        assertThat(proxy.basicAuthorization()).contains("Basic c3ZjOnB3");
        assertThat(ProxySettings.of(URI.create("http://proxy:3128")).basicAuthorization()).isEmpty();
    }

    @Test
    void anAddressWithUserInfoIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> ProxySettings.of(URI.create("http://svc:hunter2@proxy:3128")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("proxy must be an http URL")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void anAddressThatIsNotHttpIsRefused() {
        assertThatThrownBy(() -> ProxySettings.of(URI.create("socks5://proxy:1080")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("proxy must be an http URL");
    }

    @Test
    void aUserWithoutAPasswordIsRefused() {
        assertThatThrownBy(() -> new ProxySettings(URI.create("http://proxy:3128"), "svc", null, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("go together");
    }

    @Test
    void aNonProxyHostWithASlashIsNamed() {
        assertThatThrownBy(() -> ProxySettings.of(URI.create("http://proxy:3128")).withNonProxyHosts(List.of("10.0.0.0/8")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10.0.0.0/8");
    }
}
