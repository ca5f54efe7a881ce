package dev.gempix2.examples.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.port.TaskRepository;
import dev.gempix2.repository.jdbc.JdbcTaskRepository;
import dev.gempix2.testkit.CallbackDelivery;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two instances of the app on one PostgreSQL: this Quarkus app with {@code gempix2.repository.type=jdbc} on
 * Agroal's datasource, and a second instance built by hand ({@link PlainJavaInstance}). The provider's callback
 * for a task submitted through the Quarkus app reaches the other instance, which confirms it and saves the
 * result; the database pushes it to the Quarkus app, whose {@code POST /images} answers with the image.
 */
@QuarkusTest
@WithTestResource(SharedStoreResource.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TwoInstancesShareOneStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI app;

    @Inject
    TaskRepository repository;

    @Test
    void theAppStoresItsTasksInTheDatabaseThroughAgroal() {
        assertThat(repository).isInstanceOf(JdbcTaskRepository.class);
    }

    @Test
    void aTaskSubmittedThroughOneInstanceCompletesFromACallbackThatReachedTheOther() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.resolve("images"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"two harbours\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("images")).isNotEmpty();
        TaskId id = TaskId.of(body.get("taskId").asText());
        CallbackDelivery delivered = SharedStoreResource.fake.awaitCallbackDelivered(id, Duration.ofSeconds(10));
        assertThat(delivered.status()).as("instance 2 found the task in the shared store").isBetween(200, 299);
        // Instance 2's confirming query is the only one: the Quarkus app learnt the result from the database,
        // not by polling (its first poll would come after 60 s).
        assertThat(SharedStoreResource.fake.queriesFor(id)).hasSize(1);
    }
}
