package dev.gempix2.quarkus.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeGemPix2ResourceTest {

    @Test
    void startGivesTheAppTheFakesUrlKeyAndACallbackUrlOnItsTestPort() throws Exception {
        FakeGemPix2Resource resource = new FakeGemPix2Resource();
        resource.init(Map.of("stage-duration", "0s"));
        try {
            Map<String, String> config = resource.start();
            assertThat(config).containsKeys("gempix2.base-url", "gempix2.api-key")
                    .containsEntry("gempix2.callback.base-url",
                            "http://localhost:${quarkus.http.test-port}${gempix2.callback.path}");
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(config.get("gempix2.base-url")).resolve("/api/task/query?task_id=ta-none"))
                    .header("Authorization", "Bearer " + config.get("gempix2.api-key")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(404);
        } finally {
            resource.stop();
        }
    }

    @Test
    void callbacksFalseLeavesTheCallbackUrlAlone() {
        FakeGemPix2Resource resource = new FakeGemPix2Resource();
        resource.init(Map.of("callbacks", "false"));
        try {
            assertThat(resource.start()).doesNotContainKey("gempix2.callback.base-url");
        } finally {
            resource.stop();
        }
    }

    @Test
    void anUnreadableStageDurationIsRefusedNamingTheArgument() {
        FakeGemPix2Resource resource = new FakeGemPix2Resource();
        assertThatThrownBy(() -> resource.init(Map.of("stage-duration", "soon")))
                .hasMessageContaining("'stage-duration'");
    }
}
