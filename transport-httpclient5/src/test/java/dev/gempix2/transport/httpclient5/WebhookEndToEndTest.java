package dev.gempix2.transport.httpclient5;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.testkit.CallbackDelivery;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.ManualClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Callbacks received by the JDK's HttpServer, read by {@link CallbackParser}, handed to the client (as in the README). */
@Timeout(60)
class WebhookEndToEndTest {
    private static final String PATH = "/gempix2/callback/";

    private ManualClock clock;
    private FakeGemPix2Backend fake;
    private HttpClient5Transport transport;
    private GemPix2Client client;
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        clock = new ManualClock();
        fake = FakeGemPix2Backend.builder().clock(clock).start();
        transport = HttpClient5Transport.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        client = GemPix2Client.builder()
                .generator(transport)
                .clock(clock)
                .callbackBaseUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/gempix2/callback"))
                .build();
        server.createContext(PATH, exchange -> {
            int status;
            if (!"POST".equals(exchange.getRequestMethod())) {
                status = 405;
            } else {
                String path = exchange.getRequestURI().getPath();
                String token = path.substring(path.lastIndexOf('/') + 1);
                try {
                    Task reported = CallbackParser.parse(exchange.getRequestBody().readAllBytes());
                    status = client.callbacks().receive(token, reported).httpStatus();
                } catch (InvalidRequestException malformed) {
                    status = 400;
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        client.close();
        transport.close();
        fake.close();
    }

    private int post(String path, String body) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aCallbackCompletesTheGenerateAfterOneConfirmingQuery() throws Exception {
        TaskId id = client.submitAsync(ImageRequest.of("a fox by callback")).get(10, TimeUnit.SECONDS);
        CompletableFuture<Task> generating = client.awaitAsync(id);

        clock.advance(Duration.ofSeconds(3)); // pending, submitted, in_progress: now it succeeds and calls back
        CallbackDelivery delivery = fake.takeCallback(Duration.ofSeconds(10));
        Task task = generating.get(10, TimeUnit.SECONDS);

        assertThat(delivery.status()).isEqualTo(200);
        assertThat(delivery.url().getPath()).startsWith(PATH);
        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(fake.queriesFor(task.id())).as("no poll was needed, only the confirming query").hasSize(1);
    }

    @Test
    void aCallbackWithAnUnknownTokenIsAnswered404() throws Exception {
        String body = "{\"task_id\":\"ta-forged\",\"status\":\"success\",\"result\":[{\"image\":\"https://evil.example/x.png\"}]}";

        assertThat(post(PATH + "not-a-token-we-issued", body)).isEqualTo(404);
    }

    @Test
    void aBodyThatIsNotACallbackIsAnswered400() throws Exception {
        assertThat(post(PATH + "whatever", "<xml>not json</xml>")).isEqualTo(400);
    }
}
