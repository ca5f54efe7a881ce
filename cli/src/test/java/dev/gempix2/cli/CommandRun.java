package dev.gempix2.cli;

import dev.gempix2.cli.internal.CliContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * One in-process run of the command, with its exit code and what it printed on stdout and stderr.
 *
 * @param exitCode the exit code
 * @param out what went to stdout
 * @param err what went to stderr
 */
record CommandRun(int exitCode, String out, String err) {

    /**
     * @param environment the variables the command sees
     * @param args the command line
     * @return the run, finished
     */
    static CommandRun of(Map<String, String> environment, String... args) {
        return of(CliContext.of(environment), args);
    }

    /**
     * @param context the environment, terminal flag and stop signal the command sees
     * @param args the command line
     * @return the run, finished
     */
    static CommandRun of(CliContext context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.commandLine(context)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
