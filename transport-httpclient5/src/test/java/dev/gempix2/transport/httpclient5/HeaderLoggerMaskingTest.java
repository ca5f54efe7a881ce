package dev.gempix2.transport.httpclient5;

import static dev.gempix2.transport.httpclient5.Outcomes.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.testkit.contract.LogCapture;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Defect 7 of issue 11: with an SLF4J binding at DEBUG, HttpClient 5's own header logger
 * ({@code org.apache.hc.client5.http.headers}) printed {@code Authorization: Bearer <key>}.
 */
@Timeout(30)
class HeaderLoggerMaskingTest {
    private static final ApiKey KEY = ApiKey.of("dk-canary-header-logger-0123456789");
    private static final String MASKED_LINE = "Authorization: Bearer " + KEY.masked();

    @Test
    void httpClientsHeaderLoggerAtDebugShowsTheApiKeyMaskedWhileTheServerGetsItWhole() throws Exception {
        try (StubHttpServer server = new StubHttpServer();
             LogCapture logs = LogCapture.install();
             HttpClient5Transport transport = HttpClient5Transport.builder().baseUrl(server.baseUrl()).apiKey(KEY)
                     .build()) {
            server.json("/api/image/gen", 200, "{\"code\":0,\"message\":\"ok\",\"data\":{\"task_id\":\"ta-1\"}}");

            valueOf(transport.submit(ImageRequest.of("a red fox")));

            assertThat(server.takeRequest().header("Authorization")).isEqualTo(KEY.authorizationHeader());
            assertThat(logs.leaksOf(Set.of(MASKED_LINE))).as("the header logger ran, showing the masked header")
                    .isNotEmpty();
            assertThat(logs.leaksOf(Set.of(KEY.reveal()))).as("lines holding the key").isEmpty();
        }
    }

    @Test
    void httpClientsHeaderLoggerAtDebugShowsTheApiKeyMaskedOnADownloadFromTheApiHost() throws Exception {
        try (StubHttpServer server = new StubHttpServer();
             LogCapture logs = LogCapture.install();
             HttpClient5Transport transport = HttpClient5Transport.builder().baseUrl(server.baseUrl()).apiKey(KEY)
                     .build()) {
            server.answer("/files/a.png", 200, "image/png", "png");

            byte[] image = valueOf(transport.download(URI.create(server.baseUrl() + "/files/a.png"), 1024));

            assertThat(new String(image, StandardCharsets.UTF_8)).isEqualTo("png");
            assertThat(server.takeRequest().header("Authorization")).isEqualTo(KEY.authorizationHeader());
            assertThat(logs.leaksOf(Set.of(KEY.reveal()))).as("lines holding the key").isEmpty();
        }
    }
}
