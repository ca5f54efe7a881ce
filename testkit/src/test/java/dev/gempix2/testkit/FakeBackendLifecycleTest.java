package dev.gempix2.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.core.model.TaskId;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Tasks move through their stages on the fake's clock, end as scripted, and their images are real PNGs. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FakeBackendLifecycleTest {
    private final ManualClock clock = new ManualClock();
    private final FakeGemPix2Backend fake = FakeGemPix2Backend.builder().clock(clock)
            .stageDurations(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3)).start();
    private final ApiCalls api = new ApiCalls(fake);

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aTaskMovesThroughEveryStageAsTheClockAdvances() {
        TaskId id = api.submitPrompt("a lighthouse");
        assertThat(status(id)).isEqualTo("pending");
        clock.advance(Duration.ofSeconds(1));
        assertThat(status(id)).isEqualTo("submitted");
        clock.advance(Duration.ofSeconds(2));
        assertThat(status(id)).isEqualTo("in_progress");
        clock.advance(Duration.ofMillis(2999));
        assertThat(status(id)).isEqualTo("in_progress");
        clock.advance(Duration.ofMillis(1));
        assertThat(status(id)).isEqualTo("success");
        assertThat(fake.statusOf(id)).isEqualTo("success");
    }

    @Test
    void aSuccessGivesImageUrlsTheFakeServesAsDecodablePngs() throws IOException {
        fake.onEveryTask().succeedWith(2).finishImmediately();
        TaskId id = api.submitPrompt("a red fox in the snow");
        Map<String, Object> data = api.queryData(id);
        assertThat(data).containsEntry("status", "success").containsEntry("consumed", "0.500000");
        List<String> urls = images(data);
        assertThat(urls).containsExactly(fake.baseUrl() + "/files/" + id.value() + "/1.png",
                fake.baseUrl() + "/files/" + id.value() + "/2.png");
        HttpResponse<byte[]> file = api.get(URI.create(urls.get(0)));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).contains("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(file.body()));
        assertThat(image.getWidth()).isEqualTo(256);
    }

    @Test
    void anImageBeyondTheResultOrOfAnUnfinishedTaskIsNotFound() {
        TaskId id = api.submitPrompt("a red fox");
        assertThat(api.get(URI.create(fake.baseUrl() + "/files/" + id.value() + "/1.png")).statusCode()).isEqualTo(404);
        clock.advance(Duration.ofSeconds(6));
        assertThat(api.get(URI.create(fake.baseUrl() + "/files/" + id.value() + "/2.png")).statusCode()).isEqualTo(404);
        assertThat(api.get(URI.create(fake.baseUrl() + "/files/ta-none/1.png")).statusCode()).isEqualTo(404);
    }

    @Test
    void dataUriModeInlinesThePng() {
        fake.onEveryTask().imagesAs(ImageMode.DATA_URI).finishImmediately();
        TaskId id = api.submitPrompt("a data uri");
        String image = images(api.queryData(id)).get(0);
        assertThat(image).startsWith("data:image/png;base64,");
        assertThat(new GeneratedImage(image).decode().bytes()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void aFailureHasNoResultAReasonAndNothingConsumed() {
        fake.onPrompt("forbidden").failWith("prompt violates the content policy").finishImmediately();
        TaskId id = api.submitPrompt("something forbidden");
        Map<String, Object> data = api.queryData(id);
        assertThat(data).containsEntry("status", "failed").containsEntry("result", null)
                .containsEntry("consumed", "0.000000")
                .containsEntry("status_reason", Map.of("message", "prompt violates the content policy"));
    }

    @Test
    void aTextOnlyAnswerSucceedsWithTextInsteadOfImages() {
        fake.onEveryTask().answerWithText("I cannot draw that").finishImmediately();
        Map<String, Object> data = api.queryData(api.submitPrompt("x"));
        assertThat(data).containsEntry("status", "success").containsEntry("result", List.of(Map.of("text", "I cannot draw that")));
    }

    @Test
    void aTaskScriptedNeverToFinishStaysInProgress() {
        fake.onEveryTask().neverFinish();
        TaskId id = api.submitPrompt("x");
        clock.advance(Duration.ofDays(1));
        assertThat(status(id)).isEqualTo("in_progress");
    }

    @Test
    void anUnknownStatusIsReportedWhileTheTaskRunsThenTheRealEnd() {
        fake.onEveryTask().reportStatus("moderation_review");
        TaskId id = api.submitPrompt("x");
        assertThat(status(id)).isEqualTo("moderation_review");
        clock.advance(Duration.ofSeconds(6));
        assertThat(status(id)).isEqualTo("success");
    }

    @Test
    void consumedCanBeScripted() {
        fake.onEveryTask().consumed("1.250000").finishImmediately();
        assertThat(api.queryData(api.submitPrompt("x"))).containsEntry("consumed", "1.250000");
        assertThatThrownBy(() -> fake.onEveryTask().consumed("lots")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLatestPromptScriptThatMatchesWins() {
        fake.onPrompt("fox").succeedWith(1).finishImmediately();
        fake.onPrompt("RED FOX").succeedWith(3).finishImmediately();
        assertThat(images(api.queryData(api.submitPrompt("a red fox")))).hasSize(3);
        assertThat(images(api.queryData(api.submitPrompt("a grey fox")))).hasSize(1);
        assertThat(status(api.submitPrompt("a cat"))).isEqualTo("pending");
    }

    @Test
    void aNextTaskScriptIsUsedOnceWhateverThePrompt() {
        fake.onNextTask().failWith("once").finishImmediately();
        assertThat(status(api.submitPrompt("first"))).isEqualTo("failed");
        assertThat(status(api.submitPrompt("second"))).isEqualTo("pending");
    }

    @Test
    void aTasksOutcomeCanChangeUntilItEndsAndIsFixedAfter() {
        TaskId id = api.submitPrompt("x");
        fake.onTask(id).failWith("changed my mind");
        clock.advance(Duration.ofSeconds(6));
        assertThat(status(id)).isEqualTo("failed");
        fake.onTask(id).succeed();
        assertThat(status(id)).isEqualTo("failed");
        assertThatThrownBy(() -> fake.onTask(TaskId.of("ta-unknown"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stageDurationsCanBeScriptedPerPrompt() {
        fake.onPrompt("slow").stageDuration(Duration.ofMinutes(1));
        TaskId slow = api.submitPrompt("slow one");
        TaskId normal = api.submitPrompt("normal one");
        clock.advance(Duration.ofSeconds(6));
        assertThat(status(normal)).isEqualTo("success");
        assertThat(status(slow)).isEqualTo("pending");
    }

    @Test
    void manyConnectionsAreServedAtOnce() {
        fake.onEveryTask().onSubmit(Fault.latency(Duration.ofSeconds(1)), 64);
        var pending = java.util.stream.IntStream.range(0, 64)
                .mapToObj(i -> api.submitAsync(ApiCalls.body("parallel " + i))).toList();
        fake.awaitHeldAnswers(64, Duration.ofSeconds(20));
        clock.advance(Duration.ofSeconds(1));
        assertThat(pending).allSatisfy(response -> assertThat(response.join().statusCode()).isEqualTo(200));
        assertThat(fake.taskIds()).hasSize(64);
    }

    private String status(TaskId id) {
        return (String) api.queryData(id).get("status");
    }

    @SuppressWarnings("unchecked")
    private static List<String> images(Map<String, Object> data) {
        return ((List<Map<String, String>>) data.get("result")).stream().map(item -> item.get("image")).toList();
    }
}
