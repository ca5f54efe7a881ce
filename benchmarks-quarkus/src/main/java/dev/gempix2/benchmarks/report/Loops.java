package dev.gempix2.benchmarks.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** Closed loops that keep a fixed number of operations going for a while and count them. */
final class Loops {

    private Loops() {
    }

    /** A blocking operation. */
    @FunctionalInterface
    interface Call {
        void call() throws Exception;
    }

    /**
     * {@code callers} threads, each calling {@code call} back to back until the time is up.
     *
     * @return calls completed
     */
    static long blocking(int callers, Duration time, Call call) throws Exception {
        long deadline = System.nanoTime() + time.toNanos();
        if (callers == 1) {
            long done = 0;
            do {
                call.call();
                done++;
            } while (System.nanoTime() < deadline);
            return done;
        }
        AtomicLong done = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Thread thread = new Thread(() -> {
                try {
                    // At least one call each: on a loaded machine a thread may start after the deadline, and a
                    // round of no calls would make a ratio infinite.
                    do {
                        call.call();
                        done.incrementAndGet();
                    } while (System.nanoTime() < deadline && failure.get() == null);
                } catch (Exception failed) {
                    failure.compareAndSet(null, failed);
                }
            }, "bench-caller-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return done.get();
    }

    /**
     * Keeps {@code inFlight} asynchronous operations going, each starting the next as it completes.
     *
     * @return operations completed
     */
    static long async(int inFlight, Duration time, Supplier<CompletableFuture<?>> operation) throws Exception {
        long deadline = System.nanoTime() + time.toNanos();
        AtomicLong done = new AtomicLong();
        List<CompletableFuture<Void>> chains = new ArrayList<>();
        for (int i = 0; i < inFlight; i++) {
            CompletableFuture<Void> chain = new CompletableFuture<>();
            next(operation, deadline, done, chain);
            chains.add(chain);
        }
        try {
            CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof Exception e ? e : failed;
        }
        return done.get();
    }

    private static void next(Supplier<CompletableFuture<?>> operation, long deadline, AtomicLong done,
                             CompletableFuture<Void> chain) {
        if (System.nanoTime() >= deadline) {
            chain.complete(null);
            return;
        }
        operation.get().whenComplete((ignored, failure) -> {
            if (failure != null) {
                chain.completeExceptionally(failure);
            } else {
                done.incrementAndGet();
                next(operation, deadline, done, chain);
            }
        });
    }
}
