package dev.gempix2.benchmarks.report;

import dev.gempix2.core.model.ApiKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link ChildFakeMain} started in its own JVM from this JVM's class path, and stopped on close. */
final class ChildFake implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final PrintStream in;
    private final URI baseUrl;
    private final ApiKey apiKey;

    ChildFake(Duration stage, int threads) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            process = new ProcessBuilder(List.of(java, "-Xmx1g", "-Dsun.net.httpserver.nodelay=true",
                    "-cp", System.getProperty("java.class.path"), ChildFakeMain.class.getName(),
                    Long.toString(stage.toMillis()), Integer.toString(threads)))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
            baseUrl = URI.create(value("baseUrl"));
            apiKey = ApiKey.of(value("apiKey"));
        } catch (IOException cannotStart) {
            throw new UncheckedIOException(cannotStart);
        }
    }

    URI baseUrl() {
        return baseUrl;
    }

    ApiKey apiKey() {
        return apiKey;
    }

    /** @return the child's heap in use after full collections */
    long settledHeapBytes() {
        in.println("heap");
        try {
            return Long.parseLong(value("heap"));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private String value(String key) throws IOException {
        String line = out.readLine();
        if (line == null || !line.startsWith(key + "=")) {
            throw new IOException("the child fake said '" + line + "' instead of " + key + "=...");
        }
        return line.substring(key.length() + 1);
    }

    @Override
    public void close() {
        in.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
