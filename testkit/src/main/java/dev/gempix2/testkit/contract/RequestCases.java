package dev.gempix2.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Model;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.testkit.FakeResponse;
import dev.gempix2.testkit.Fault;
import dev.gempix2.testkit.ImageMode;
import dev.gempix2.testkit.RecordedRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract's requests and readings: what a submit sends, and how a query's answer is read. */
abstract class RequestCases extends GeneratorCases {
    @Test
    void submitReturnsTheTaskIdTheApiGave() {
        TaskId id = Outcomes.value(generator().submit(ImageRequest.of("a lighthouse at dawn")));
        assertEquals(fake().lastTaskId(), id);
    }

    @Test
    void submitSendsOnlyModelAndPromptWhenNothingElseIsSet() {
        Outcomes.value(generator().submit(ImageRequest.of("a lighthouse at dawn")));
        RecordedRequest request = fake().takeRequest();
        assertEquals("POST", request.method());
        assertEquals("/api/image/gen", request.path());
        assertEquals(Map.of("model", "google/gempix2", "prompt", "a lighthouse at dawn"), request.bodyAsJson(),
                "the body has exactly the spec's fields, in snake_case, and no empty images array");
        assertTrue(request.header("Content-Type").orElse("").startsWith("application/json"),
                "Content-Type is application/json, got " + request.header("Content-Type"));
    }

    @Test
    void submitSendsImagesCallbackUrlAndExtraFieldsAsGiven() {
        ImageRequest edit = ImageRequest.builder()
                .model(Model.GEMINI_2_5_FLASH_IMAGE)
                .prompt("Put them in a basket")
                .referenceImages(List.of(URI.create("https://example.com/lotion.png"),
                        URI.create("https://example.com/soap.png")))
                .callbackUrl(URI.create("https://example.com/webhook/abc"))
                .extra("aspect_ratio", "16:9")
                .extra("seed", 42)
                .build();
        Outcomes.value(generator().submit(edit));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("model", "google/gemini-2.5-flash-image");
        expected.put("prompt", "Put them in a basket");
        expected.put("images", List.of("https://example.com/lotion.png", "https://example.com/soap.png"));
        expected.put("callback_url", "https://example.com/webhook/abc");
        expected.put("aspect_ratio", "16:9");
        expected.put("seed", 42);
        assertEquals(expected, fake().takeRequest().bodyAsJson());
    }

    @Test
    void everyRequestCarriesTheAuthorizationHeaderExactlyAsBearerAndTheKey() {
        TaskId id = Outcomes.value(generator().submit(ImageRequest.of("a lighthouse at dawn")));
        Outcomes.value(generator().query(id));
        String expected = fake().apiKey().authorizationHeader();
        for (RecordedRequest request : fake().requests()) {
            assertTrue(request.authorizationEquals(expected), request + " carries Authorization "
                    + request.header("Authorization").orElse("(none)") + ", expected exactly 'Bearer <key>'");
        }
    }

    @Test
    void everyRequestCarriesTheLibrarysUserAgent() {
        TaskId id = Outcomes.value(generator().submit(ImageRequest.of("a lighthouse at dawn")));
        Outcomes.value(generator().query(id));
        for (RecordedRequest request : fake().requests()) {
            String agent = request.header("User-Agent").orElse("(none)");
            assertTrue(agent.matches("gempix2-java/\\S+ \\((httpclient5|micronaut|quarkus|\\w+); Java \\S+\\)( .+)?"),
                    request + " carries User-Agent " + agent + ", expected gempix2-java/<version> (<transport>; Java <version>)");
        }
    }

    // ---- query: reading tasks ----

    @Test
    void querySendsTheTaskIdAsAQueryParameter() {
        TaskId id = Outcomes.value(generator().submit(ImageRequest.of("a lighthouse at dawn")));
        Outcomes.value(generator().query(id));
        List<RecordedRequest> queries = fake().queriesFor(id);
        assertEquals(1, queries.size(), "one query, one request");
        assertEquals("GET", queries.get(0).method());
    }

    @Test
    void queryEncodesATaskIdWithReservedCharacters() {
        TaskId odd = TaskId.of("ta1&status=success#x");
        Outcomes.failure(generator().query(odd));
        assertEquals(Optional.of(odd.value()), fake().takeRequest().queryParameter("task_id"));
    }

    @Test
    void queryFollowsTheTaskThroughEveryStage() {
        TaskId id = Outcomes.value(generator().submit(ImageRequest.of("a lighthouse at dawn")));
        assertEquals(TaskStatus.PENDING, Outcomes.value(generator().query(id)).status());
        clock().advance(STAGE);
        assertEquals(TaskStatus.SUBMITTED, Outcomes.value(generator().query(id)).status());
        clock().advance(STAGE);
        Task inProgress = Outcomes.value(generator().query(id));
        assertEquals(TaskStatus.IN_PROGRESS, inProgress.status());
        assertEquals(List.of(), inProgress.images(), "no images before success");
    }

    @Test
    void queryReadsASuccessWithImageUrlsConsumedCreditsAndCreationTime() {
        fake().onEveryTask().succeedWith(2);
        var submittedAt = clock().now();
        TaskId id = Outcomes.value(generator().submit(ImageRequest.of("two foxes")));
        clock().advance(STAGE.multipliedBy(3));
        Task task = Outcomes.value(generator().query(id));
        assertEquals(TaskStatus.SUCCESS, task.status());
        assertEquals(2, task.images().size());
        assertTrue(task.images().get(0).url().orElseThrow().toString().startsWith(fake().baseUrl().toString()),
                "image URLs are read as given: " + task.images());
        assertEquals(0, new BigDecimal("0.5").compareTo(task.consumedCredits().orElseThrow()),
                "consumed is parsed from the decimal string: " + task.consumedCredits());
        assertEquals(Optional.of(submittedAt), task.createdAt(), "created_at is read");
    }

    @Test
    void queryReadsImagesGivenAsDataUris() {
        fake().onEveryTask().imagesAs(ImageMode.DATA_URI).finishImmediately();
        TaskId id = Outcomes.value(generator().submit(ImageRequest.of("a data uri")));
        Task task = Outcomes.value(generator().query(id));
        assertEquals(1, task.images().size());
        assertTrue(task.images().get(0).isDataUri(), "a data URI result stays a data URI");
        assertEquals("image/png", task.images().get(0).decode().mediaType());
    }

    @Test
    void queryReadsAFailureWithItsReasonAndNoImages() {
        fake().onEveryTask().failWith("prompt violates the content policy").finishImmediately();
        TaskId id = Outcomes.value(generator().submit(ImageRequest.of("forbidden")));
        Task task = Outcomes.value(generator().query(id));
        assertEquals(TaskStatus.FAILED, task.status());
        assertEquals(List.of(), task.images());
        assertEquals(Optional.of("prompt violates the content policy"), task.statusMessage());
    }

    @Test
    void queryReadsATextOnlyAnswerAsTheTaskMessage() {
        fake().onEveryTask().answerWithText("I cannot draw that").finishImmediately();
        TaskId id = Outcomes.value(generator().submit(ImageRequest.of("draw nothing")));
        Task task = Outcomes.value(generator().query(id));
        assertEquals(List.of(), task.images());
        assertEquals(Optional.of("I cannot draw that"), task.statusMessage());
    }

    @Test
    void aStatusThisVersionDoesNotKnowIsReadAsUnknown() {
        fake().onEveryTask().reportStatus("moderation_review");
        TaskId id = Outcomes.value(generator().submit(ImageRequest.of("anything")));
        assertEquals(TaskStatus.UNKNOWN, Outcomes.value(generator().query(id)).status());
    }

    @Test
    void unknownFieldsInAnswersAreIgnored() {
        fake().onEveryTask().onSubmit(Fault.response(FakeResponse.json(200, "{\"code\":0,\"message\":\"ok\","
                + "\"request_id\":\"r-1\",\"data\":{\"task_id\":\"ta-extra\",\"queue\":{\"position\":3}}}")));
        TaskId id = Outcomes.value(generator().submit(ImageRequest.of("anything")));
        assertEquals(TaskId.of("ta-extra"), id);

        TaskId real = Outcomes.value(generator().submit(ImageRequest.of("anything")));
        fake().onTask(real).onQuery(Fault.response(FakeResponse.json(200, "{\"code\":0,\"message\":\"ok\","
                + "\"trace\":[1,2],\"data\":{\"task_id\":\"" + real.value() + "\",\"status\":\"in_progress\","
                + "\"progress\":0.4,\"result\":null,\"consumed\":\"0.000000\",\"status_reason\":{\"message\":null,"
                + "\"code\":0},\"model\":\"google/gempix2\"}}")));
        assertEquals(TaskStatus.IN_PROGRESS, Outcomes.value(generator().query(real)).status());
    }
}
