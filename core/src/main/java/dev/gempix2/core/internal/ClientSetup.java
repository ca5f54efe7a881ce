package dev.gempix2.core.internal;

import dev.gempix2.core.GemPix2Observer;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.RetryPolicy;
import dev.gempix2.core.TaskListener;
import dev.gempix2.core.port.Clock;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.core.port.TaskRepository;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;

/**
 * What a {@code GemPix2Client.Builder} collected, handed to {@link ClientOperations} in one value. The builder
 * validates each setting as it is set; a null here means "the default" where the component says so.
 *
 * @param generator the transport; required
 * @param downloader fetches image URLs, or null for the generator when it is also a downloader
 * @param repository where records live, or null for a new in-memory one
 * @param clock time and scheduling, or null for the system clock
 * @param retryPolicy retries
 * @param pollingPolicy polling and the wait timeout
 * @param callbackBaseUrl the webhook base URL, or null when callbacks are off
 * @param verifyCallbacks whether a callback is confirmed by a query
 * @param listeners status listeners
 * @param observers observers of attempts, retries, callbacks and task ends
 * @param executor where futures complete, or null for a pool the client owns
 * @param maxDownloadBytes the largest image accepted
 * @param callTimeout the default deadline of one submit, query or download
 * @param closeGrace how long close waits for answers to submits already sent
 * @param jitter the backoff's jitter source
 * @param ownsGenerator whether closing the client closes the generator
 */
public record ClientSetup(ImageGenerator generator, ImageDownloader downloader, TaskRepository repository,
                          Clock clock, RetryPolicy retryPolicy, PollingPolicy pollingPolicy, URI callbackBaseUrl,
                          boolean verifyCallbacks, List<TaskListener> listeners, List<GemPix2Observer> observers,
                          Executor executor, long maxDownloadBytes, Duration callTimeout, Duration closeGrace,
                          DoubleSupplier jitter, boolean ownsGenerator) {
    /**
     * Copies the lists and checks what has no default.
     *
     * @param generator the transport; required
     * @param downloader fetches image URLs, or null
     * @param repository where records live, or null
     * @param clock time and scheduling, or null
     * @param retryPolicy retries
     * @param pollingPolicy polling and the wait timeout
     * @param callbackBaseUrl the webhook base URL, or null
     * @param verifyCallbacks whether a callback is confirmed by a query
     * @param listeners status listeners
     * @param observers observers
     * @param executor where futures complete, or null
     * @param maxDownloadBytes the largest image accepted
     * @param callTimeout the default deadline of one call
     * @param closeGrace how long close waits for submits already sent
     * @param jitter the backoff's jitter source
     * @param ownsGenerator whether closing the client closes the generator
     * @throws IllegalStateException when no generator was set
     */
    public ClientSetup {
        if (generator == null) {
            throw new IllegalStateException("GemPix2Client.builder().generator(...) is required: pass a transport such "
                    + "as HttpClient5Transport, or use GemPix2Client.fromEnv()");
        }
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(pollingPolicy, "pollingPolicy");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(closeGrace, "closeGrace");
        Objects.requireNonNull(jitter, "jitter");
        listeners = List.copyOf(listeners);
        observers = List.copyOf(observers);
    }
}
