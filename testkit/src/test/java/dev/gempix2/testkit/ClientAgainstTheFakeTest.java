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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
    private final List<CallbackOutcome> outcomes = new CopyOnWriteArrayList<>();

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

    /**
     * The fake holds the submit's answer until the callback is delivered (for up to 10 s of its own, and each
     * delivery attempt may take 5 s before a retry), so how long this takes is the fake's business: the test
     * waits for the events (bounded only by the class's hang guard) and checks that the callback, not a poll,
     * completed the wait. It used to assert that all of it took under 10 s, the same 10 s the fake may take by
     * design, and so failed whenever a loaded machine made the first webhook call slow.
     */
    @Test
    void aCallbackThatBeatsTheSubmitAnswerStillCompletesTheWait() throws IOException {
        fake.onEveryTask().callbackBeforeSubmitResponse();
        AtomicReference<GemPix2Client> receiver = new AtomicReference<>();
        URI callbackBase = startWebhook(receiver);
        client = GemPix2Client.builder().generator(TestTransports.jdk(fake.baseUrl(), fake.apiKey()))
                .pollingPolicy(PollingPolicy.builder().initialDelay(Duration.ofMinutes(1)).build())
                .callbackBaseUrl(callbackBase).build();
        receiver.set(client);

        Task task = client.generateAsync(ImageRequest.of("a kite")).join();

        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(outcomes).startsWith(CallbackOutcome.ACCEPTED);
        assertThat(fake.callbacksDelivered()).extracting(CallbackDelivery::taskId).containsExactly(task.id());
        assertThat(fake.requests()).as("the submit, then the one query confirming the callback: no poll")
                .extracting(RecordedRequest::method).containsExactly("POST", "GET");
    }

    // A plain-Java webhook: parses the payload with core's rules and hands it to the client's receiver.
    private URI startWebhook(AtomicReference<GemPix2Client> receiver) throws IOException {
        ObjectMapper json = new ObjectMapper();
        webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        webhook.createContext("/hooks/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Task reported = WireFormat.readCallback(json.readValue(exchange.getRequestBody(), Object.class));
            CallbackOutcome outcome = receiver.get().callbacks().receive(path.substring(path.lastIndexOf('/') + 1), reported);
            outcomes.add(outcome);
            exchange.sendResponseHeaders(outcome.httpStatus(), -1);
            exchange.close();
        });
        webhook.start();
        return URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/hooks");
    }
}
