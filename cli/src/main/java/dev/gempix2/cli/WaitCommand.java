package dev.gempix2.cli;

import dev.gempix2.cli.internal.BackendSession;
import dev.gempix2.cli.internal.ConnectionOptions;
import dev.gempix2.cli.internal.ProgressReport;
import dev.gempix2.cli.internal.ResultOptions;
import dev.gempix2.cli.internal.TaskWait;
import dev.gempix2.core.model.TaskId;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gempix2 wait TASK_ID}: waits for a task submitted earlier (after a timeout, or by another program),
 * then writes its images like {@code generate}.
 *
 * <pre>{@code
 * java -jar gempix2.jar wait ta12345678-1234-1234-1234-123456789abc --timeout 10m
 * }</pre>
 */
@Command(name = "wait",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Wait for a task submitted earlier, then write its images like generate does.",
                "Needs GEMPIX2_API_KEY (or --api-key): the task lives at the API it was submitted to."},
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:images written", "1:the task failed", "2:usage", "3:API key missing or rejected",
                "4:timed out (the task goes on)", "5:other error, e.g. an unknown task id"})
public final class WaitCommand implements Callable<Integer> {

    @ParentCommand
    GemPix2Command parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "The task id that generate printed.")
    String taskId;

    @Mixin
    ResultOptions results;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        TaskId id = StatusCommand.taskId(taskId);
        PrintWriter err = spec.commandLine().getErr();
        try (ProgressReport progress = ProgressReport.to(err, parent.context().terminal());
             BackendSession session = BackendSession.open(connection, parent.context(), err, false, progress,
                     results.pollInterval())) {
            progress.begin();
            progress.started(id, "waiting");
            return TaskWait.awaitAndSave(session, id, progress, results, spec.commandLine().getOut(), err,
                    parent.context().stopRequested());
        }
    }
}
