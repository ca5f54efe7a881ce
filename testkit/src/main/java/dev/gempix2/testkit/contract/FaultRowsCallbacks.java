package dev.gempix2.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gempix2.core.CallbackOutcome;
import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.testkit.Fault;
import dev.gempix2.testkit.RecordedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The fault matrix's rows about callbacks: duplicates, early ones, unknown tokens, forgeries. */
final class FaultRowsCallbacks {
    /** The image a forged callback claims; a wait that returns it accepted a forgery. */
    static final String FORGED_IMAGE = "https://forged.example/evil.png";

    private FaultRowsCallbacks() {
    }

    static List<FaultRow> rows(int first) {
        return List.of(
                new FaultRow(first, "duplicate-callback", "the final callback delivered twice",
                        "success; at most one of the two is accepted, the other is a no-op; one task",
                        FaultRowsCallbacks::duplicateCallback),
                new FaultRow(first + 1, "early-callback-same-task", "the callback arrives before the submit's "
                        + "answer (same task)", "success with that task", FaultRowsCallbacks::earlyCallbackSameTask),
                new FaultRow(first + 2, "early-callback-other-task", "a callback with the record's token but "
                        + "another task's id arrives before the submit's answer", "success with the record's own task,"
                        + " never the other one", FaultRowsCallbacks::earlyCallbackOtherTask),
                new FaultRow(first + 3, "unknown-token", "a callback with a token no task holds",
                        "404; no query sent; a real task beside it unaffected", FaultRowsCallbacks::unknownToken),
                new FaultRow(first + 4, "forged-success", "a forged success callback (right token, a forged image) "
                        + "while the API says in progress", "not applied: the wait ends with the API's own result",
                        FaultRowsCallbacks::forgedSuccess));
    }

    static String callbackToken(RecordedRequest submit) {
        Object url = submit.bodyAsJson() instanceof Map<?, ?> body ? body.get("callback_url") : null;
        if (!(url instanceof String text)) {
            throw new AssertionError("the submit carried no callback_url");
        }
        return text.substring(text.lastIndexOf('/') + 1);
    }

    private static RecordedRequest lastSubmit(FaultRig rig) {
        List<RecordedRequest> submits = rig.fake().requests().stream().filter(RecordedRequest::isSubmit).toList();
        assertFalse(submits.isEmpty(), "no submit reached the fake");
        return submits.get(submits.size() - 1);
    }

    private static void duplicateCallback(FaultRig rig) throws Exception {
        rig.fake().onNextTask().duplicateCallback();
        GemPix2Client client = rig.clientWithCallbacks();
        Task task = rig.generate(client, "called back twice");
        assertEquals(TaskStatus.SUCCESS, task.status());
        rig.fake().takeCallback(Duration.ofSeconds(10));
        rig.fake().takeCallback(Duration.ofSeconds(10));
        List<CallbackOutcome> outcomes = rig.relay().outcomes();
        assertEquals(2, outcomes.size(), "both copies answered: " + outcomes);
        assertTrue(outcomes.stream().filter(o -> o == CallbackOutcome.ACCEPTED).count() <= 1, outcomes.toString());
        assertFalse(outcomes.contains(CallbackOutcome.UNKNOWN_TOKEN), outcomes.toString());
        assertEquals(1, rig.fake().taskIds().size());
    }

    private static void earlyCallbackSameTask(FaultRig rig) throws Exception {
        rig.fake().onNextTask().callbackBeforeSubmitResponse();
        GemPix2Client client = rig.clientWithCallbacks();
        Task task = rig.generate(client, "faster than the answer");
        assertEquals(rig.fake().lastTaskId(), task.id());
        assertEquals(TaskStatus.SUCCESS, task.status());
    }

    private static void earlyCallbackOtherTask(FaultRig rig) throws Exception {
        rig.fake().onPrompt("decoy").finishImmediately();
        TaskId decoy = rig.generator().submit(ImageRequest.of("a decoy")).get(10, TimeUnit.SECONDS);
        rig.fake().onPrompt("the real one").onSubmit(Fault.latency(Duration.ofSeconds(5)).afterCreatingTheTask());
        GemPix2Client client = rig.clientWithCallbacks();
        var future = client.generateAsync(ImageRequest.of("the real one"));
        rig.fake().awaitHeldAnswers(1, Duration.ofSeconds(10));
        TaskId real = rig.fake().lastTaskId();
        Task claimed = Task.builder(decoy, TaskStatus.SUCCESS)
                .images(List.of(new GeneratedImage(rig.fake().baseUrl() + "/files/decoy.png"))).build();
        client.callbacks().receive(callbackToken(lastSubmit(rig)), claimed);
        rig.clock().advance(Duration.ofSeconds(5));
        Task task = rig.run(future);
        assertEquals(real, task.id(), "the wait ended with the record's own task, not the callback's");
    }

    private static void unknownToken(FaultRig rig) throws Exception {
        GemPix2Client client = rig.clientWithCallbacks();
        var future = client.generateAsync(ImageRequest.of("a real task"));
        HttpClient http = HttpClient.newHttpClient();
        String body = "{\"task_id\":\"ta-forged\",\"status\":\"success\",\"result\":[{\"image\":\"" + FORGED_IMAGE
                + "\"}]}";
        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(rig.relay().baseUrl()
                        + "/Zm9yZ2VkLXRva2VuLXRoYXQtbm8tdGFzay1ob2xkcw"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(404, answer.statusCode());
        Task task = rig.run(future);
        assertEquals(TaskStatus.SUCCESS, task.status());
        assertTrue(rig.fake().queriesFor(TaskId.of("ta-forged")).isEmpty(), "no query for a forged task");
    }

    private static void forgedSuccess(FaultRig rig) throws Exception {
        rig.fake().onNextTask().stageDuration(Duration.ofSeconds(20)).noCallback();
        GemPix2Client client = rig.clientWithCallbacks();
        TaskId id = rig.run(client.submitAsync(ImageRequest.of("a task someone wants to forge")));
        Task forged = Task.builder(id, TaskStatus.SUCCESS).images(List.of(new GeneratedImage(FORGED_IMAGE))).build();
        client.callbacks().receive(callbackToken(lastSubmit(rig)), forged);
        Task task = rig.run(client.awaitAsync(id));
        assertEquals(TaskStatus.SUCCESS, task.status());
        assertFalse(task.images().stream().anyMatch(image -> image.location().equals(FORGED_IMAGE)),
                "the forged image was accepted");
    }
}
