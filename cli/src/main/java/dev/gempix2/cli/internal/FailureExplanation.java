package dev.gempix2.cli.internal;

import dev.gempix2.cli.ExitCodes;
import dev.gempix2.core.error.ApiException;
import dev.gempix2.core.error.AuthenticationException;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.error.RateLimitedException;
import dev.gempix2.core.error.ServerException;
import dev.gempix2.core.error.TaskFailedException;
import dev.gempix2.core.error.TaskNotFoundException;
import dev.gempix2.core.error.TaskTimeoutException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.wire.AsyncFailures;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Turns what went wrong into a message a person can act on and the exit code a script can act on
 * ({@link ExitCodes}). The messages never hold the API key, only its masked form.
 */
public final class FailureExplanation {

    private FailureExplanation() {
    }

    /**
     * @param failure what was thrown
     * @param situation where the requests went; null when the command failed before choosing a backend
     * @return the failure to report
     */
    public static CommandFailure explain(Throwable failure, Situation situation) {
        Throwable cause = AsyncFailures.unwrap(failure);
        if (cause instanceof CommandFailure explained) {
            return explained;
        }
        if (cause instanceof TaskTimeoutException timeout) {
            return timedOut(timeout, null, situation);
        }
        return new CommandFailure(exitCode(cause), message(cause, situation), cause);
    }

    /**
     * @param timeout the wait's timeout
     * @param limit how long the command waited, or null when unknown
     * @param situation where the task runs, or null when unknown
     * @return exit 4, with the command that resumes the wait (or why it cannot be resumed)
     */
    public static CommandFailure timedOut(TaskTimeoutException timeout, Duration limit, Situation situation) {
        String message = "task " + timeout.taskId().value() + " did not finish "
                + (limit == null ? "in time" : "within " + Durations.describe(limit))
                + timeout.lastSnapshot().map(task -> " (last status: " + task.status().wireValue() + ")").orElse("")
                + ". " + resumeHint(timeout.taskId(), situation);
        return new CommandFailure(ExitCodes.TIMEOUT, message.strip(), timeout);
    }

    private static String resumeHint(TaskId id, Situation situation) {
        if (situation == null) {
            return "";
        }
        String resume = situation.resumeCommand(id);
        if (resume == null) {
            return "The built-in fake backend stopped with this command, so the task cannot be resumed; "
                    + "try again with a longer --timeout.";
        }
        return "The task goes on at GemPix2; to wait for it again, run:" + System.lineSeparator() + "  " + resume;
    }

    /**
     * @param unwritable why an image could not be written
     * @param id the task, which succeeded
     * @param situation where the task ran
     * @return exit 5, with the command that writes the images somewhere else when there is one
     */
    public static CommandFailure notWritten(UncheckedIOException unwritable, TaskId id, Situation situation) {
        String resume = situation == null ? null : situation.resumeCommand(id);
        return new CommandFailure(ExitCodes.OTHER_ERROR, unwritable.getMessage()
                + (resume == null ? "" : ". The task succeeded; to write its images elsewhere, run:"
                        + System.lineSeparator() + "  " + resume + " --out DIR"), unwritable);
    }

    private static int exitCode(Throwable cause) {
        if (cause instanceof TaskFailedException) {
            return ExitCodes.TASK_FAILED;
        }
        if (cause instanceof InvalidRequestException invalid) {
            return invalid.field().filter(field -> field.equals("api_key")).isPresent()
                    ? ExitCodes.AUTHENTICATION : ExitCodes.USAGE;
        }
        if (cause instanceof AuthenticationException) {
            return ExitCodes.AUTHENTICATION;
        }
        if (cause instanceof TaskTimeoutException) {
            return ExitCodes.TIMEOUT;
        }
        return ExitCodes.OTHER_ERROR;
    }

    private static String message(Throwable cause, Situation situation) {
        if (cause instanceof AuthenticationException rejected) {
            return "GemPix2 rejected the API key" + maskedKey(situation)
                    + rejected.providerMessage().map(text -> " (" + text + ")").orElse("")
                    + ". Check the key you set in " + keyOrigin(situation)
                    + ", or get a new one at https://defapi.org";
        }
        if (cause instanceof InvalidRequestException invalid) {
            return invalid.httpStatus() == 0
                    ? invalid.getMessage()
                    : "GemPix2 rejected the request (HTTP " + invalid.httpStatus() + "): "
                            + invalid.detail().or(invalid::providerMessage).orElse("no reason given");
        }
        if (cause instanceof TaskFailedException failed) {
            return "task " + failed.task().id().value() + " failed: " + failed.reason();
        }
        if (cause instanceof TaskNotFoundException) {
            return "GemPix2 does not know this task (HTTP 404). Check the task id, and that "
                    + (situation == null ? "the base URL" : situation.baseUrl().toString())
                    + " is the API the task was submitted to (GEMPIX2_BASE_URL or --base-url)";
        }
        if (cause instanceof RateLimitedException limited) {
            return cause.getMessage() + limited.retryAfter().map(wait -> "; GemPix2 asks to wait "
                    + wait.toSeconds() + "s before trying again").orElse("; try again in a minute");
        }
        if (cause instanceof ServerException) {
            return cause.getMessage() + "; the request may succeed if you try again later";
        }
        if (cause instanceof ApiException) {
            return cause.getMessage();
        }
        if (cause instanceof TransportException) {
            return "could not talk to GemPix2" + (situation == null ? "" : " at " + situation.baseUrl())
                    + ": " + cause.getMessage();
        }
        if (cause instanceof UncheckedIOException io) {
            return cause.getMessage() != null ? cause.getMessage() : String.valueOf(io.getCause());
        }
        return "unexpected error: " + cause + " (run again with --verbose to see where it happened)";
    }

    private static String maskedKey(Situation situation) {
        return situation == null || situation.key() == null ? "" : " " + situation.key().masked();
    }

    private static String keyOrigin(Situation situation) {
        return situation == null || situation.keyOrigin() == null ? "GEMPIX2_API_KEY" : situation.keyOrigin();
    }
}
