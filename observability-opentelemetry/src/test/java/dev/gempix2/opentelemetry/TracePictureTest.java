package dev.gempix2.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.RetryPolicy;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.Fault;
import dev.gempix2.transport.httpclient5.HttpClient5Transport;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Draws one traced generate (a 500 retried, a few polls, a download) as a timeline. The picture goes to
 * {@code target/}; with {@code -Dgempix2.docs.write=true} also to the README's {@code docs/trace-generate.png}.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TracePictureTest {
    @RegisterExtension
    static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

    @Test
    void aTracedGenerateIsDrawnAsATimelineOfItsSpans() throws IOException {
        try (FakeGemPix2Backend fake = FakeGemPix2Backend.builder()
                .stageDurations(Duration.ofMillis(60), Duration.ofMillis(80), Duration.ofMillis(120)).start();
             GemPix2Client client = GemPix2Client.builder()
                     .generator(HttpClient5Transport.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build())
                     .observer(GemPix2Tracing.create(OTEL.getOpenTelemetry()))
                     .pollingPolicy(PollingPolicy.builder().initialDelay(Duration.ofMillis(50)).multiplier(1.5)
                             .maxInterval(Duration.ofMillis(120)).build())
                     .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(20)).build())
                     .build()) {
            client.generate(ImageRequest.of("a warm-up, so that connection setup does not fill the picture"));
            OTEL.clearSpans();
            fake.onPrompt("lighthouse").onQuery(Fault.status(500), 1).consumed("1.000000");
            Span request = OTEL.getOpenTelemetry().getTracer("app").spanBuilder("POST /images").startSpan();
            try (Scope ignored = request.makeCurrent()) {
                Task task = client.generate(ImageRequest.of("a lighthouse at dawn"));
                client.download(task.images().get(0));
            } finally {
                request.end();
            }
        }

        Path picture = Path.of("target", "trace-generate.png");
        TraceTimeline.write(OTEL.getSpans(), "One traced generate: POST /images → gempix2 generate → HTTP attempts",
                picture);
        if (Boolean.getBoolean("gempix2.docs.write")) {
            TraceTimeline.write(OTEL.getSpans(), "One traced generate: POST /images → gempix2 generate → HTTP attempts",
                    Path.of("..", "docs", "trace-generate.png"));
        }

        assertThat(ImageIO.read(picture.toFile()).getHeight()).isGreaterThan(100);
        assertThat(Files.size(picture)).isPositive();
    }
}
