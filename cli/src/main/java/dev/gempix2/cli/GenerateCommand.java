package dev.gempix2.cli;

import dev.gempix2.cli.internal.BackendSession;
import dev.gempix2.cli.internal.CommandSettings;
import dev.gempix2.cli.internal.ConnectionOptions;
import dev.gempix2.cli.internal.ExtraFieldValue;
import dev.gempix2.cli.internal.FailureExplanation;
import dev.gempix2.cli.internal.ProgressReport;
import dev.gempix2.cli.internal.ReferenceImageConverter;
import dev.gempix2.cli.internal.ResultOptions;
import dev.gempix2.cli.internal.TaskWait;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Model;
import dev.gempix2.core.model.TaskId;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gempix2 generate PROMPT}: submits a generation, waits for it, writes the images and prints their
 * paths.
 *
 * <pre>{@code
 * java -jar gempix2.jar generate "a lighthouse at dawn, oil painting" --extra aspect_ratio=16:9
 * }</pre>
 */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Generate images from a prompt, wait for them, and write them to --out.",
                "Progress goes to stderr; stdout gets only the paths written (or, with --json, one JSON document)."},
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:images written", "1:the task failed", "2:usage, or HTTP 400",
                "3:API key missing or rejected", "4:timed out (the task goes on)", "5:other error"})
public final class GenerateCommand implements Callable<Integer> {

    @ParentCommand
    GemPix2Command parent;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PROMPT",
            description = "What to draw. Quote it; unquoted words are joined with spaces.")
    List<String> promptWords;

    @Option(names = "--model", paramLabel = "ID",
            description = "Model id, e.g. google/gempix2 or google/gemini-2.5-flash-image (default: $GEMPIX2_MODEL, "
                    + "else google/gempix2).")
    String model;

    @Option(names = "--image", paramLabel = "URL|FILE", converter = ReferenceImageConverter.class,
            description = "A reference image: an http(s) URL, or a local PNG/JPEG/GIF/WebP file (sent inline). "
                    + "Repeat for more, at most " + ImageRequest.MAX_REFERENCE_IMAGES + ".")
    List<URI> images = new ArrayList<>();

    @Option(names = "--extra", paramLabel = "KEY=VALUE",
            description = "A further request field, e.g. aspect_ratio=16:9. Numbers and true/false are sent as "
                    + "such; quote a value in \"...\" to send it as a string. Repeatable.")
    Map<String, String> extra = new LinkedHashMap<>();

    @Mixin
    ResultOptions results;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        ImageRequest request = request();
        PrintWriter err = spec.commandLine().getErr();
        try (ProgressReport progress = ProgressReport.to(err, parent.context().terminal());
             BackendSession session = BackendSession.open(connection, parent.context(), err, true, progress,
                     results.pollInterval())) {
            progress.begin();
            TaskId id;
            try {
                id = session.client().submit(request);
            } catch (RuntimeException failure) {
                progress.finish("not submitted");
                throw FailureExplanation.explain(failure, session.situation());
            }
            progress.started(id, "created");
            try {
                return TaskWait.awaitAndSave(session, id, progress, results, spec.commandLine().getOut(), err,
                        parent.context().stopRequested());
            } finally {
                if (parent.verbose()) {
                    err.println(session.timings().summary());
                    err.flush();
                }
            }
        }
    }

    /** Everything the user typed is checked here, before any backend starts or any request is sent. */
    private ImageRequest request() {
        if (images.size() > ImageRequest.MAX_REFERENCE_IMAGES) {
            throw new ParameterException(spec.commandLine(), "--image was given " + images.size()
                    + " times; GemPix2 takes at most " + ImageRequest.MAX_REFERENCE_IMAGES + " reference images");
        }
        try {
            Model chosen = CommandSettings.read(connection, parent.context(), null, model).model();
            ImageRequest.Builder builder = ImageRequest.builder().model(chosen).prompt(String.join(" ", promptWords)).referenceImages(images);
            extra.forEach((key, value) -> builder.extra(key, ExtraFieldValue.parse(value)));
            return builder.build();
        } catch (InvalidRequestException invalid) {
            throw FailureExplanation.explain(invalid, null);
        }
    }
}
