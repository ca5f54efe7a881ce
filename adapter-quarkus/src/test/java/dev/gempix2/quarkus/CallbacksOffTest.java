package dev.gempix2.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@QuarkusTest
@TestProfile(CallbacksOffTest.WithoutCallbackBaseUrl.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CallbacksOffTest {

    /** The application sets no {@code gempix2.callback.base-url}. */
    public static class WithoutCallbackBaseUrl implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gempix2.callback.base-url", "");
        }
    }

    @TestHTTPResource("/gempix2/callback/some-token")
    URI callback;

    @Test
    void withoutACallbackBaseUrlNoWebhookRouteIsServed() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(callback)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"task_id\":\"t\",\"status\":\"success\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isNotEqualTo("unknown callback token");
    }
}
