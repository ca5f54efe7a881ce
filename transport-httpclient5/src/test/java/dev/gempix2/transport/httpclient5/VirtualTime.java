package dev.gempix2.transport.httpclient5;

import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.testkit.ManualClock;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a {@code GemPix2Client} on a {@link ManualClock} over real HTTP: time moves only when the client has no
 * exchange in flight and so can only be waiting for its next timer (a poll, a retry's backoff, a deadline).
 * Then the clock jumps to the earliest timer. Nobody sleeps, and a 5-minute wait takes milliseconds.
 *
 * <p>It needs the client to run its continuations on the calling thread ({@code callbackExecutor(Runnable::run)}),
 * so that a timer's work (sending the next query) has started when {@code advance} returns.
 */
final class VirtualTime {
    private final ManualClock clock;
    private final Object lock = new Object();
    private int inFlight;

    VirtualTime(ManualClock clock) {
        this.clock = clock;
    }

    ManualClock clock() {
        return clock;
    }

    /** @return the transport, seen through a counter of exchanges in flight */
    Tracked track(HttpClient5Transport transport) {
        return new Tracked(transport);
    }

    /** Moves time from timer to timer until the future is done, and returns it (done). */
    <T> CompletableFuture<T> runUntilDone(CompletableFuture<T> future) throws InterruptedException {
        future.whenComplete((value, failure) -> signal());
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!future.isDone()) {
            synchronized (lock) {
                while (!future.isDone() && inFlight > 0) {
                    long left = giveUp - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("an exchange is still in flight after 20 s");
                    }
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
            }
            if (!future.isDone()) {
                Optional<Instant> next = clock.nextDeadline();
                if (next.isEmpty()) {
                    throw new AssertionError("the client waits for nothing, yet its future is not done");
                }
                clock.advanceTo(next.get());
            }
        }
        return future;
    }

    private void signal() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    private <T> CompletableFuture<T> counted(Supplier<CompletableFuture<T>> call) {
        synchronized (lock) {
            inFlight++;
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        call.get().whenComplete((value, failure) -> {
            // Complete first: the client's continuation (scheduling its next timer) runs inside complete().
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(failure);
            }
            synchronized (lock) {
                inFlight--;
                lock.notifyAll();
            }
        });
        return result;
    }

    /** The transport under test, its calls counted. */
    final class Tracked implements ImageGenerator, ImageDownloader {
        private final HttpClient5Transport transport;

        private Tracked(HttpClient5Transport transport) {
            this.transport = transport;
        }

        @Override
        public CompletableFuture<TaskId> submit(ImageRequest request) {
            return counted(() -> transport.submit(request));
        }

        @Override
        public CompletableFuture<Task> query(TaskId id) {
            return counted(() -> transport.query(id));
        }

        @Override
        public CompletableFuture<byte[]> download(URI url, long maxBytes) {
            return counted(() -> transport.download(url, maxBytes));
        }

        @Override
        public void close() {
            transport.close();
        }
    }
}
