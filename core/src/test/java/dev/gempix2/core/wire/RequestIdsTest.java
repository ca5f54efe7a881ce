package dev.gempix2.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.error.ApiException;
import dev.gempix2.core.error.RateLimitedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
    private static final Map<String, Object> ERROR = Map.of("code", 500, "message", "boom");

    @Test
    void theProvidersRequestIdWinsOverTheOneTheRequestCarried() {
        WireResponse answer = WireResponse.json(500, ERROR, null)
                .withExchange(Map.of("X-Request-ID", List.of("prov-42")), "gp2-sent");

        ApiException error = (ApiException) WireFormat.error(answer);

        assertThat(error.requestId()).hasValue("prov-42");
        assertThat(error.getMessage()).endsWith("[request id prov-42]");
    }

    @Test
    void withoutAProviderIdTheSentIdIsReportedInTheMessage() {
        WireResponse answer = WireResponse.json(400, Map.of("code", 400, "message", "bad"), null)
                .withExchange(Map.of("Content-Type", List.of("application/json")), "gp2-sent");

        ApiException error = (ApiException) WireFormat.error(answer);

        assertThat(error.requestId()).hasValue("gp2-sent");
        assertThat(error.getMessage()).contains("gp2-sent");
    }

    @Test
    void responseHeadersKeepLowerCaseNamesAndDropCookies() {
        WireResponse answer = WireResponse.json(503, ERROR, "7")
                .withExchange(Map.of("Set-Cookie", List.of("session=secret"), "Retry-After", List.of("7"),
                        "X-Trace", List.of("a", "b")), "gp2-sent");

        ApiException error = (ApiException) WireFormat.error(answer);

        assertThat(error.responseHeaders()).containsEntry("retry-after", List.of("7"))
                .containsEntry("x-trace", List.of("a", "b")).doesNotContainKey("set-cookie");
        assertThat(error.retryAfter()).hasValue(Duration.ofSeconds(7));
    }

    @Test
    void anyApiErrorCarriesItsRetryAfterNotOnlyRateLimits() {
        ApiException teapot = (ApiException) WireFormat.error(WireResponse.json(418, ERROR, "3"));
        RateLimitedException limited = (RateLimitedException) WireFormat.error(WireResponse.json(429, ERROR, "2"));

        assertThat(teapot.retryAfter()).hasValue(Duration.ofSeconds(3));
        assertThat(limited.retryAfter()).hasValue(Duration.ofSeconds(2));
    }

    @Test
    void newIdsAreDistinctAndPrefixed() {
        assertThat(RequestIds.newId()).startsWith("gp2-").isNotEqualTo(RequestIds.newId());
    }
}
