package dev.gempix2.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.testkit.contract.FaultMatrixContract;
import dev.gempix2.testkit.contract.JsonMutations;
import dev.gempix2.testkit.contract.ReliabilityReport;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The webhook endpoint under abuse: oversized bodies refused before they are read whole, a wrong content type,
 * 2,000 random tokens, a valid token replayed after its task finished, and mutated JSON (never a 5xx). The
 * 10,000-token run is done once, on the JDK-server example ({@code JdkWebhookAbuseTest}): every endpoint hands
 * the token to the same {@code CallbackReceiver}, so here 2,000 prove the framework's part (all 404, no heap
 * growth, the real task untouched) at a fifth of the test time.
 */
@Timeout(90)
class CallbackEndpointAbuseTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int RANDOM_TOKENS = 2_000;

    private EmbeddedServer server;
    private ScriptedGenerator generator;
    private GemPix2Client client;

    @BeforeEach
    void start() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "gempix2.api-key", "dk-abuse-test-canary-7777",
                "gempix2.callback.base-url", "https://app.example/gempix2/callback",
                "test.user-beans", "generator"));
        generator = server.getApplicationContext().getBean(ScriptedGenerator.class);
        client = server.getApplicationContext().getBean(GemPix2Client.class);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aBodyDeclaredHugeIsRefusedBeforeItIsRead() throws Exception {
        String token = submitAndTakeToken();
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /gempix2/callback/" + token + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n{\"task_id\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = readLine(socket.getInputStream());
            assertThat(statusLine).as("answered while 1 GB is still to come").contains("413");
        }
    }

    @Test
    void aWrongContentTypeIsJudgedByTheBodyAndAFormIsRefused() throws Exception {
        // The spec does not say which content type the provider sends, so the endpoint reads any (consumes ALL):
        // what counts is whether the body is a callback.
        String token = submitAndTakeToken();
        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(url(token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("task_id=task-1&status=success")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> xml = HTTP.send(HttpRequest.newBuilder(url(token))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<callback><task_id>task-1</task_id></callback>")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(xml.statusCode()).isEqualTo(400);
        assertThat(generator.queries()).as("nothing was confirmed").isZero();
    }

    @Test
    void twoThousandRandomTokensAreAllNotFoundAndLeaveTheRealTaskAlone() throws Exception {
        String token = submitAndTakeToken();
        int queriesBefore = generator.queries();
        long heapBefore = usedHeapAfterGc();
        SecureRandom random = new SecureRandom();
        List<CompletableFuture<HttpResponse<Void>>> batch = new ArrayList<>();
        int notFound = 0;
        for (int i = 0; i < RANDOM_TOKENS; i++) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            batch.add(HTTP.sendAsync(HttpRequest.newBuilder(url(Base64.getUrlEncoder().withoutPadding()
                            .encodeToString(bytes))).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(success("task-1"))).build(),
                    HttpResponse.BodyHandlers.discarding()));
            if (batch.size() == 200 || i == RANDOM_TOKENS - 1) {
                for (CompletableFuture<HttpResponse<Void>> sent : batch) {
                    notFound += sent.get(30, TimeUnit.SECONDS).statusCode() == 404 ? 1 : 0;
                }
                batch.clear();
            }
        }
        assertThat(notFound).isEqualTo(RANDOM_TOKENS);
        assertThat(generator.queries()).as("no query for a forged callback").isEqualTo(queriesBefore);
        assertThat(usedHeapAfterGc() - heapBefore).as("heap growth").isLessThan(64L * 1024 * 1024);
        generator.answerQueriesWith(TaskStatus.SUCCESS);
        assertThat(post(token, success("task-1")).statusCode()).isEqualTo(200);
        assertThat(client.await(TaskId.of("task-1"), Duration.ofSeconds(30)).status()).isEqualTo(TaskStatus.SUCCESS);
    }

    @Test
    void aValidTokenReplayedAfterItsTaskFinishedIsANoOpWithoutAQuery() throws Exception {
        String token = submitAndTakeToken();
        generator.answerQueriesWith(TaskStatus.SUCCESS);
        assertThat(post(token, success("task-1")).statusCode()).isEqualTo(200);
        assertThat(client.await(TaskId.of("task-1"), Duration.ofSeconds(30)).status()).isEqualTo(TaskStatus.SUCCESS);
        int queries = generator.queries();

        HttpResponse<String> replay = post(token, success("task-1"));

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("duplicate");
        assertThat(generator.queries()).isEqualTo(queries);
    }

    @Test
    void mutatedCallbacksAreNeverAServerError() throws Exception {
        String token = submitAndTakeToken();
        // jqwik's generator, on a fixed seed so that every build sends the same 300 bodies.
        RandomGenerator<String> bodies = Arbitraries.randomValue(JsonMutations::callback).generator(1000);
        Random random = new Random(7);
        List<String> serverErrors = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String body = bodies.next(random).value();
            int status;
            try {
                status = post(token, body).statusCode();
            } catch (java.io.IOException noAnswer) {
                status = 599; // the server dropped the connection: an unhandled exception
            }
            if (status >= 500) {
                serverErrors.add(status + " for " + body);
            }
        }
        ReliabilityReport.recordFigures("property-micronaut-endpoint", Map.of("property_cases", 300L));
        if (!serverErrors.isEmpty()) {
            // Defect 5: an out-of-range created_at escapes the parser as DateTimeException.
            Assumptions.assumeFalse(FaultMatrixContract.PENDING_DEFECT_FIXES.contains("odd-provider-data"),
                    "pending the fix of defect 5: " + serverErrors.get(0));
        }
        assertThat(serverErrors).isEmpty();
    }

    private String submitAndTakeToken() {
        client.submit(ImageRequest.of("a lighthouse"));
        String path = generator.submitted().get(0).callbackUrl().orElseThrow().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private URI url(String token) {
        return server.getURI().resolve("/gempix2/callback/" + token);
    }

    private HttpResponse<String> post(String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url(token)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String success(String taskId) {
        return "{\"task_id\":\"" + taskId + "\",\"status\":\"success\","
                + "\"result\":[{\"image\":\"https://img.example/" + taskId + ".png\"}],\"consumed\":\"0.1\"}";
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
