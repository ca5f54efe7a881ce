package dev.gempix2.testkit.internal.standalone;

import dev.gempix2.core.model.ApiKey;
import dev.gempix2.testkit.FakeGemPix2Backend;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar gempix2-testkit.jar}: runs the fake backend until the process is stopped. Prints where it
 * listens on the first line of standard output, so that scripts (and tests) can read the port.
 */
public final class StandaloneMain {
    /** Exit status for a bad command line. */
    static final int USAGE_ERROR = 2;

    private StandaloneMain() {
    }

    /**
     * @param args see {@code --help}
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status >= 0) {
            System.exit(status);
        }
    }

    /**
     * @return the exit status, or -1 when the fake is running (until the JVM stops)
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        StandaloneOptions options;
        try {
            options = StandaloneOptions.parse(args);
        } catch (IllegalArgumentException badArgs) {
            err.println("gempix2-testkit: " + badArgs.getMessage());
            err.println("Run with --help for usage.");
            return USAGE_ERROR;
        }
        if (options.help()) {
            out.print(StandaloneOptions.USAGE);
            return 0;
        }
        FakeGemPix2Backend.Builder builder = FakeGemPix2Backend.builder()
                .host(options.host())
                .port(options.port())
                .stageDuration(options.stageDuration())
                .imageMode(options.imageMode());
        options.apiKeys().forEach(builder::apiKey);
        FakeGemPix2Backend fake;
        try {
            fake = builder.start();
        } catch (UncheckedIOException | IllegalArgumentException cannotListen) {
            err.println("gempix2-testkit: " + cannotListen.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(fake::close, "gempix2-fake-shutdown"));
        out.println("GemPix2 fake backend listening on " + fake.baseUrl());
        if (options.apiKeys().isEmpty()) {
            out.println("API key (generated): " + fake.apiKey().reveal());
        } else {
            out.println("API keys accepted: " + options.apiKeys().stream().map(ApiKey::mask).toList());
        }
        out.println("Each task spends " + options.stageDuration().toMillis() + " ms in pending, submitted and in_progress. "
                + "Stop with Ctrl+C.");
        out.flush();
        awaitShutdown();
        return -1;
    }

    private static void awaitShutdown() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
