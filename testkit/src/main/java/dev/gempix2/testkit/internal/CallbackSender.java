package dev.gempix2.testkit.internal;

import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.port.Clock;
import dev.gempix2.testkit.CallbackDelivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * POSTs final states to callback URLs with the JDK's HTTP client, retrying a failed attempt (no answer or not
 * 2xx) after a short real-time wait, and records every attempt. Retries run in real time even on a
 * {@code ManualClock}, so that a test never has to advance the clock for them.
 */
public final class CallbackSender implements AutoCloseable {
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

    private final Clock clock;
    private final Journal journal;
    private final Scheduler scheduler;
    private final int attempts;
    private final Duration retryDelay;
    private final ExecutorService executor;
    private final HttpClient client;

    /**
     * @param clock the fake's time, for {@code sentAt}
     * @param journal where attempts are recorded
     * @param scheduler whose generation tells when a reset has called deliveries off
     * @param attempts how many tries in all
     * @param retryDelay the first wait before a retry, doubling after each
     */
    public CallbackSender(Clock clock, Journal journal, Scheduler scheduler, int attempts, Duration retryDelay) {
        this.clock = clock;
        this.journal = journal;
        this.scheduler = scheduler;
        this.attempts = attempts;
        this.retryDelay = retryDelay;
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "gempix2-fake-callbacks");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /**
     * @param taskId the task
     * @param url where to POST
     * @param body the payload
     * @param copies how many times to deliver it, one after the other
     * @return completes when every copy was delivered or given up
     */
    public CompletableFuture<Void> deliver(TaskId taskId, URI url, String body, int copies) {
        long generation = scheduler.generation();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int copy = 0; copy < copies; copy++) {
            chain = chain.thenCompose(ignored -> attempt(taskId, url, body, 1, generation));
        }
        return chain;
    }

    private CompletableFuture<Void> attempt(TaskId taskId, URI url, String body, int number, long generation) {
        if (generation != scheduler.generation() || executor.isShutdown()) {
            return CompletableFuture.completedFuture(null);
        }
        Instant sentAt = clock.now();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(ATTEMPT_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "gempix2-testkit-fake")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    CallbackDelivery delivery = new CallbackDelivery(taskId, url, number,
                            response == null ? 0 : response.statusCode(),
                            Optional.ofNullable(failure).map(CallbackSender::describe), body, sentAt);
                    if (generation == scheduler.generation()) {
                        journal.record(delivery);
                    }
                    return delivery.isDelivered();
                })
                .thenCompose(delivered -> {
                    if (delivered || number >= attempts) {
                        return CompletableFuture.completedFuture(null);
                    }
                    long wait = retryDelay.toMillis() << Math.min(number - 1, 10);
                    return CompletableFuture.runAsync(() -> { },
                                    CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS, executor))
                            .thenCompose(ignored -> attempt(taskId, url, body, number + 1, generation));
                });
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
