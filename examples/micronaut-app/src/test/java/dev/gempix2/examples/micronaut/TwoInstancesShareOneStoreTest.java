package dev.gempix2.examples.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.model.TaskId;
import dev.gempix2.testkit.CallbackDelivery;
import dev.gempix2.testkit.FakeGemPix2Backend;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two instances of the app, as behind a load balancer, on one PostgreSQL with {@code gempix2.repository.type=jdbc}:
 * the provider's callback for a task submitted through instance 1 reaches instance 2, which confirms it and saves
 * the result; the database pushes it to instance 1, whose {@code POST /images} answers with the image.
 */
@Timeout(90)
class TwoInstancesShareOneStoreTest {
    private static EmbeddedPostgres postgres;
    private static FakeGemPix2Backend fake;
    private static EmbeddedServer instance1;
    private static EmbeddedServer instance2;
    private static Path imagesDir;

    @BeforeAll
    static void startDatabaseFakeAndTwoInstances() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        fake = FakeGemPix2Backend.builder().stageDuration(Duration.ofMillis(100)).start();
        imagesDir = Files.createTempDirectory("gempix2-images");
        int port2 = freeLoopbackPort();
        instance2 = ApplicationContext.run(EmbeddedServer.class, instance(port2, port2, "instance-2"));
        // Instance 1 names instance 2's webhook as its callback URL: the load balancer sent the callback there.
        instance1 = ApplicationContext.run(EmbeddedServer.class, instance(freeLoopbackPort(), port2, "instance-1"));
    }

    @AfterAll
    static void stopAll() throws IOException {
        for (AutoCloseable closeable : new AutoCloseable[] {instance1, instance2, fake, postgres}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // best effort: the next one still closes
            }
        }
    }

    private static Map<String, Object> instance(int port, int callbackPort, String name) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.application.name", name);
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.put("micronaut.server.port", port);
        properties.put("datasources.default.url", postgres.getJdbcUrl("postgres", "postgres"));
        properties.put("datasources.default.username", "postgres");
        properties.put("datasources.default.password", "");
        properties.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        properties.put("datasources.default.maximum-pool-size", 4);
        properties.put("gempix2.repository.type", "jdbc");
        properties.put("gempix2.api-key", fake.apiKey().reveal());
        properties.put("gempix2.base-url", fake.baseUrl().toString());
        properties.put("gempix2.callback.base-url", "http://127.0.0.1:" + callbackPort + "/gempix2/callback");
        // Polling is the safety net: keep it out of the way, so that the callback and the push are what complete.
        properties.put("gempix2.polling.initial-delay", "60s");
        properties.put("app.images-dir", imagesDir.toString());
        return properties;
    }

    @Test
    void aTaskSubmittedThroughOneInstanceCompletesFromACallbackThatReachedTheOther() throws Exception {
        GeneratedImages answer;
        try (HttpClient http = HttpClient.create(new URL("http://127.0.0.1:" + instance1.getPort()))) {
            answer = http.toBlocking().retrieve(
                    HttpRequest.POST("/images", Map.of("prompt", "two lighthouses")), GeneratedImages.class);
        }

        TaskId id = TaskId.of(answer.taskId());
        assertThat(answer.images()).isNotEmpty().allSatisfy(image ->
                assertThat(Path.of(image.file())).startsWith(imagesDir).isRegularFile());
        CallbackDelivery delivered = fake.awaitCallbackDelivered(id, Duration.ofSeconds(10));
        assertThat(delivered.status()).as("instance 2 found the task in the shared store").isBetween(200, 299);
        assertThat(fake.submitCount()).isEqualTo(1);
        // Instance 2's confirming query is the only one: instance 1 learnt the result from the database, not by
        // polling (its first poll would come after 60 s).
        assertThat(fake.queriesFor(id)).hasSize(1);
    }

    private static int freeLoopbackPort() throws IOException {
        // The callback URL must name a port before the app starts: ask the system for a free one.
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
