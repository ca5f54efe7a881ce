package dev.gempix2.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.cli.ExitCodes;
import dev.gempix2.core.error.AuthenticationException;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.error.RateLimitedException;
import dev.gempix2.core.error.ServerException;
import dev.gempix2.core.error.TaskFailedException;
import dev.gempix2.core.error.TaskNotFoundException;
import dev.gempix2.core.error.TaskTimeoutException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FailureExplanationTest {
    private static final ApiKey KEY = ApiKey.of("dk-1234567890abcdef");
    private static final Situation REAL_API = new Situation(URI.create("https://api.defapi.org"), KEY,
            "GEMPIX2_API_KEY", "java -jar cli/target/gempix2.jar", false);
    private static final Situation EMBEDDED = new Situation(URI.create("http://127.0.0.1:4711"), null, null,
            "gempix2", false);

    @Test
    void aRejectedKeyExitsWithThreeAndSaysWhereTheKeyCameFromWithoutShowingIt() {
        CommandFailure failure = FailureExplanation.explain(new AuthenticationException(1, "Invalid API key", null), REAL_API);

        assertThat(failure.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(failure.getMessage()).isEqualTo("GemPix2 rejected the API key dk-…cdef (Invalid API key). "
                + "Check the key you set in GEMPIX2_API_KEY, or get a new one at https://defapi.org");
    }

    @Test
    void aProviderRejectionExitsWithTwoAndGivesItsDetail() {
        CommandFailure failure = FailureExplanation.explain(
                InvalidRequestException.rejected(1, "failed", "prompt is required"), REAL_API);

        assertThat(failure.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(failure.getMessage()).isEqualTo("GemPix2 rejected the request (HTTP 400): prompt is required");
    }

    @Test
    void aFailedTaskExitsWithOneAndGivesItsReason() {
        Task failed = Task.builder(TaskId.of("ta1"), TaskStatus.FAILED).statusMessage("content policy").build();

        CommandFailure failure = FailureExplanation.explain(new CompletionException(new TaskFailedException(failed)), REAL_API);

        assertThat(failure.exitCode()).isEqualTo(ExitCodes.TASK_FAILED);
        assertThat(failure.getMessage()).isEqualTo("task ta1 failed: content policy");
    }

    @Test
    void aTimeoutExitsWithFourAndGivesTheCommandThatResumesTheWait() {
        CommandFailure failure = FailureExplanation.timedOut(new TaskTimeoutException(TaskId.of("ta1"),
                Duration.ofSeconds(90), Task.of(TaskId.of("ta1"), TaskStatus.IN_PROGRESS)), Duration.ofSeconds(90), REAL_API);

        assertThat(failure.exitCode()).isEqualTo(ExitCodes.TIMEOUT);
        assertThat(failure.getMessage()).isEqualTo("task ta1 did not finish within 1m30s (last status: in_progress). "
                + "The task goes on at GemPix2; to wait for it again, run:" + System.lineSeparator()
                + "  java -jar cli/target/gempix2.jar wait ta1");
    }

    @Test
    void aTimeoutCaughtElsewhereStillExitsWithFourAndTheResumeCommand() {
        CommandFailure failure = FailureExplanation.explain(new CompletionException(
                new TaskTimeoutException(TaskId.of("ta1"), Duration.ofSeconds(5), null)), REAL_API);

        assertThat(failure.exitCode()).isEqualTo(ExitCodes.TIMEOUT);
        assertThat(failure.getMessage()).startsWith("task ta1 did not finish in time. ").endsWith(" wait ta1");
    }

    @Test
    void imagesThatCannotBeWrittenExitWithFiveAndSayHowToWriteThemElsewhere() {
        CommandFailure failure = FailureExplanation.notWritten(new UncheckedIOException(
                "cannot write out/ta1-1.png: permission denied: out", new IOException("denied")), TaskId.of("ta1"), REAL_API);

        assertThat(failure.exitCode()).isEqualTo(ExitCodes.OTHER_ERROR);
        assertThat(failure.getMessage()).startsWith("cannot write out/ta1-1.png: permission denied: out. ")
                .endsWith("  java -jar cli/target/gempix2.jar wait ta1 --out DIR");
    }

    @Test
    void theResumeCommandRepeatsABaseUrlGivenAsAnOptionAndNeverTheKey() {
        Situation flags = new Situation(URI.create("http://127.0.0.1:8089"), KEY, "--api-key", "gempix2", true);

        assertThat(flags.resumeCommand(TaskId.of("ta1")))
                .isEqualTo("gempix2 wait ta1 --base-url http://127.0.0.1:8089 --api-key <your key>");
    }

    @Test
    void aTimeoutOnTheEmbeddedFakeSaysItCannotBeResumed() {
        CommandFailure failure = FailureExplanation.timedOut(
                new TaskTimeoutException(TaskId.of("ta1"), Duration.ofSeconds(1), null), Duration.ofSeconds(1), EMBEDDED);

        assertThat(failure.exitCode()).isEqualTo(ExitCodes.TIMEOUT);
        assertThat(failure.getMessage()).contains("cannot be resumed").doesNotContain(" wait ta1");
    }

    @Test
    void otherApiAndTransportErrorsExitWithFive() {
        assertThat(FailureExplanation.explain(new TaskNotFoundException(1, "task not found", null), REAL_API))
                .satisfies(failure -> assertThat(failure.exitCode()).isEqualTo(ExitCodes.OTHER_ERROR))
                .satisfies(failure -> assertThat(failure.getMessage()).contains("https://api.defapi.org"));
        assertThat(FailureExplanation.explain(new RateLimitedException(1, "slow down", null, Duration.ofSeconds(7)), REAL_API))
                .satisfies(failure -> assertThat(failure.exitCode()).isEqualTo(ExitCodes.OTHER_ERROR))
                .satisfies(failure -> assertThat(failure.getMessage()).contains("wait 7s"));
        assertThat(FailureExplanation.explain(new ServerException(502, -1, null, null, null), REAL_API).exitCode())
                .isEqualTo(ExitCodes.OTHER_ERROR);
        assertThat(FailureExplanation.explain(new TransportException("connection refused", false, null), REAL_API))
                .satisfies(failure -> assertThat(failure.exitCode()).isEqualTo(ExitCodes.OTHER_ERROR))
                .satisfies(failure -> assertThat(failure.getMessage())
                        .isEqualTo("could not talk to GemPix2 at https://api.defapi.org: connection refused"));
        assertThat(FailureExplanation.explain(new UncheckedIOException("cannot write out/ta1-1.png: disk full",
                new IOException("disk full")), REAL_API).getMessage()).isEqualTo("cannot write out/ta1-1.png: disk full");
    }

    @Test
    void anUnexpectedErrorExitsWithFiveAndPointsToVerbose() {
        CommandFailure failure = FailureExplanation.explain(new IllegalStateException("boom"), null);

        assertThat(failure.exitCode()).isEqualTo(ExitCodes.OTHER_ERROR);
        assertThat(failure.getMessage()).contains("boom").contains("--verbose");
    }
}
