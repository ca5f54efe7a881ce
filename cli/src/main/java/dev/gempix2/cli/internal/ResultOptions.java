package dev.gempix2.cli.internal;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How long to wait for a task and what to do with its images; shared by {@code generate} and {@code wait}. */
public final class ResultOptions {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "gempix2-output",
            description = "Directory the images are written to, as <task-id>-<n>.<ext> (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for the task, e.g. 90s, 5m, 1h (default: 5m). The task goes on "
                    + "after a timeout; the error says how to wait for it again.")
    Duration timeout;

    @Option(names = "--poll-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How soon to ask for the task's status first; each later interval is 1.5 times the "
                    + "last, up to 10s (default: 2s; 200ms on the built-in fake backend).")
    Duration pollInterval;

    @Option(names = "--no-download", description = "Print each image's URL (or data: URI) instead of saving it.")
    boolean noDownload;

    @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
    boolean json;

    /** @return the output directory */
    public Path out() {
        return out;
    }

    /** @return the wait's timeout, or null for the client's default (5 minutes) */
    public Duration timeout() {
        return timeout;
    }

    /** @return the first poll interval, or null for the default */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** @return whether to skip fetching and writing the images */
    public boolean noDownload() {
        return noDownload;
    }

    /** @return whether stdout gets JSON */
    public boolean json() {
        return json;
    }
}
