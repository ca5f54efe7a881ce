package dev.gempix2.cli;

import dev.gempix2.cli.internal.CliContext;
import dev.gempix2.cli.internal.CommandFailure;
import dev.gempix2.cli.internal.FailureExplanation;
import java.io.PrintWriter;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The entry point of the {@code gempix2} command.
 *
 * <pre>{@code
 * java -jar cli/target/gempix2.jar generate "a lighthouse at dawn, oil painting"
 * }</pre>
 *
 * <p>Tests run the same command in-process with their own environment:
 * <pre>{@code
 * int exit = Main.commandLine(Map.of("GEMPIX2_API_KEY", key, "GEMPIX2_BASE_URL", url))
 *         .setOut(out).setErr(err)
 *         .execute("generate", "a red fox");
 * }</pre>
 */
public final class Main {
    private static final Logger LIBRARY_LOG = Logger.getLogger("dev.gempix2");

    private Main() {
    }

    /**
     * Runs the command and exits the JVM with its exit code ({@link ExitCodes}).
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // One short line per log record, before anything logs (the JDK's default takes two lines).
        System.setProperty("java.util.logging.SimpleFormatter.format", "gempix2: %4$s: %5$s%6$s%n");
        System.exit(commandLine(CliContext.ofThisProcess()).execute(args));
    }

    /**
     * @param environment the variables the command sees instead of the process's ({@code GEMPIX2_API_KEY},
     *                    {@code GEMPIX2_BASE_URL})
     * @return the command, ready for {@code execute(args)}; not a terminal, so progress comes as plain lines
     */
    public static CommandLine commandLine(Map<String, String> environment) {
        return commandLine(CliContext.of(environment));
    }

    /**
     * @param context the environment, terminal and stop signal the command sees
     * @return the command, ready for {@code execute(args)}
     */
    public static CommandLine commandLine(CliContext context) {
        CommandLine commandLine = new CommandLine(new GemPix2Command(context));
        commandLine.setExecutionExceptionHandler(Main::reportFailure);
        commandLine.setParameterExceptionHandler(Main::reportUsageError);
        commandLine.setExecutionStrategy(Main::execute);
        return commandLine;
    }

    private static int execute(ParseResult parseResult) {
        if (((GemPix2Command) parseResult.commandSpec().root().userObject()).verbose()) {
            showLibraryLog();
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    private static int reportFailure(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        CommandFailure failure = FailureExplanation.explain(exception, null);
        PrintWriter err = commandLine.getErr();
        err.println("error: " + failure.getMessage());
        GemPix2Command root = (GemPix2Command) commandLine.getCommandSpec().root().userObject();
        if (root.verbose() && failure.getCause() != null) {
            failure.getCause().printStackTrace(err);
        }
        err.flush();
        return failure.exitCode();
    }

    private static int reportUsageError(CommandLine.ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("error: " + exception.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(exception, err);
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return ExitCodes.USAGE;
    }

    /** With --verbose, the library's own log (System.Logger "dev.gempix2") shows down to FINE on stderr. */
    private static synchronized void showLibraryLog() {
        if (LIBRARY_LOG.getLevel() == Level.FINE) {
            return;
        }
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(Level.FINE);
        LIBRARY_LOG.setLevel(Level.FINE);
        LIBRARY_LOG.setUseParentHandlers(false);
        LIBRARY_LOG.addHandler(handler);
    }
}
