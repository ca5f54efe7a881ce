package dev.gempix2.examples;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A README command that serves until stopped (the fake backend, the app), run as a process of its own with its
 * output in a file: started, awaited until its port accepts connections, then stopped.
 */
final class ServerProcess implements AutoCloseable {
    private static final Duration CONNECT_POLL = Duration.ofMillis(100);

    private final Process process;
    private final Path output;
    private final String what;

    private ServerProcess(Process process, Path output, String what) {
        this.process = process;
        this.output = output;
        this.what = what;
    }

    /**
     * @param command the command and its arguments
     * @param directory where it runs
     * @param environment the variables it gets on top of this JVM's (without any {@code GEMPIX2_*} of this JVM,
     *                    with quick start-up flags in {@code JAVA_TOOL_OPTIONS})
     * @param output where its standard output and error go
     * @return the running process
     * @throws IOException when it cannot be started
     */
    static ServerProcess start(List<String> command, Path directory, Map<String, String> environment, Path output)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("GEMPIX2_"));
        // Start-up flags for these short-lived JVMs (a quicker JIT, a small collector): they change how fast the
        // README's commands run on a loaded build machine, not what they do.
        builder.environment().put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        builder.environment().putAll(environment);
        return new ServerProcess(builder.start(), output, String.join(" ", command));
    }

    /**
     * Waits until the process accepts connections on the port: the waiting is on the process, not on a clock.
     *
     * @param port the port it was told to listen on
     * @param atMost how long to wait before giving up
     * @throws IOException when it stops first or does not listen in time, with its output
     * @throws InterruptedException when interrupted
     */
    void awaitListening(int port, Duration atMost) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException(what + " stopped with status " + process.exitValue() + " before listening on "
                            + port + ":\n" + output());
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException(what + " did not listen on " + port + " within " + atMost + ":\n" + output());
                }
                if (process.waitFor(CONNECT_POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                    continue;
                }
            }
        }
    }

    /** @return what the process has written so far */
    String output() throws IOException {
        return Files.readString(output);
    }

    /** Stops the process as Ctrl+C would, and forcibly if it has not stopped after 20 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
