package dev.gempix2.cli;

import dev.gempix2.cli.internal.BackendSession;
import dev.gempix2.cli.internal.ConnectionOptions;
import dev.gempix2.cli.internal.FailureExplanation;
import dev.gempix2.cli.internal.ProgressReport;
import dev.gempix2.cli.internal.TaskOutput;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gempix2 status TASK_ID}: asks the API once where a task is, and prints it.
 *
 * <pre>{@code
 * java -jar gempix2.jar status ta12345678-1234-1234-1234-123456789abc --json
 * }</pre>
 */
@Command(name = "status",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Ask once where a task is: its status, credits consumed, reason on failure, image URLs.",
                "Needs GEMPIX2_API_KEY (or --api-key): the task lives at the API it was submitted to.",
                "Exits 0 whenever the API answered, whatever the task's status."},
        sortOptions = false)
public final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    GemPix2Command parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "The task id that generate printed.")
    String taskId;

    @Option(names = "--json", description = "Print the task as one JSON document on stdout.")
    boolean json;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        TaskId id = taskId(taskId);
        PrintWriter err = spec.commandLine().getErr();
        try (ProgressReport silent = ProgressReport.to(err, false);
             BackendSession session = BackendSession.open(connection, parent.context(), err, false, silent, null)) {
            Task task;
            try {
                task = session.client().task(id);
            } catch (RuntimeException failure) {
                throw FailureExplanation.explain(failure, session.situation());
            }
            print(spec.commandLine().getOut(), task);
            return ExitCodes.OK;
        }
    }

    private void print(PrintWriter out, Task task) {
        List<TaskOutput.Image> images = new ArrayList<>();
        List<GeneratedImage> generated = task.images();
        for (int i = 0; i < generated.size(); i++) {
            images.add(new TaskOutput.Image(i + 1, generated.get(i).location(), null, null));
        }
        if (json) {
            TaskOutput.printResult(out, task, images, true);
            return;
        }
        out.println("task:     " + task.id().value());
        out.println("status:   " + task.status().wireValue());
        task.consumedCredits().ifPresent(credits -> out.println("consumed: " + credits.toPlainString()));
        task.statusMessage().ifPresent(message -> out.println("message:  " + message));
        for (TaskOutput.Image image : images) {
            String location = image.location();
            out.println("image " + image.number() + ":  " + (location.regionMatches(true, 0, "data:", 0, 5)
                    ? "inline data: URI (" + location.length() + " characters; the wait command saves it)"
                    : location));
        }
        out.flush();
    }

    /** Reads a task id typed by a person, as a usage error when it cannot be one. */
    static TaskId taskId(String text) {
        try {
            return TaskId.of(text.strip());
        } catch (InvalidRequestException invalid) {
            throw FailureExplanation.explain(invalid, null);
        }
    }
}
