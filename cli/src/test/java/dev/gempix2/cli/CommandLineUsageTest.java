package dev.gempix2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Mistakes in the command line end with exit 2 and a message naming the mistake, before any backend starts. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CommandLineUsageTest {
    private static final Map<String, String> NO_KEY = Map.of();

    @Test
    void generateWithoutAPromptIsAUsageError() {
        CommandRun run = CommandRun.of(NO_KEY, "generate");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("PROMPT").contains("gempix2 generate --help");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aFifthReferenceImageIsRefusedBeforeAnythingStarts() {
        CommandRun run = CommandRun.of(NO_KEY, "generate", "five references",
                "--image", "https://example.com/1.png", "--image", "https://example.com/2.png",
                "--image", "https://example.com/3.png", "--image", "https://example.com/4.png",
                "--image", "https://example.com/5.png");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--image was given 5 times").contains("at most 4")
                .doesNotContain("fake backend");
    }

    @Test
    void anExtraFieldWithoutAValueIsAUsageError() {
        CommandRun run = CommandRun.of(NO_KEY, "generate", "a red fox", "--extra", "aspect_ratio");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--extra");
    }

    @Test
    void aReservedExtraFieldIsAUsageErrorNamingIt() {
        CommandRun run = CommandRun.of(NO_KEY, "generate", "a red fox", "--extra", "model=google/other");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("error: model: set it with its own builder method");
    }

    @Test
    void aMalformedModelIdIsAUsageError() {
        CommandRun run = CommandRun.of(NO_KEY, "generate", "a red fox", "--model", "not a model");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("error: --model is not usable:").contains("not a model");
    }

    @Test
    void anUnreadableTimeoutIsAUsageErrorThatShowsTheExpectedForm() {
        CommandRun run = CommandRun.of(NO_KEY, "generate", "a red fox", "--timeout", "soon");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--timeout").contains("30s, 5m");
    }

    @Test
    void aMissingReferenceFileIsAUsageErrorNamingTheFile() {
        CommandRun run = CommandRun.of(NO_KEY, "generate", "a red fox", "--image", "no/such/picture.png");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no/such/picture.png");
    }

    @Test
    void anUnknownSubcommandIsAUsageError() {
        CommandRun run = CommandRun.of(NO_KEY, "genrate", "a red fox");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("generate");
    }

    @Test
    void noSubcommandPrintsTheUsageAndExitsWithTwo() {
        CommandRun run = CommandRun.of(NO_KEY);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("generate").contains("status").contains("wait").contains("fake-server");
    }

    @Test
    void helpListsEveryExitCode() {
        CommandRun run = CommandRun.of(NO_KEY, "--help");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Exit codes:")
                .containsPattern("0\\s+done")
                .containsPattern("1\\s+the task failed")
                .containsPattern("2\\s+usage")
                .containsPattern("3\\s+the API key")
                .containsPattern("4\\s+timed out")
                .containsPattern("5\\s+any other error");
    }

    @Test
    void fakeServerRefusesAMalformedKeyAsAUsageError() {
        CommandRun run = CommandRun.of(NO_KEY, "fake-server", "--api-key", "has spaces");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--api-key must be printable ASCII");
    }

    @Test
    void fakeServerRefusesAPortOutOfRange() {
        CommandRun run = CommandRun.of(NO_KEY, "fake-server", "--port", "70000");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--port must be between 0 and 65535");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String subcommand : new String[] {"generate", "status", "wait", "fake-server"}) {
            CommandRun run = CommandRun.of(NO_KEY, subcommand, "--help");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).startsWith("Usage: gempix2 " + subcommand);
        }
    }

    @Test
    void statusWithoutAKeyExitsWithThreeAndSaysWhereToSetIt() {
        CommandRun run = CommandRun.of(NO_KEY, "status", "ta-123");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(run.err()).contains("--api-key or GEMPIX2_API_KEY is not set: ");
    }

    @Test
    void aKeyWithSpacesExitsWithThreeWithoutShowingTheKey() {
        CommandRun run = CommandRun.of(Map.of("GEMPIX2_API_KEY", "dk-secret with spaces"), "status", "ta-123");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(run.err()).contains("GEMPIX2_API_KEY").doesNotContain("secret");
    }

    @Test
    void aBaseUrlThatIsNotHttpIsAUsageErrorNamingTheVariable() {
        CommandRun run = CommandRun.of(Map.of("GEMPIX2_API_KEY", "dk-1234567890abcdef",
                "GEMPIX2_BASE_URL", "ftp://example.com"), "status", "ta-123");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("GEMPIX2_BASE_URL").contains("ftp://example.com");
    }

    @Test
    void aBaseUrlWithoutAKeyIsAnAuthenticationErrorRatherThanTheEmbeddedFake() {
        CommandRun run = CommandRun.of(Map.of("GEMPIX2_BASE_URL", "http://127.0.0.1:9"), "generate", "a red fox");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(run.err()).contains("GEMPIX2_API_KEY").doesNotContain("fake backend");
    }
}
