package dev.gempix2.cli.internal;

import dev.gempix2.cli.ExitCodes;
import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.error.TaskFailedException;
import dev.gempix2.core.error.TaskTimeoutException;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The part that {@code generate} and {@code wait} share: wait for the task with progress on stderr, then
 * write its images and print the result on stdout; or explain why not.
 */
public final class TaskWait {

    private TaskWait() {
    }

    /**
     * @param session the client and where it talks to
     * @param id the task
     * @param progress the report, already begun
     * @param options timeout and what to do with the images
     * @param out stdout
     * @param err stderr, for what to do after Ctrl-C
     * @param stopRequested completes on Ctrl-C
     * @return {@link ExitCodes#OK}
     * @throws CommandFailure with the exit code and message of whatever went wrong
     */
    public static int awaitAndSave(BackendSession session, TaskId id, ProgressReport progress, ResultOptions options,
                                   PrintWriter out, PrintWriter err, CompletableFuture<Void> stopRequested) {
        GemPix2Client client = session.client();
        // Ctrl-C while waiting: the task goes on at the API, so say how to pick it up again. Cancelled once the
        // wait is over, so that a normal exit (which runs the same shutdown hook) says nothing.
        CompletableFuture<Void> onStop = stopRequested.thenRun(() -> {
            progress.finish("stopped waiting");
            String resume = session.situation().resumeCommand(id);
            err.println(resume == null ? "gempix2: stopped; the built-in fake backend stops with this command"
                    : "gempix2: stopped waiting; the task goes on at GemPix2. To wait for it again, run:"
                            + System.lineSeparator() + "  " + resume);
            err.flush();
        });
        Task task;
        try {
            task = options.timeout() == null ? client.await(id) : client.await(id, options.timeout());
        } catch (TaskFailedException failed) {
            progress.finish("failed");
            if (options.json()) {
                TaskOutput.printResult(out, failed.task(), List.of(), true);
            }
            throw FailureExplanation.explain(failed, session.situation());
        } catch (TaskTimeoutException timeout) {
            progress.finish("timed out");
            throw FailureExplanation.timedOut(timeout,
                    options.timeout() == null ? session.defaultWaitTimeout() : options.timeout(),
                    session.situation());
        } catch (RuntimeException failure) {
            progress.finish("error");
            throw FailureExplanation.explain(failure, session.situation());
        } finally {
            onStop.cancel(false);
        }
        progress.finish(task.status().wireValue());
        try {
            List<TaskOutput.Image> images = TaskOutput.save(client, task, options);
            TaskOutput.printResult(out, task, images, options.json());
            return ExitCodes.OK;
        } catch (UncheckedIOException unwritable) {
            throw FailureExplanation.notWritten(unwritable, id, session.situation());
        } catch (RuntimeException failure) {
            throw FailureExplanation.explain(failure, session.situation());
        }
    }
}
