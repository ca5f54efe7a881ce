package dev.gempix2.testkit;

import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.core.port.ImageGenerator;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Drives a {@code GemPix2Client} on a {@link ManualClock} over real HTTP, so that a test of a wait needs no
 * step-by-step clock advancing: time moves only when the client has no exchange in flight and so can only be
 * waiting for its next timer (a poll, a retry's backoff, a deadline); then the clock jumps to the earliest
 * timer. Nobody sleeps, and a 5-minute wait takes milliseconds.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * FakeGemPix2Backend fake = FakeGemPix2Backend.builder().clock(clock).start();
 * VirtualTime time = new VirtualTime(clock);
 * GemPix2Client client = GemPix2Client.builder()
 *         .generator(time.track(transport))          // any transport pointed at fake.baseUrl()
 *         .clock(clock)
 *         .callbackExecutor(Runnable::run)          // required: see below
 *         .build();
 * Task task = time.runUntilDone(client.generateAsync(ImageRequest.of("a red fox"))).join();
 * }</pre>
 *
 * <p>The client must run its continuations on the completing thread ({@code callbackExecutor(Runnable::run)}),
 * so that a timer's work (sending the next query) has started, and is counted, when {@code advance} returns.
 * One {@code VirtualTime} per test; thread-safe.
 */
public final class VirtualTime {
    private final ManualClock clock;
    private final Object lock = new Object();
    private int inFlight;

    /** @param clock the clock the client and the fake run on */
    public VirtualTime(ManualClock clock) {
        this.clock = clock;
    }

    /** @return the clock this driver moves */
    public ManualClock clock() {
        return clock;
    }

    /**
     * @param transport the transport under test; if it also downloads, so does the tracked one
     * @return the transport, seen through a counter of exchanges in flight: give this to the client
     */
    public Tracked track(ImageGenerator transport) {
        return new Tracked(transport, transport instanceof ImageDownloader downloader ? downloader : null);
    }

    /**
     * Moves time from timer to timer until the future is done.
     *
     * @param future what the client returned, e.g. {@code client.generateAsync(request)}
     * @param <T> the future's value
     * @return the same future, done
     * @throws InterruptedException when the test thread is interrupted
     * @throws AssertionError when an exchange hangs for 20 s, or the client waits for nothing yet is not done
     */
    public <T> CompletableFuture<T> runUntilDone(CompletableFuture<T> future) throws InterruptedException {
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
    public final class Tracked implements ImageGenerator, ImageDownloader {
        private final ImageGenerator transport;
        private final ImageDownloader downloader;

        private Tracked(ImageGenerator transport, ImageDownloader downloader) {
            this.transport = transport;
            this.downloader = downloader;
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
            if (downloader == null) {
                return CompletableFuture.failedFuture(new UnsupportedOperationException(
                        "the tracked transport " + transport.getClass().getSimpleName() + " does not download"));
            }
            return counted(() -> downloader.download(url, maxBytes));
        }

        @Override
        public void close() {
            transport.close();
        }
    }
}
