package dev.gempix2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gempix2.cli.internal.CliContext;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.RecordedRequest;
import dev.gempix2.testkit.junit.FakeGemPix2Extension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code gempix2 generate}, run in-process against the testkit's fake backend. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GenerateCommandTest {
    /** Short stages, polled every 50 ms: each generation takes a fraction of a second. */
    private static final String QUICK = "--poll-interval=50ms";

    @RegisterExtension
    static final FakeGemPix2Extension FAKE = FakeGemPix2Extension.configured(
            () -> FakeGemPix2Backend.builder().stageDuration(Duration.ofMillis(50)));

    @TempDir
    Path out;

    private static Map<String, String> apiOf(FakeGemPix2Backend fake) {
        return Map.of("GEMPIX2_API_KEY", fake.apiKey().reveal(), "GEMPIX2_BASE_URL", fake.baseUrl().toString());
    }

    @Test
    void withoutAKeyTheBuiltInFakeDrawsAPngAndOneLineOnStderrSaysSo() throws IOException {
        CommandRun run = CommandRun.of(Map.of(), "generate", "a lighthouse at dawn, oil painting", "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        Path file = Path.of(run.out().strip());
        assertThat(file.getParent()).isEqualTo(out);
        assertThat(file.getFileName().toString()).matches("[A-Za-z0-9._-]+-1\\.png");
        assertThat(ImageIO.read(file.toFile())).as("a decodable image").isNotNull();
        assertThat(run.err().lines().filter(line -> line.contains("built-in fake backend")))
                .singleElement().asString().contains("GEMPIX2_API_KEY");
    }

    @Test
    void withAKeyTheTaskRunsAtTheConfiguredApiAndStderrShowsItsProgress(FakeGemPix2Backend fake) throws IOException {
        CommandRun run = CommandRun.of(apiOf(fake), "generate", "a red fox", "--out", out.toString(), QUICK);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        TaskId id = fake.lastTaskId();
        assertThat(fake.submitCount()).isEqualTo(1);
        assertThat(run.out().lines()).containsExactly(out.resolve(id.value() + "-1.png").toString());
        assertThat(ImageIO.read(out.resolve(id.value() + "-1.png").toFile())).isNotNull();
        assertThat(run.err()).doesNotContain("built-in fake backend")
                .contains("task " + id.value() + ": created")
                .containsPattern("task " + id.value() + ": success \\(\\d+\\.\\ds\\)");
    }

    @Test
    void everyImageOfTheTaskIsWrittenAndNumbered(FakeGemPix2Backend fake) {
        fake.onPrompt("three foxes").succeedWith(3);

        CommandRun run = CommandRun.of(apiOf(fake), "generate", "three foxes", "--out", out.toString(), QUICK);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        String id = fake.lastTaskId().value();
        assertThat(run.out().lines()).containsExactly(out.resolve(id + "-1.png").toString(),
                out.resolve(id + "-2.png").toString(), out.resolve(id + "-3.png").toString());
    }

    @Test
    void imagesThatComeInlineAreDecodedAndWritten(FakeGemPix2Backend fake) throws IOException {
        fake.onPrompt("inline fox").succeed();
        try (FakeGemPix2Backend inline = FakeGemPix2Backend.builder().stageDuration(Duration.ofMillis(50))
                .imageMode(dev.gempix2.testkit.ImageMode.DATA_URI).start()) {
            CommandRun run = CommandRun.of(apiOf(inline), "generate", "inline fox", "--out", out.toString(), QUICK);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
            assertThat(ImageIO.read(Path.of(run.out().strip()).toFile())).isNotNull();
        }
    }

    @Test
    void aFailedTaskExitsWithOneAndGivesTheProvidersReason(FakeGemPix2Backend fake) {
        fake.onPrompt("forbidden fox").failWith("prompt violates the content policy");

        CommandRun run = CommandRun.of(apiOf(fake), "generate", "forbidden fox", "--out", out.toString(), QUICK);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.TASK_FAILED);
        assertThat(run.err()).contains("error: task " + fake.lastTaskId().value()
                + " failed: prompt violates the content policy");
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void aRejectedKeyExitsWithThreeAndNeverShowsTheKey(FakeGemPix2Backend fake) {
        Map<String, String> env = Map.of("GEMPIX2_API_KEY", "dk-notthekey000000wxyz",
                "GEMPIX2_BASE_URL", fake.baseUrl().toString());

        CommandRun run = CommandRun.of(env, "generate", "a red fox", "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(run.err()).contains("rejected the API key dk-…wxyz").contains("GEMPIX2_API_KEY")
                .doesNotContain("notthekey");
        assertThat(fake.taskIds()).isEmpty();
    }

    @Test
    void aRequestTheProviderRejectsExitsWithTwoAndGivesItsDetail(FakeGemPix2Backend fake) {
        CommandRun run = CommandRun.of(apiOf(fake), "generate", "a red fox", "--model", "google/no-such-model",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("GemPix2 rejected the request (HTTP 400)").contains("model");
    }

    @Test
    void jsonOutputIsOneDocumentThatParses(FakeGemPix2Backend fake) throws IOException {
        CommandRun run = CommandRun.of(apiOf(fake), "generate", "a red fox", "--json", "--out", out.toString(), QUICK);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(run.out().strip().lines()).hasSize(1);
        assertThat(json.get("task_id").asText()).isEqualTo(fake.lastTaskId().value());
        assertThat(json.get("status").asText()).isEqualTo("success");
        assertThat(json.get("consumed").isTextual()).isTrue();
        JsonNode image = json.get("images").get(0);
        assertThat(image.get("media_type").asText()).isEqualTo("image/png");
        assertThat(Path.of(image.get("file").asText())).exists();
        assertThat(image.get("url").asText()).startsWith(fake.baseUrl().toString());
    }

    @Test
    void aFailedTaskStillPrintsItsJsonDocument(FakeGemPix2Backend fake) throws IOException {
        fake.onPrompt("forbidden fox").failWith("content policy");

        CommandRun run = CommandRun.of(apiOf(fake), "generate", "forbidden fox", "--json", QUICK);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.TASK_FAILED);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("status").asText()).isEqualTo("failed");
        assertThat(json.get("status_message").asText()).isEqualTo("content policy");
        assertThat(json.get("images")).isEmpty();
    }

    @Test
    void noDownloadPrintsTheImageUrlsAndWritesNothing(FakeGemPix2Backend fake) throws IOException {
        CommandRun run = CommandRun.of(apiOf(fake), "generate", "a red fox", "--no-download", "--out",
                out.resolve("unused").toString(), QUICK);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out().lines()).singleElement().asString().startsWith(fake.baseUrl().toString());
        assertThat(out.resolve("unused")).doesNotExist();
    }

    @Test
    void aFifthReferenceImageIsRefusedBeforeAnyRequest(FakeGemPix2Backend fake) {
        CommandRun run = CommandRun.of(apiOf(fake), "generate", "five references",
                "--image", "https://example.com/1.png", "--image", "https://example.com/2.png",
                "--image", "https://example.com/3.png", "--image", "https://example.com/4.png",
                "--image", "https://example.com/5.png");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void aLocalReferenceImageIsSentInlineBesideAUrl(FakeGemPix2Backend fake) throws IOException {
        Path photo = Files.write(out.resolve("photo.png"), TestImages.png());

        CommandRun run = CommandRun.of(apiOf(fake), "generate", "put it in a basket", "--image", photo.toString(),
                "--image", "https://example.com/basket.png", "--out", out.toString(), QUICK);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        Map<?, ?> body = (Map<?, ?>) submitted(fake).bodyAsJson();
        assertThat((java.util.List<?>) body.get("images")).hasSize(2)
                .satisfies(images -> assertThat(images.get(0).toString()).startsWith("data:image/png;base64,"))
                .satisfies(images -> assertThat(images.get(1)).isEqualTo("https://example.com/basket.png"));
    }

    @Test
    void extraFieldsAreSentWithTheirJsonTypes(FakeGemPix2Backend fake) {
        CommandRun run = CommandRun.of(apiOf(fake), "generate", "a red fox", "--extra", "aspect_ratio=16:9",
                "--extra", "seed=42", "--extra", "safe=true", "--out", out.toString(), QUICK);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        Map<?, ?> body = (Map<?, ?>) submitted(fake).bodyAsJson();
        assertThat(body.get("aspect_ratio")).isEqualTo("16:9");
        assertThat(((Number) body.get("seed")).longValue()).isEqualTo(42L);
        assertThat(body.get("safe")).isEqualTo(Boolean.TRUE);
        assertThat(body.get("model")).isEqualTo("google/gempix2");
    }

    @Test
    void aTimeoutExitsWithFourAndPrintsTheCommandThatResumesTheWait(FakeGemPix2Backend fake) {
        fake.onPrompt("endless fox").neverFinish();

        CommandRun run = CommandRun.of(apiOf(fake), "generate", "endless fox", "--timeout", "300ms", QUICK);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.TIMEOUT);
        String id = fake.lastTaskId().value();
        assertThat(run.err()).contains("task " + id + ": timed out")
                .contains("error: task " + id + " did not finish within 0.3s (last status: ")
                .contains(System.lineSeparator() + "  gempix2 wait " + id + System.lineSeparator());
    }

    @Test
    void imagesThatCannotBeWrittenExitWithFiveAndSayHowToWriteThemElsewhere(FakeGemPix2Backend fake) throws IOException {
        Path notADirectory = Files.writeString(out.resolve("taken"), "a file, not a directory");

        CommandRun run = CommandRun.of(apiOf(fake), "generate", "a red fox", "--out", notADirectory.toString(), QUICK);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OTHER_ERROR);
        assertThat(run.err()).contains("error: cannot write " + notADirectory.resolve(fake.lastTaskId().value() + "-1.png"))
                .contains("gempix2 wait " + fake.lastTaskId().value() + " --out DIR");
    }

    @Test
    void aSubmitThatFailsPrintsNoProgressLineOnlyTheError(FakeGemPix2Backend fake) {
        CommandRun run = CommandRun.of(Map.of("GEMPIX2_API_KEY", "dk-notthekey000000wxyz",
                "GEMPIX2_BASE_URL", fake.baseUrl().toString()), "generate", "a red fox");

        assertThat(run.err().lines()).singleElement().asString().startsWith("error: GemPix2 rejected the API key");
    }

    @Test
    void ctrlCWhileWaitingSaysHowToPickTheTaskUpAgain(FakeGemPix2Backend fake) {
        fake.onPrompt("endless fox").neverFinish();
        CliContext stopped = new CliContext(apiOf(fake), false, "gempix2", CompletableFuture.completedFuture(null));

        CommandRun run = CommandRun.of(stopped, "generate", "endless fox", "--timeout", "300ms", QUICK);

        String id = fake.lastTaskId().value();
        assertThat(run.err()).contains("task " + id + ": stopped waiting")
                .contains("gempix2: stopped waiting; the task goes on at GemPix2. To wait for it again, run:"
                        + System.lineSeparator() + "  gempix2 wait " + id);
    }

    @Test
    void theApiKeyOptionWinsOverTheEnvironment(FakeGemPix2Backend fake) {
        Map<String, String> env = Map.of("GEMPIX2_API_KEY", "dk-wrong0000000000000");

        CommandRun run = CommandRun.of(env, "generate", "a red fox", "--api-key", fake.apiKey().reveal(),
                "--base-url", fake.baseUrl().toString(), "--out", out.toString(), QUICK);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void anUnreachableApiExitsWithFiveNamingIt() {
        Map<String, String> env = Map.of("GEMPIX2_API_KEY", "dk-1234567890abcdef", "GEMPIX2_BASE_URL", "http://127.0.0.1:1");

        CommandRun run = CommandRun.of(env, "generate", "a red fox", "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OTHER_ERROR);
        assertThat(run.err()).contains("could not talk to GemPix2 at http://127.0.0.1:1");
    }

    @Test
    void verboseAddsTheStackTraceAndTheLibrarysLog(FakeGemPix2Backend fake) {
        fake.onPrompt("forbidden fox").failWith("content policy");

        CommandRun run = CommandRun.of(apiOf(fake), "generate", "forbidden fox", "--verbose", QUICK);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.TASK_FAILED);
        assertThat(run.err()).contains("TaskFailedException").contains("\tat ")
                .contains("FINE: Submitting a GemPix2 task");
    }

    private static RecordedRequest submitted(FakeGemPix2Backend fake) {
        return fake.requests().stream().filter(RecordedRequest::isSubmit).findFirst().orElseThrow();
    }
}
