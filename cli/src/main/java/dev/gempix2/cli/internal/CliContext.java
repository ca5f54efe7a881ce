package dev.gempix2.cli.internal;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * What the commands take from the world around them, so that tests can hand in their own: the environment
 * variables, whether a person watches a terminal, how the program was started (for the commands it
 * suggests), and the signal that stops {@code fake-server}.
 *
 * @param environment the variables, e.g. {@code GEMPIX2_API_KEY}
 * @param terminal whether stderr goes to a terminal that a live progress line can redraw
 * @param commandPrefix how a person runs this program again, e.g. {@code java -jar cli/target/gempix2.jar}
 * @param stopRequested completes when a long-running command should stop (Ctrl-C in a real process)
 */
public record CliContext(Map<String, String> environment, boolean terminal, String commandPrefix,
                         CompletableFuture<Void> stopRequested) {

    /**
     * Copies the environment; all fields are required.
     *
     * @param environment the variables, e.g. {@code GEMPIX2_API_KEY}
     * @param terminal whether stderr goes to a terminal that a live progress line can redraw
     * @param commandPrefix how a person runs this program again, e.g. {@code java -jar cli/target/gempix2.jar}
     * @param stopRequested completes when a long-running command should stop (Ctrl-C in a real process)
     */
    public CliContext {
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        Objects.requireNonNull(commandPrefix, "commandPrefix");
        Objects.requireNonNull(stopRequested, "stopRequested");
    }

    /**
     * The context of a real process: its environment, its console, and Ctrl-C as the stop signal.
     *
     * @return the context
     */
    public static CliContext ofThisProcess() {
        CompletableFuture<Void> stop = new CompletableFuture<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.complete(null), "gempix2-stop"));
        return new CliContext(System.getenv(), System.console() != null, commandPrefixOfThisProgram(), stop);
    }

    /**
     * @param environment the variables the command sees
     * @return a context for tests: not a terminal, {@code gempix2} as the command, never stopped by itself
     */
    public static CliContext of(Map<String, String> environment) {
        return new CliContext(environment, false, "gempix2", new CompletableFuture<>());
    }

    /**
     * @param name a variable's name
     * @return its value, or null when unset or blank
     */
    public String variable(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Run from a jar, the suggested commands say {@code java -jar <that jar>}, relative to here when inside it. */
    private static String commandPrefixOfThisProgram() {
        try {
            Path code = Path.of(CliContext.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!code.toString().endsWith(".jar")) {
                return "gempix2";
            }
            Path here = Path.of("").toAbsolutePath();
            Path jar = code.toAbsolutePath().normalize();
            String shown = jar.startsWith(here) ? here.relativize(jar).toString() : jar.toString();
            return "java -jar " + (shown.contains(" ") ? "\"" + shown + "\"" : shown);
        } catch (URISyntaxException | RuntimeException unknown) {
            return "gempix2";
        }
    }
}
