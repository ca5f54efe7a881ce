package dev.gempix2.transport.httpclient5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class GemPix2ClientFromEnvTest {
    private static final String KEY = "dk-env-key-0123456789abcdef";

    @Test
    void fromEnvFindsThisTransportAndSpeaksToTheConfiguredBaseUrl() throws Exception {
        try (StubHttpServer server = new StubHttpServer()) {
            server.json("/api/task/query", 200, "{\"code\":0,\"data\":{\"task_id\":\"ta-1\",\"status\":\"in_progress\"}}");

            try (GemPix2Client client = GemPix2Client.fromEnv(
                    Map.of("GEMPIX2_API_KEY", KEY, "GEMPIX2_BASE_URL", server.baseUrl().toString()))) {
                assertThat(client.task(TaskId.of("ta-1")).status()).isEqualTo(TaskStatus.IN_PROGRESS);
            }

            StubHttpServer.Recorded request = server.takeRequest();
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
            assertThat(request.header("User-Agent")).startsWith("gempix2-java/");
        }
    }

    @Test
    void fromEnvGivesTheTransportTheNetworkVariables() throws Exception {
        try (StubHttpServer server = new StubHttpServer()) {
            server.json("/api/task/query", 200, "{\"code\":0,\"data\":{\"task_id\":\"ta-1\",\"status\":\"pending\"}}");

            try (GemPix2Client client = GemPix2Client.fromEnv(Map.of("GEMPIX2_API_KEY", KEY,
                    "GEMPIX2_BASE_URL", server.baseUrl().toString(), "GEMPIX2_USER_AGENT_SUFFIX", "env-app/3.1"))) {
                client.task(TaskId.of("ta-1"));
            }

            assertThat(server.takeRequest().header("User-Agent")).endsWith(" env-app/3.1");
        }
    }
}
