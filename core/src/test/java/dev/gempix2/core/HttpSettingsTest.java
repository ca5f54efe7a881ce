package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {

    @Test
    void theDefaultsAreFiveSecondsToConnectThirtyOfSilenceAndNothingElse() {
        HttpSettings defaults = HttpSettings.defaults();
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.proxy()).isEmpty();
        assertThat(defaults.defaultHeaders()).isEmpty();
        assertThat(defaults.userAgentSuffix()).isEmpty();
    }

    @Test
    void aSecondValueForTheSameHeaderReplacesTheFirstWhateverItsCase() {
        HttpSettings http = HttpSettings.builder().defaultHeader("X-Tenant", "a").defaultHeader("x-tenant", "b").build();
        assertThat(http.defaultHeaders()).containsExactly(java.util.Map.entry("x-tenant", "b"));
    }

    @Test
    void aCallsOwnHeaderReplacesTheDefaultOfThatNameWhateverItsCase() {
        HttpSettings http = HttpSettings.builder().defaultHeader("X-Tenant", "default").defaultHeader("X-Zone", "eu")
                .build();
        assertThat(http.headersWith(java.util.Map.of("x-tenant", "own")))
                .containsExactly(java.util.Map.entry("X-Zone", "eu"), java.util.Map.entry("x-tenant", "own"));
    }

    @Test
    void aHeaderTheSdkSetsCannotBeADefault() {
        assertThatThrownBy(() -> HttpSettings.builder().defaultHeader("Authorization", "Bearer x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defaultHeader")
                .hasMessageContaining("Authorization").hasMessageNotContaining("Bearer x");
    }

    @Test
    void aHeaderValueOnTwoLinesIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> HttpSettings.builder().defaultHeader("X-Tenant", "a\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Tenant")
                .hasMessageNotContaining("X-Evil");
    }

    @Test
    void aTimeoutThatIsNotPositiveIsNamed() {
        assertThatThrownBy(() -> HttpSettings.builder().connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> HttpSettings.builder().responseTimeout(Duration.ofDays(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("responseTimeout");
    }

    @Test
    void aUserAgentSuffixCannotSmuggleAHeader() {
        assertThatThrownBy(() -> HttpSettings.builder().userAgentSuffix("app/1\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("userAgentSuffix");
    }

    @Test
    void toStringShowsHeaderNamesButNotTheirValues() {
        HttpSettings http = HttpSettings.builder().defaultHeader("X-Gateway-Key", "gw-secret-123").build();
        assertThat(http.toString()).contains("X-Gateway-Key").doesNotContain("gw-secret-123");
    }

    @Test
    void toBuilderKeepsEverySettingAndEqualsSaysSo() {
        HttpSettings http = HttpSettings.builder().connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(9)).proxy(ProxySettings.of(URI.create("http://proxy:3128")))
                .defaultHeader("X-Tenant", "a").userAgentSuffix("app/1.0").build();
        assertThat(http.toBuilder().build()).isEqualTo(http).hasSameHashCodeAs(http);
        assertThat(http.toBuilder().userAgentSuffix("app/2.0").build()).isNotEqualTo(http);
    }
}
