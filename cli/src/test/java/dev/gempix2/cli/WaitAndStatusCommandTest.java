package dev.gempix2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.junit.FakeGemPix2Extension;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code gempix2 wait} and {@code gempix2 status}, for tasks submitted by an earlier run. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WaitAndStatusCommandTest {
    private static final String QUICK = "--poll-interval=50ms";

    @RegisterExtension
    static final FakeGemPix2Extension FAKE = FakeGemPix2Extension.configured(
            () -> FakeGemPix2Backend.builder().stageDuration(Duration.ofMillis(50)));

    @TempDir
    Path out;

    private static Map<String, String> apiOf(FakeGemPix2Backend fake) {
        return Map.of("GEMPIX2_API_KEY", fake.apiKey().reveal(), "GEMPIX2_BASE_URL", fake.baseUrl().toString());
    }

    /** A generate that timed out: the task it leaves behind goes on at the fake, in progress. */
    private static String timedOutTask(FakeGemPix2Backend fake) {
        fake.onPrompt("endless fox").neverFinish();
        CommandRun run = CommandRun.of(apiOf(fake), "generate", "endless fox", "--timeout", "200ms", QUICK);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.TIMEOUT);
        return fake.lastTaskId().value();
    }

    @Test
    void waitPicksUpATaskAfterATimeoutAndWritesItsImages(FakeGemPix2Backend fake) throws IOException {
        String id = timedOutTask(fake);
        fake.onTask(fake.lastTaskId()).succeed();

        CommandRun run = CommandRun.of(apiOf(fake), "wait", id, "--out", out.toString(), QUICK);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out().lines()).containsExactly(out.resolve(id + "-1.png").toString());
        assertThat(ImageIO.read(out.resolve(id + "-1.png").toFile())).isNotNull();
        assertThat(run.err()).contains("task " + id + ": waiting").contains("task " + id + ": success");
    }

    @Test
    void waitForATaskThatFailsExitsWithOneAndGivesTheReason(FakeGemPix2Backend fake) {
        String id = timedOutTask(fake);
        fake.onTask(fake.lastTaskId()).failWith("the model gave up");

        CommandRun run = CommandRun.of(apiOf(fake), "wait", id, QUICK);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.TASK_FAILED);
        assertThat(run.err()).contains("task " + id + " failed: the model gave up");
    }

    @Test
    void waitForATaskTheApiDoesNotKnowExitsWithFive(FakeGemPix2Backend fake) {
        CommandRun run = CommandRun.of(apiOf(fake), "wait", "ta-nobody-knows", QUICK);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OTHER_ERROR);
        assertThat(run.err()).contains("does not know this task (HTTP 404)").contains(fake.baseUrl().toString());
    }

    @Test
    void waitWithoutAKeyExitsWithThree() {
        CommandRun run = CommandRun.of(Map.of(), "wait", "ta-1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(run.err()).contains("GEMPIX2_API_KEY");
    }

    @Test
    void statusShowsWhereATaskIs(FakeGemPix2Backend fake) {
        String id = timedOutTask(fake);

        CommandRun run = CommandRun.of(apiOf(fake), "status", id);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("task:     " + id).contains("status:   in_progress");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void statusOfAFinishedTaskListsItsImagesAndCredits(FakeGemPix2Backend fake) {
        CommandRun generated = CommandRun.of(apiOf(fake), "generate", "a red fox", "--no-download", QUICK);
        assertThat(generated.exitCode()).as(generated.toString()).isZero();
        String id = fake.lastTaskId().value();

        CommandRun run = CommandRun.of(apiOf(fake), "status", id);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("status:   success").contains("consumed: ")
                .contains("image 1:  " + generated.out().strip());
    }

    @Test
    void statusAsJsonParses(FakeGemPix2Backend fake) throws IOException {
        String id = timedOutTask(fake);
        fake.onTask(fake.lastTaskId()).failWith("out of ideas");
        CommandRun waited = CommandRun.of(apiOf(fake), "wait", id, QUICK);
        assertThat(waited.exitCode()).as(waited.toString()).isEqualTo(ExitCodes.TASK_FAILED);

        CommandRun run = CommandRun.of(apiOf(fake), "status", id, "--json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("task_id").asText()).isEqualTo(id);
        assertThat(json.get("status").asText()).isEqualTo("failed");
        assertThat(json.get("status_message").asText()).isEqualTo("out of ideas");
    }

    @Test
    void statusOfATaskTheApiDoesNotKnowExitsWithFive(FakeGemPix2Backend fake) {
        CommandRun run = CommandRun.of(apiOf(fake), "status", "ta-nobody-knows");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OTHER_ERROR);
        assertThat(run.err()).contains("HTTP 404");
    }
}
