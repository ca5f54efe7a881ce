package dev.gempix2.cli;

import dev.gempix2.cli.internal.CommandFailure;
import dev.gempix2.cli.internal.DurationConverter;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.testkit.FakeGemPix2Backend;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gempix2 fake-server}: runs the testkit's fake GemPix2 backend until Ctrl-C, for trying other clients
 * (or this one, in another shell) without a key or credits.
 *
 * <pre>{@code
 * java -jar gempix2.jar fake-server --port 8089
 * }</pre>
 */
@Command(name = "fake-server",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Run a fake GemPix2 backend on this machine until Ctrl-C, for trying clients without a key.",
                "Prints GEMPIX2_BASE_URL=... and GEMPIX2_API_KEY=... on stdout; set both in another shell to use it."},
        sortOptions = false)
public final class FakeServerCommand implements Callable<Integer> {

    @ParentCommand
    GemPix2Command parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "Port on 127.0.0.1 (default: any free port, printed at start).")
    int port;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "The key the fake accepts (default: one it makes up, printed at start).")
    String apiKey;

    @Option(names = "--stage-duration", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "How long a task stays in each of pending, submitted and in_progress (default: ${DEFAULT-VALUE}).")
    Duration stageDuration;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(),
                    "--port must be between 0 and 65535, got " + port);
        }
        try (FakeGemPix2Backend fake = start()) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("GEMPIX2_BASE_URL=" + fake.baseUrl());
            out.println("GEMPIX2_API_KEY=" + fake.apiKey().reveal());
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            err.println("gempix2: fake GemPix2 backend running at " + fake.baseUrl() + "; Ctrl-C stops it. In another shell:");
            err.println("  export GEMPIX2_BASE_URL=" + fake.baseUrl() + " GEMPIX2_API_KEY=" + fake.apiKey().reveal());
            err.println("  " + parent.context().commandPrefix() + " generate \"a red fox in the snow\"");
            err.flush();
            parent.context().stopRequested().join();
            return ExitCodes.OK;
        }
    }

    private FakeGemPix2Backend start() {
        FakeGemPix2Backend.Builder builder = FakeGemPix2Backend.builder().port(port).stageDuration(stageDuration);
        if (apiKey != null) {
            try {
                builder.apiKey(apiKey);
            } catch (InvalidRequestException malformed) {
                throw new ParameterException(spec.commandLine(),
                        "--api-key must be printable ASCII without spaces, like dk-1234567890abcdef");
            }
        }
        try {
            return builder.start();
        } catch (RuntimeException failure) {
            throw new CommandFailure(ExitCodes.OTHER_ERROR, "cannot start the fake backend on port " + port + ": "
                    + failure.getMessage() + (port != 0 ? " (is the port in use? --port 0 picks a free one)" : ""),
                    failure);
        }
    }
}
