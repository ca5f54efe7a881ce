package dev.gempix2.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.gempix2.core.CallbackOutcome;
import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.error.TaskFailedException;
import dev.gempix2.core.model.ImageData;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.core.wire.WireFormat;
import dev.gempix2.testkit.contract.TestTransports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The core client, over a plain JDK transport, against the fake in real time: the whole flow end to end. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClientAgainstTheFakeTest {
    private static final PollingPolicy QUICK = PollingPolicy.builder().initialDelay(Duration.ofMillis(20))
            .maxInterval(Duration.ofMillis(50)).waitTimeout(Duration.ofSeconds(20)).build();

    private final FakeGemPix2Backend fake = FakeGemPix2Backend.builder().stageDuration(Duration.ofMillis(30)).start();
    private GemPix2Client client;
    private HttpServer webhook;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (webhook != null) {
            webhook.stop(0);
        }
        fake.close();
    }

    @Test
    void generateWaitsForTheImagesAndDownloadsThem() {
        fake.onPrompt("fox").succeedWith(2);
        client = GemPix2Client.builder().generator(TestTransports.jdk(fake.baseUrl(), fake.apiKey()))
                .pollingPolicy(QUICK).build();
        Task task = client.generate(ImageRequest.of("a red fox"));
        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(task.images()).hasSize(2);
        assertThat(ImageData.sniff(client.download(task.images().get(0))).mediaType()).isEqualTo("image/png");
    }

    @Test
    void aFailedTaskThrowsWithTheProvidersReason() {
        fake.onPrompt("forbidden").failWith("prompt violates the content policy");
        client = GemPix2Client.builder().generator(TestTransports.jdk(fake.baseUrl(), fake.apiKey()))
                .pollingPolicy(QUICK).build();
        try {
            client.generate(ImageRequest.of("something forbidden"));
            throw new AssertionError("expected a TaskFailedException");
        } catch (TaskFailedException failed) {
            assertThat(failed.getMessage()).contains("prompt violates the content policy");
        }
    }

    @Test
    void aCallbackThatBeatsTheSubmitAnswerStillCompletesTheWait() throws IOException {
        fake.onEveryTask().callbackBeforeSubmitResponse();
        AtomicReference<GemPix2Client> receiver = new AtomicReference<>();
        URI callbackBase = startWebhook(receiver);
        client = GemPix2Client.builder().generator(TestTransports.jdk(fake.baseUrl(), fake.apiKey()))
                .pollingPolicy(PollingPolicy.builder().initialDelay(Duration.ofMinutes(1)).build())
                .callbackBaseUrl(callbackBase).build();
        receiver.set(client);
        CompletableFuture<Task> generated = client.generateAsync(ImageRequest.of("a kite"));
        assertThat(generated).succeedsWithin(Duration.ofSeconds(10))
                .extracting(Task::status).isEqualTo(TaskStatus.SUCCESS);
        fake.awaitCallbackDelivered(generated.join().id(), Duration.ofSeconds(10));
        assertThat(fake.callbacksDelivered()).hasSize(1);
    }

    // A plain-Java webhook: parses the payload with core's rules and hands it to the client's receiver.
    private URI startWebhook(AtomicReference<GemPix2Client> receiver) throws IOException {
        ObjectMapper json = new ObjectMapper();
        webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        webhook.createContext("/hooks/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Task reported = WireFormat.readCallback(json.readValue(exchange.getRequestBody(), Object.class));
            CallbackOutcome outcome = receiver.get().callbacks().receive(path.substring(path.lastIndexOf('/') + 1), reported);
            exchange.sendResponseHeaders(outcome.httpStatus(), -1);
            exchange.close();
        });
        webhook.start();
        return URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/hooks");
    }
}
