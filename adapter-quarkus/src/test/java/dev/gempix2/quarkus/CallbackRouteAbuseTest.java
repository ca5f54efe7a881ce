package dev.gempix2.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.quarkus.testing.FakeGemPix2Resource;
import dev.gempix2.quarkus.testing.InjectFakeGemPix2;
import dev.gempix2.testkit.CallbackDelivery;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.contract.FaultMatrixContract;
import dev.gempix2.testkit.contract.JsonMutations;
import dev.gempix2.testkit.contract.ReliabilityReport;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.RandomGenerator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The webhook route under abuse: oversized bodies refused before they are read whole, a wrong content type,
 * 2,000 random tokens, a valid token replayed after its task finished, and mutated JSON (never a 5xx). The
 * 10,000-token run is done once, on the JDK-server example ({@code JdkWebhookAbuseTest}): every endpoint hands
 * the token to the same {@code CallbackReceiver}, so here 2,000 prove the framework's part (all 404, no heap
 * growth, the real task untouched) at a fifth of the test time.
 */
@QuarkusTest
@WithTestResource(FakeGemPix2Resource.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CallbackRouteAbuseTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int RANDOM_TOKENS = 2_000;

    @TestHTTPResource("/gempix2/callback")
    URI callbacks;

    @InjectFakeGemPix2
    FakeGemPix2Backend fake;

    @Inject
    GemPix2Client client;

    @Test
    void aBodyDeclaredHugeIsRefusedBeforeItIsRead() throws Exception {
        try (Socket socket = new Socket(callbacks.getHost(), callbacks.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + callbacks.getPath() + "/some-token HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n{\"task_id\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readLine(socket.getInputStream())).as("answered while 1 GB is still to come").contains("413");
        }
    }

    @Test
    void aWrongContentTypeIsJudgedByTheBodyAndAFormIsRefused() throws Exception {
        // The spec does not say which content type the provider sends: what counts is whether the body is a callback.
        CallbackDelivery delivered = finishedTaskCallback("a wrong content type");
        int queries = fake.queriesFor(delivered.taskId()).size();
        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(delivered.url())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("task_id=x&status=success")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> xml = HTTP.send(HttpRequest.newBuilder(delivered.url())
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<callback><task_id>x</task_id></callback>")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isBetween(400, 499);
        assertThat(xml.statusCode()).isBetween(400, 499);
        assertThat(fake.queriesFor(delivered.taskId())).hasSize(queries);
    }

    @Test
    void twoThousandRandomTokensAreAllNotFoundAndLeaveRealTasksAlone() throws Exception {
        long requestsBefore = fake.requestCount();
        long heapBefore = usedHeapAfterGc();
        SecureRandom random = new SecureRandom();
        String body = "{\"task_id\":\"ta-forged\",\"status\":\"success\",\"result\":[{\"image\":\"https://x.example/1.png\"}]}";
        List<CompletableFuture<HttpResponse<Void>>> batch = new ArrayList<>();
        int notFound = 0;
        for (int i = 0; i < RANDOM_TOKENS; i++) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            batch.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(callbacks + "/"
                            + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.discarding()));
            if (batch.size() == 200 || i == RANDOM_TOKENS - 1) {
                for (CompletableFuture<HttpResponse<Void>> sent : batch) {
                    notFound += sent.get(30, TimeUnit.SECONDS).statusCode() == 404 ? 1 : 0;
                }
                batch.clear();
            }
        }
        assertThat(notFound).isEqualTo(RANDOM_TOKENS);
        assertThat(fake.requestCount()).as("no query for a forged callback").isEqualTo(requestsBefore);
        assertThat(usedHeapAfterGc() - heapBefore).as("heap growth").isLessThan(64L * 1024 * 1024);
        Task task = client.generate(ImageRequest.of("a real task after the storm"), Duration.ofSeconds(20));
        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
    }

    @Test
    void aValidTokenReplayedAfterItsTaskFinishedIsANoOpWithoutAQuery() throws Exception {
        CallbackDelivery delivered = finishedTaskCallback("a replayed callback");
        int queries = fake.queriesFor(delivered.taskId()).size();

        HttpResponse<String> replay = HTTP.send(HttpRequest.newBuilder(delivered.url())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(delivered.body()))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo("duplicate");
        assertThat(fake.queriesFor(delivered.taskId())).hasSize(queries);
    }

    @Test
    void mutatedCallbacksAreNeverAServerError() throws Exception {
        CallbackDelivery delivered = finishedTaskCallback("mutated callbacks");
        // jqwik's generator, on a fixed seed so that every build sends the same 300 bodies.
        RandomGenerator<String> bodies = Arbitraries.randomValue(JsonMutations::callback).generator(1000);
        Random random = new Random(7);
        List<String> serverErrors = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String body = bodies.next(random).value();
            int status;
            try {
                status = HTTP.send(HttpRequest.newBuilder(delivered.url()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode();
            } catch (java.io.IOException noAnswer) {
                status = 599; // the server dropped the connection: an unhandled exception
            }
            if (status >= 500) {
                serverErrors.add(status + " for " + body);
            }
        }
        ReliabilityReport.recordFigures("property-quarkus-endpoint", Map.of("property_cases", 300L));
        if (!serverErrors.isEmpty()) {
            // Defect 5: an out-of-range created_at escapes the parser as DateTimeException.
            Assumptions.assumeFalse(FaultMatrixContract.PENDING_DEFECT_FIXES.contains("odd-provider-data"),
                    "pending the fix of defect 5: " + serverErrors.get(0));
        }
        assertThat(serverErrors).isEmpty();
    }

    private CallbackDelivery finishedTaskCallback(String prompt) {
        Task task = client.generate(ImageRequest.of(prompt), Duration.ofSeconds(20));
        // The fake records a delivery once it has the answer, which may be after the wait ended: wait for it.
        CallbackDelivery delivery;
        do {
            delivery = fake.takeCallback(Duration.ofSeconds(10));
        } while (!delivery.taskId().equals(task.id()) || !delivery.isDelivered());
        return delivery;
    }

    private static String readLine(InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        for (int next = in.read(); next >= 0 && next != '\n'; next = in.read()) {
            line.append((char) next);
        }
        return line.toString();
    }

    private static long usedHeapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
