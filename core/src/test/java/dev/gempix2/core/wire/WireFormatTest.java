package dev.gempix2.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.error.ApiException;
import dev.gempix2.core.error.AuthenticationException;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.error.RateLimitedException;
import dev.gempix2.core.error.ServerException;
import dev.gempix2.core.error.TaskNotFoundException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Model;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shared mapping rules every transport relies on. */
class WireFormatTest {
    private static final TaskId QUERIED = TaskId.of("ta-1");

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({"pending, PENDING", "submitted, SUBMITTED", "in_progress, IN_PROGRESS", "success, SUCCESS",
            "failed, FAILED", "IN_PROGRESS, IN_PROGRESS", "queued_somewhere, UNKNOWN"})
    void everyStatusIsRead(String wire, TaskStatus expected) {
        Task task = WireFormat.readQueryResponse(ok(Map.of("task_id", "ta-1", "status", wire)), QUERIED);

        assertThat(task.status()).isEqualTo(expected);
        assertThat(task.isFinal()).isEqualTo(expected == TaskStatus.SUCCESS || expected == TaskStatus.FAILED);
    }

    @Test
    void aSuccessfulQueryCarriesImagesAndTheConsumedCreditsParsedFromAString() {
        Map<String, Object> data = Map.of("task_id", "ta-1", "status", "success",
                "result", List.of(Map.of("image", "https://img.example/1.png"),
                        Map.of("image", "data:image/png;base64,iVBORw0KGgo=")),
                "consumed", "0.500000", "status_reason", Map.of(), "something_new", List.of(1, 2));

        Task task = WireFormat.readQueryResponse(ok(data), QUERIED);

        assertThat(task.images()).hasSize(2);
        assertThat(task.images().get(0).location()).isEqualTo("https://img.example/1.png");
        assertThat(task.images().get(1).isDataUri()).isTrue();
        assertThat(task.images().get(1).decode().mediaType()).isEqualTo("image/png");
        assertThat(task.consumedCredits()).hasValue(new BigDecimal("0.500000"));
        assertThat(task.statusMessage()).isEmpty();
    }

    @Test
    void aFailedQueryWithNullResultCarriesTheReason() {
        Map<String, Object> data = new HashMap<>();
        data.put("task_id", "ta-1");
        data.put("status", "failed");
        data.put("result", null);
        data.put("status_reason", Map.of("message", "content policy violation"));

        Task task = WireFormat.readQueryResponse(ok(data), QUERIED);

        assertThat(task.images()).isEmpty();
        assertThat(task.statusMessage()).hasValue("content policy violation");
    }

    @Test
    void aTextOnlyResultBecomesTheStatusMessage() {
        Map<String, Object> data = Map.of("task_id", "ta-1", "status", "success",
                "result", List.of(Map.of("text", "I cannot draw that.")));

        Task task = WireFormat.readQueryResponse(ok(data), QUERIED);

        assertThat(task.images()).isEmpty();
        assertThat(task.statusMessage()).hasValue("I cannot draw that.");
    }

    @Test
    void missingOptionalFieldsAreToleratedAndTheQueriedIdIsUsed() {
        Task task = WireFormat.readQueryResponse(ok(Map.of("status", "pending")), QUERIED);

        assertThat(task.id()).isEqualTo(QUERIED);
        assertThat(task.consumedCredits()).isEmpty();
        assertThat(task.createdAt()).isEmpty();
    }

    @Test
    void aCreationTimeInEpochSecondsIsRead() {
        Task task = WireFormat.readQueryResponse(ok(Map.of("status", "pending", "created_at", 1756432513)), QUERIED);

        assertThat(task.createdAt()).hasValue(Instant.ofEpochSecond(1756432513));
    }

    @Test
    void aSubmitAnswerGivesTheTaskId() {
        TaskId id = WireFormat.readSubmitResponse(ok(Map.of("task_id", "ta12345678-1234")));

        assertThat(id).isEqualTo(TaskId.of("ta12345678-1234"));
    }

    @Test
    void aSubmitAnswerWithoutTaskIdIsATransportError() {
        assertThatThrownBy(() -> WireFormat.readSubmitResponse(ok(Map.of())))
                .isInstanceOf(TransportException.class).hasMessageContaining("task_id");
    }

    @Test
    void a200WhoseCodeIsNotZeroIsAnApiError() {
        WireResponse response = WireResponse.json(200, Map.of("code", 7, "message", "insufficient credits"), null);

        assertThatThrownBy(() -> WireFormat.readSubmitResponse(response))
                .isInstanceOfSatisfying(ApiException.class, error -> {
                    assertThat(error.httpStatus()).isEqualTo(200);
                    assertThat(error.code()).isEqualTo(7);
                    assertThat(error.providerMessage()).hasValue("insufficient credits");
                });
    }

    @Test
    void a2xxWhoseBodyIsNotJsonIsATransportError() {
        assertThatThrownBy(() -> WireFormat.readQueryResponse(WireResponse.unparseable(200, null), QUERIED))
                .isInstanceOf(TransportException.class);
        assertThatThrownBy(() -> WireFormat.readQueryResponse(WireResponse.json(200, List.of(), null), QUERIED))
                .isInstanceOf(TransportException.class);
        assertThatThrownBy(() -> WireFormat.readQueryResponse(WireResponse.json(200, Map.of("code", 0), null),
                QUERIED)).isInstanceOf(TransportException.class).hasMessageContaining("data");
    }

    @Test
    void a5xxWithAnHtmlPageIsAServerError() {
        assertThatThrownBy(() -> WireFormat.readSubmitResponse(WireResponse.unparseable(502, null)))
                .isInstanceOfSatisfying(ServerException.class, error -> {
                    assertThat(error.httpStatus()).isEqualTo(502);
                    assertThat(error.code()).isEqualTo(-1);
                });
    }

    @Test
    void a400IsAnInvalidRequestWithTheProvidersDetail() {
        WireResponse response = WireResponse.json(400, Map.of("code", 1, "message", "failed",
                "detail", "prompt is required"), null);

        assertThatThrownBy(() -> WireFormat.readSubmitResponse(response))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.httpStatus()).isEqualTo(400);
                    assertThat(error.code()).isEqualTo(1);
                    assertThat(error.detail()).hasValue("prompt is required");
                    assertThat(error.field()).isEmpty();
                })
                .hasMessageContaining("prompt is required");
    }

    @Test
    void a401IsAnAuthenticationErrorTellingToRenewTheKey() {
        WireResponse response = WireResponse.json(401, Map.of("code", 401, "message", "Invalid API key"), null);

        assertThatThrownBy(() -> WireFormat.readQueryResponse(response, QUERIED))
                .isInstanceOfSatisfying(AuthenticationException.class, error -> assertThat(error.code()).isEqualTo(401))
                .hasMessageContaining("GEMPIX2_API_KEY").hasMessageContaining("renew");
    }

    @Test
    void a404IsTaskNotFound() {
        WireResponse response = WireResponse.json(404, Map.of("code", 1, "message", "task not found"), null);

        assertThatThrownBy(() -> WireFormat.readQueryResponse(response, QUERIED))
                .isInstanceOf(TaskNotFoundException.class).hasMessageContaining("task not found");
    }

    @Test
    void a429CarriesItsRetryAfter() {
        WireResponse response = WireResponse.json(429, Map.of("code", 1), "5");

        assertThat(WireFormat.error(response)).isInstanceOfSatisfying(RateLimitedException.class,
                error -> assertThat(error.retryAfter()).hasValue(Duration.ofSeconds(5)));
    }

    @Test
    void a503CarriesItsRetryAfter() {
        assertThat(WireFormat.error(WireResponse.unparseable(503, "12"))).isInstanceOfSatisfying(
                ServerException.class, error -> assertThat(error.retryAfter()).hasValue(Duration.ofSeconds(12)));
    }

    @Test
    void anotherStatusIsAPlainApiError() {
        assertThat(WireFormat.error(WireResponse.json(418, Map.of("message", "teapot"), null)))
                .isExactlyInstanceOf(ApiException.class)
                .hasMessageContaining("418").hasMessageContaining("teapot");
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2015-10-21T07:27:00Z");

        assertThat(WireFormat.parseRetryAfter("120", now)).hasValue(Duration.ofSeconds(120));
        assertThat(WireFormat.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now)).hasValue(Duration.ofSeconds(60));
        assertThat(WireFormat.parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now)).hasValue(Duration.ZERO);
        assertThat(WireFormat.parseRetryAfter("soon", now)).isEmpty();
        assertThat(WireFormat.parseRetryAfter("-5", now)).isEmpty();
        assertThat(WireFormat.parseRetryAfter(null, now)).isEmpty();
        assertThat(WireFormat.parseRetryAfter("99999999999999999999999", now)).isEmpty();
    }

    @Test
    void theRequestBodyFollowsTheSpec() {
        ImageRequest request = ImageRequest.builder().model(Model.GEMINI_2_5_FLASH_IMAGE).prompt("Put them in a basket")
                .referenceImage(URI.create("https://cdn.example/soap.png"))
                .callbackUrl(URI.create("https://app.example/cb/tok"))
                .extra("aspect_ratio", "16:9").build();

        Map<String, Object> body = WireFormat.requestBody(request);

        assertThat(body).containsExactly(Map.entry("model", "google/gemini-2.5-flash-image"),
                Map.entry("prompt", "Put them in a basket"), Map.entry("images", List.of("https://cdn.example/soap.png")),
                Map.entry("callback_url", "https://app.example/cb/tok"), Map.entry("aspect_ratio", "16:9"));
        assertThat(WireFormat.requestBody(ImageRequest.of("a cat"))).containsOnlyKeys("model", "prompt");
    }

    @Test
    void endpointUrlsKeepThePathPrefixAndEncodeTheId() {
        assertThat(WireFormat.submitUri(URI.create("https://api.defapi.org/")))
                .isEqualTo(URI.create("https://api.defapi.org/api/image/gen"));
        assertThat(WireFormat.queryUri(URI.create("http://localhost:8080/proxy"), TaskId.of("a&b=c")))
                .isEqualTo(URI.create("http://localhost:8080/proxy/api/task/query?task_id=a%26b%3Dc"));
    }

    @Test
    void aCallbackPayloadIsRead() {
        Map<String, Object> body = Map.of("result", List.of(Map.of("image", "https://img.example/1.png")),
                "status", "success", "task_id", "ta5c9705", "consumed", "0.500000", "status_reason",
                Arrays.asList("ignored"));

        Task task = WireFormat.readCallback(body);

        assertThat(task.id()).isEqualTo(TaskId.of("ta5c9705"));
        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(task.images()).hasSize(1);
        assertThat(WireFormat.readCallback(Map.of("data", body)).id()).isEqualTo(TaskId.of("ta5c9705"));
    }

    @Test
    void aMalformedCallbackIsRejectedNamingTheField() {
        assertThatThrownBy(() -> WireFormat.readCallback("not an object"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).hasValue("body"));
        assertThatThrownBy(() -> WireFormat.readCallback(Map.of("status", "success")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).hasValue("task_id"));
        assertThatThrownBy(() -> WireFormat.readCallback(Map.of("task_id", "t", "status", 3)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).hasValue("status"));
    }

    private static WireResponse ok(Map<String, Object> data) {
        return WireResponse.json(200, Map.of("code", 0, "message", "ok", "data", data), null);
    }
}
