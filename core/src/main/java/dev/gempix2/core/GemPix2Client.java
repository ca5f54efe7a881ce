package dev.gempix2.core;

import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.port.Clock;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.core.port.TaskRepository;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The GemPix2 client: submit a generation, wait for it (callbacks and polling merged into one wait), and
 * fetch the images. Every call has a blocking form and an {@code …Async} form; an async wait holds no thread
 * while the task runs. Thread-safe; one instance serves a whole application.
 *
 * <pre>{@code
 * try (GemPix2Client client = GemPix2Client.fromEnv()) {          // GEMPIX2_API_KEY, GEMPIX2_BASE_URL
 *     Task task = client.generate(ImageRequest.of("a lighthouse at dawn, oil painting"));
 *     Path file = client.save(task.images().get(0), Path.of("out"));
 * }
 * }</pre>
 */
public final class GemPix2Client implements AutoCloseable {

    private GemPix2Client(Builder builder) {
        throw new UnsupportedOperationException("being built");
    }

    /** @return a builder; {@link Builder#generator(ImageGenerator)} is the one required setting */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from the environment: {@code GEMPIX2_API_KEY} (required) and {@code GEMPIX2_BASE_URL}
     * (default {@code https://api.defapi.org}), over whichever transport is on the class path
     * ({@code gempix2-transport-httpclient5}, found through {@code ImageGeneratorProvider}).
     *
     * @return a client that closes its transport when closed
     * @throws dev.gempix2.core.error.GemPix2Exception naming {@code GEMPIX2_API_KEY} when it is unset, or the
     *         missing artifact when no transport is on the class path
     */
    public static GemPix2Client fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * Like {@link #fromEnv()}, reading the given variables instead of the process environment.
     *
     * @param environment variables such as {@code GEMPIX2_API_KEY}
     * @return the client
     */
    public static GemPix2Client fromEnv(Map<String, String> environment) {
        throw new UnsupportedOperationException("being built");
    }

    /** Records the task, sends it, and returns its id. @param request what to generate @return the id */
    public TaskId submit(ImageRequest request) {
        throw new UnsupportedOperationException("being built");
    }

    /** @param request what to generate @return the id, once the provider answered */
    public CompletableFuture<TaskId> submitAsync(ImageRequest request) {
        throw new UnsupportedOperationException("being built");
    }

    /** One query of the API. @param id the task @return its snapshot */
    public Task task(TaskId id) {
        throw new UnsupportedOperationException("being built");
    }

    /** @param id the task @return its snapshot */
    public CompletableFuture<Task> taskAsync(TaskId id) {
        throw new UnsupportedOperationException("being built");
    }

    /**
     * Waits for the task's final state, whichever comes first: a callback or a poll, with the policy's timeout.
     *
     * @param id the task
     * @return the successful task
     * @throws dev.gempix2.core.error.TaskFailedException when it failed (or answered with text only)
     * @throws dev.gempix2.core.error.TaskTimeoutException when the wait timed out
     */
    public Task await(TaskId id) {
        throw new UnsupportedOperationException("being built");
    }

    /** @param id the task @param timeout how long to wait @return the successful task */
    public Task await(TaskId id, Duration timeout) {
        throw new UnsupportedOperationException("being built");
    }

    /** @param id the task @return the successful task; cancelling the future stops this wait's polling */
    public CompletableFuture<Task> awaitAsync(TaskId id) {
        throw new UnsupportedOperationException("being built");
    }

    /** @param id the task @param timeout how long to wait @return the successful task */
    public CompletableFuture<Task> awaitAsync(TaskId id, Duration timeout) {
        throw new UnsupportedOperationException("being built");
    }

    /** Submit and await. @param request what to generate @return the successful task */
    public Task generate(ImageRequest request) {
        throw new UnsupportedOperationException("being built");
    }

    /** @param request what to generate @param timeout how long to wait @return the successful task */
    public Task generate(ImageRequest request, Duration timeout) {
        throw new UnsupportedOperationException("being built");
    }

    /** @param request what to generate @return the successful task */
    public CompletableFuture<Task> generateAsync(ImageRequest request) {
        throw new UnsupportedOperationException("being built");
    }

    /** @param request what to generate @param timeout how long to wait @return the successful task */
    public CompletableFuture<Task> generateAsync(ImageRequest request, Duration timeout) {
        throw new UnsupportedOperationException("being built");
    }

    /** The image's bytes: a URL fetched (with retries, size-capped), a data URI decoded. @param image the image @return its bytes */
    public byte[] download(GeneratedImage image) {
        throw new UnsupportedOperationException("being built");
    }

    /** @param image the image @return its bytes */
    public CompletableFuture<byte[]> downloadAsync(GeneratedImage image) {
        throw new UnsupportedOperationException("being built");
    }

    /**
     * Writes the image into a directory (created if missing), with the extension of its real media type.
     *
     * @param image the image
     * @param directory where to write it
     * @return the file written
     */
    public Path save(GeneratedImage image, Path directory) {
        throw new UnsupportedOperationException("being built");
    }

    /** @param image the image @param directory where to write it @return the file written */
    public CompletableFuture<Path> saveAsync(GeneratedImage image, Path directory) {
        throw new UnsupportedOperationException("being built");
    }

    /** @return the receiver that webhook endpoints hand callbacks to */
    public CallbackReceiver callbacks() {
        throw new UnsupportedOperationException("being built");
    }

    /**
     * After a restart, re-attaches waits to every unfinished task in the repository. Their outcomes reach the
     * listeners and {@link #awaitAsync(TaskId)}.
     *
     * @return the tasks re-attached
     */
    public List<TaskId> resumeUnfinished() {
        throw new UnsupportedOperationException("being built");
    }

    /** Stops every wait and closes what this client created (never a transport or repository passed in). */
    @Override
    public void close() {
        throw new UnsupportedOperationException("being built");
    }

    /** Builds a {@link GemPix2Client}. Every setter's javadoc names its default. */
    public static final class Builder {
        private Builder() {
        }

        /** @param generator the transport to the API; required @return this builder */
        public Builder generator(ImageGenerator generator) {
            return this;
        }

        /** @param downloader fetches image URLs; default the generator, when it is also a downloader @return this builder */
        public Builder downloader(ImageDownloader downloader) {
            return this;
        }

        /** @param repository where task records live; default a new {@code InMemoryTaskRepository} @return this builder */
        public Builder repository(TaskRepository repository) {
            return this;
        }

        /** @param clock time and scheduling; default {@code SystemClock.shared()} @return this builder */
        public Builder clock(Clock clock) {
            return this;
        }

        /** @param policy retries; default {@link RetryPolicy#defaults()} @return this builder */
        public Builder retryPolicy(RetryPolicy policy) {
            return this;
        }

        /** @param policy polling and timeouts; default {@link PollingPolicy#defaults()} @return this builder */
        public Builder pollingPolicy(PollingPolicy policy) {
            return this;
        }

        /**
         * @param baseUrl the public URL under which the app's webhook endpoint takes {@code POST <base>/<token>};
         *                default none (callbacks off, polling only)
         * @return this builder
         */
        public Builder callbackBaseUrl(URI baseUrl) {
            return this;
        }

        /**
         * @param verify whether a callback is confirmed by one query before it completes a wait; default true
         * @return this builder
         */
        public Builder verifyCallbacks(boolean verify) {
            return this;
        }

        /** @param listener sees every status change; may be called several times to add more @return this builder */
        public Builder listener(TaskListener listener) {
            return this;
        }

        /**
         * @param executor where futures complete and listeners run; default a small pool of daemon threads owned
         *                 by the client
         * @return this builder
         */
        public Builder callbackExecutor(Executor executor) {
            return this;
        }

        /** @param maxBytes the largest image download accepted; default 32 MiB @return this builder */
        public Builder maxDownloadBytes(long maxBytes) {
            return this;
        }

        /** @return the client @throws IllegalStateException when no generator was set */
        public GemPix2Client build() {
            return new GemPix2Client(this);
        }
    }
}
