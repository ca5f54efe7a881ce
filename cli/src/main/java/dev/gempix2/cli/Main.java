package dev.gempix2.cli;

import dev.gempix2.cli.internal.CliContext;
import dev.gempix2.cli.internal.CommandFailure;
import dev.gempix2.cli.internal.FailureExplanation;
import java.io.PrintWriter;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
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
        // The command reports every failure itself, in words for a person; the library's own log would say
        // the same things again in its words. --verbose shows it.
        LIBRARY_LOG.setLevel(Level.OFF);
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
        commandLine.setUsageHelpWidth(100); // wide enough that no URL or model id is broken across lines
        return commandLine;
    }

    private static int execute(ParseResult parseResult) {
        if (!((GemPix2Command) parseResult.commandSpec().root().userObject()).verbose()) {
            return new CommandLine.RunLast().execute(parseResult);
        }
        // --verbose: the library's own log (System.Logger "dev.gempix2"), down to FINE, on this run's stderr.
        Handler handler = new Handler() {
            @Override
            public synchronized void publish(LogRecord record) {
                if (isLoggable(record)) {
                    PrintWriter err = parseResult.commandSpec().commandLine().getErr();
                    err.print(getFormatter().format(record));
                    err.flush();
                }
            }

            @Override
            public void flush() {
                parseResult.commandSpec().commandLine().getErr().flush();
            }

            @Override
            public void close() {
                flush();
            }
        };
        handler.setFormatter(new SimpleFormatter());
        handler.setLevel(Level.FINE);
        Level before = LIBRARY_LOG.getLevel();
        boolean parentsBefore = LIBRARY_LOG.getUseParentHandlers();
        LIBRARY_LOG.setLevel(Level.FINE);
        LIBRARY_LOG.setUseParentHandlers(false);
        LIBRARY_LOG.addHandler(handler);
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } finally {
            LIBRARY_LOG.removeHandler(handler);
            LIBRARY_LOG.setUseParentHandlers(parentsBefore);
            LIBRARY_LOG.setLevel(before);
        }
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
}
