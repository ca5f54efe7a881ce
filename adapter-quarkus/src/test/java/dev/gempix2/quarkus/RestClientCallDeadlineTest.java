package dev.gempix2.quarkus;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.RequestOptions;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.quarkus.internal.RestClientImageGenerator;
import dev.gempix2.quarkus.internal.StandaloneRestClients;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.FakeResponse;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Defect 2 of the reliability issue, "no overall deadline on a call", on the Quarkus REST Client: a query past its
 * deadline fails at the deadline while the server keeps the answer open (the client's read timeout is 30 s here).
 * (Whether the cancelled exchange's pooled connection is freed at once is not asserted here: see the adapter's
 * README.)
 */
@QuarkusTest
@Timeout(30)
class RestClientCallDeadlineTest {

    @Test
    void aQueryPastItsDeadlineFailsAtTheDeadlineWhileTheServerStaysSilent() {
        try (FakeGemPix2Backend fake = FakeGemPix2Backend.builder().start()) {
            fake.respondWith(request -> request.path().endsWith("/task/query")
                    ? FakeResponse.json(200, "{\"code\":0,\"data\":{\"status\":\"pending\"}}").stallingAfter(1)
                    : null);
            RestClientImageGenerator generator = new RestClientImageGenerator(
                    StandaloneRestClients.build(fake.baseUrl(), Duration.ofSeconds(30)), fake.apiKey(), true);
            try (GemPix2Client client = GemPix2Client.builder().generator(generator).build()) {
                assertThatThrownBy(() -> client.task(TaskId.of("stuck"), RequestOptions.builder()
                        .timeout(Duration.ofMillis(300)).build()))
                        .isInstanceOf(TransportException.class).hasMessageContaining("deadline of 300 ms");
            } finally {
                generator.close();
            }
        }
    }
}
