package dev.gempix2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.testkit.Fault;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.junit.FakeGemPix2Extension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code gempix2 generate --verbose}: the task's polls, callbacks, retries and wall time per phase, at the end. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VerboseGenerateTest {
    @RegisterExtension
    static final FakeGemPix2Extension FAKE = FakeGemPix2Extension.configured(
            () -> FakeGemPix2Backend.builder().stageDuration(Duration.ofMillis(50)));

    @TempDir
    Path out;

    @Test
    void verboseEndsWithThePollsCallbacksRetriesAndWallTimeOfEachPhase(FakeGemPix2Backend fake) {
        fake.onPrompt("flaky").onQuery(Fault.status(503), 1);

        CommandRun run = CommandRun.of(Map.of("GEMPIX2_API_KEY", fake.apiKey().reveal(),
                "GEMPIX2_BASE_URL", fake.baseUrl().toString()), "generate", "a flaky fox", "--out", out.toString(),
                "--poll-interval=50ms", "--verbose");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).containsPattern("task success; polls \\d+, callbacks 0, retries 1 \\(1× query after 503\\)")
                .containsPattern("HTTP attempts: submit 1, query \\d+, download 1")
                .containsPattern("wall time: submit \\d+\\.\\d\\d s, .*wait \\d+\\.\\d\\d s, download \\d+\\.\\d\\d s, "
                        + "total \\d+\\.\\d\\d s");
    }
}
