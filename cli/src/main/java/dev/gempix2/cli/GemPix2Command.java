package dev.gempix2.cli;

import dev.gempix2.cli.internal.CliContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code gempix2} command itself: its subcommands do the work.
 *
 * <pre>{@code
 * java -jar cli/target/gempix2.jar generate "a lighthouse at dawn, oil painting"
 * }</pre>
 */
@Command(name = "gempix2",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Generate images with the GemPix2 API (Google's Gemini image models, \"Nano Banana\").",
                "",
                "With GEMPIX2_API_KEY set (or --api-key), requests go to the real API at GEMPIX2_BASE_URL "
                        + "(default https://api.defapi.org); without a key, generate runs on a fake backend "
                        + "inside this process, so you can try everything without an account."},
        subcommands = {GenerateCommand.class, StatusCommand.class, WaitCommand.class, FakeServerCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done",
                "1:the task failed (the reason is printed)",
                "2:usage: bad arguments, or a request GemPix2 rejected (HTTP 400)",
                "3:the API key is missing, malformed or rejected",
                "4:timed out waiting; the task goes on (resume with the printed wait command)",
                "5:any other error: the API (404, 429, 5xx), the network, or writing files"})
public final class GemPix2Command implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error, the library's log messages, and (generate) the task's "
                    + "polls, callbacks, retries and wall time per phase at the end.")
    boolean verbose;

    /** @param context the environment the subcommands see */
    public GemPix2Command(CliContext context) {
        this.context = context;
    }

    /** @return the environment, terminal and stop signal the subcommands see */
    public CliContext context() {
        return context;
    }

    /** @return whether {@code --verbose} was given */
    public boolean verbose() {
        return verbose;
    }

    /** Without a subcommand there is nothing to do: the usage says what there is. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
