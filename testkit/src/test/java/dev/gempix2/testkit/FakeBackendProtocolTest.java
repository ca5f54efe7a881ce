package dev.gempix2.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.model.TaskId;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fake answers like the provider: keys, validation and the shapes of its bodies, per the spec. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FakeBackendProtocolTest {
    private static final ManualClock CLOCK = new ManualClock();
    private static final FakeGemPix2Backend FAKE = FakeGemPix2Backend.builder().clock(CLOCK).start();
    private final ApiCalls api = new ApiCalls(FAKE);

    @BeforeEach
    void reset() {
        FAKE.reset();
    }

    @AfterAll
    static void stop() {
        FAKE.close();
    }

    @Test
    void aSubmitAnswersOkWithTheNewTaskId() {
        HttpResponse<String> response = api.submit(ApiCalls.body("a lighthouse"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        Map<String, Object> body = ApiCalls.json(response.body());
        assertThat(body).containsEntry("code", 0).containsEntry("message", "ok");
        assertThat(ApiCalls.data(response)).containsOnlyKeys("task_id");
        assertThat((String) ApiCalls.data(response).get("task_id")).matches("ta[0-9a-f]{6}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void aQueryAnswersWithTheCallbackPayloadFieldsAndTheCreationTime() {
        TaskId id = api.submitPrompt("a lighthouse");
        Map<String, Object> data = api.queryData(id);
        assertThat(data).containsOnlyKeys("task_id", "status", "result", "consumed", "status_reason", "created_at");
        assertThat(data).containsEntry("task_id", id.value()).containsEntry("status", "pending")
                .containsEntry("result", null).containsEntry("consumed", "0.000000")
                .containsEntry("created_at", CLOCK.now().toString());
        assertThat(data.get("status_reason")).isEqualTo(java.util.Collections.singletonMap("message", null));
    }

    @Test
    void aSubmitWithoutKeyGetsTheGenEndpointsUnauthorizedBody() {
        HttpResponse<String> response = api.submitWith(null, ApiCalls.body("x"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"code\":1,\"message\":\"Invalid API key\"}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Bearer dk-unknown-key-123", "dk-no-scheme", "Basic Zm9vOmJhcg==", "Bearer"})
    void aSubmitWithAMalformedOrUnknownKeyIsRefused(String authorization) {
        assertThat(api.submitWith(authorization, ApiCalls.body("x")).statusCode()).isEqualTo(401);
        assertThat(FAKE.taskIds()).isEmpty();
    }

    @Test
    void aQueryWithAnUnknownKeyGetsTheQueryEndpointsUnauthorizedBodyWithCode401() {
        TaskId id = api.submitPrompt("x");
        HttpResponse<String> response = api.queryWith(dev.gempix2.core.model.ApiKey.of("dk-nope-1234"), id.value());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"code\":401,\"message\":\"Invalid API key\"}");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"model\":\"google/gempix2\"}|prompt is required",
            "{\"model\":\"google/gempix2\",\"prompt\":\"  \"}|prompt is required",
            "{\"model\":\"google/gempix2\",\"prompt\":7}|prompt must be a string",
            "{\"prompt\":\"x\"}|model is required",
            "{\"model\":\"acme/other\",\"prompt\":\"x\"}|model 'acme/other' is not supported",
            "{\"model\":\"google/gempix2\",\"prompt\":\"x\",\"images\":[\"https://a/1\",\"https://a/2\",\"https://a/3\",\"https://a/4\",\"https://a/5\"]}|images must contain at most 4 items",
            "{\"model\":\"google/gempix2\",\"prompt\":\"x\",\"images\":\"https://a/1\"}|images must be an array of strings",
            "{\"model\":\"google/gempix2\",\"prompt\":\"x\",\"images\":[\"ftp://a/1\"]}|images[0] must be an http(s) URL or a data: URI",
            "{\"model\":\"google/gempix2\",\"prompt\":\"x\",\"callback_url\":\"not a url\"}|callback_url must be an http(s) URL",
            "{\"model\":\"google/gempix2\",|invalid JSON body",
            "[1,2]|request body must be a JSON object"})
    void anInvalidSubmitGetsTheProvidersBadRequestBody(String json, String detail) {
        HttpResponse<String> response = api.submit(json);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiCalls.json(response.body())).containsExactly(
                Map.entry("code", 1), Map.entry("message", "failed"), Map.entry("detail", detail));
        assertThat(FAKE.taskIds()).isEmpty();
    }

    @Test
    void fourReferenceImagesAndAllOptionalFieldsAreAccepted() {
        HttpResponse<String> response = api.submit("{\"model\":\"google/gemini-2.5-flash-image\",\"prompt\":\"x\","
                + "\"images\":[\"https://a/1\",\"https://a/2\",\"http://a/3\",\"data:image/png;base64,AAAA\"],"
                + "\"callback_url\":\"http://127.0.0.1:9/hook\",\"aspect_ratio\":\"16:9\"}");
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownTaskIsNotFound() {
        HttpResponse<String> response = api.query(TaskId.of("ta-unknown"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"code\":1,\"message\":\"task not found\"}");
    }

    @Test
    void anotherAccountsTaskIsNotFound() {
        TaskId id = api.submitPrompt("mine");
        assertThat(api.queryWith(FAKE.newApiKey(), id.value()).statusCode()).isEqualTo(404);
    }

    @Test
    void aQueryWithoutTaskIdIsABadRequest() {
        HttpResponse<String> response = api.queryWith(FAKE.apiKey(), "");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiCalls.json(response.body())).containsEntry("detail", "task_id is required");
    }

    @Test
    void aWrongMethodIsRefusedAndAnUnknownPathIsNotFound() {
        HttpResponse<String> wrongMethod = api.send(HttpRequest.newBuilder(FAKE.baseUrl().resolve("/api/image/gen"))
                .header("Authorization", FAKE.apiKey().authorizationHeader()).GET().build());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
        HttpResponse<String> unknown = api.send(HttpRequest.newBuilder(FAKE.baseUrl().resolve("/api/v2/other")).GET().build());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(ApiCalls.json(unknown.body())).containsEntry("code", 1);
    }

    @Test
    void aRevokedKeyIsRefusedAndANewKeyIsAccepted() {
        dev.gempix2.core.model.ApiKey second = FAKE.newApiKey();
        assertThat(api.submitWith(second.authorizationHeader(), ApiCalls.body("x")).statusCode()).isEqualTo(200);
        FAKE.revokeApiKey(second);
        assertThat(api.submitWith(second.authorizationHeader(), ApiCalls.body("x")).statusCode()).isEqualTo(401);
    }
}
