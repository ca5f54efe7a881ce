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
     * @return {@link ExitCodes#OK}
     * @throws CommandFailure with the exit code and message of whatever went wrong
     */
    public static int awaitAndSave(BackendSession session, TaskId id, ProgressReport progress, ResultOptions options,
                                   PrintWriter out) {
        GemPix2Client client = session.client();
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
