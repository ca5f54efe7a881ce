package dev.gempix2.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.FakeResponse;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Downloads on Micronaut's client are covered by the channel-closing cancel as API calls are: a download
 * cancelled (a call's deadline) while the server drips its body closes its connection, instead of leaving the
 * client reading the rest until its read timeout (30 s here) with the connection taken from the pool.
 */
@Timeout(60)
class MicronautDownloadDeadlineTest {
    private static final int POOL = 2;

    @Test
    void downloadsCancelledWhileTheServerDripsFreeTheirConnectionsSoAFullPoolStillServesTheNextCall()
            throws Exception {
        try (FakeGemPix2Backend fake = FakeGemPix2Backend.builder().stageDuration(Duration.ofMillis(50)).start();
             ContextTransport transport = new ContextTransport(fake.baseUrl(), fake.apiKey(), Duration.ofSeconds(30),
                     Map.of("micronaut.http.services.gempix2.pool.enabled", true,
                             "micronaut.http.services.gempix2.pool.max-concurrent-http1-connections", POOL))) {
            fake.respondWith(request -> request.path().equals("/drip.png")
                    ? FakeResponse.of(200, "image/png", new byte[100_000]).stallingAfter(1) : null);
            URI drip = URI.create(fake.baseUrl() + "/drip.png");
            for (int i = 0; i < POOL; i++) {
                CompletableFuture<byte[]> download = transport.download(drip, 1_000_000);
                fake.takeRequest(Duration.ofSeconds(10));   // the download holds a connection now
                download.cancel(true);
            }

            TaskId next = transport.submit(ImageRequest.of("a lighthouse")).get(10, TimeUnit.SECONDS);

            assertThat(next).as("a pooled connection was free for the next call").isNotNull();
        }
    }
}
