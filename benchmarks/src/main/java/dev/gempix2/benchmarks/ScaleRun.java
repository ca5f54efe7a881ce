package dev.gempix2.benchmarks;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.transport.httpclient5.HttpClient5Transport;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * One scale run: a {@link FakeGemPix2Backend} in this JVM, a {@link GemPix2Client} over an
 * {@link HttpClient5Transport}, every task submitted at once and awaited with {@code awaitAsync}. The poll
 * policy waits as long as a task takes, so each task costs one submit and about one poll.
 */
public final class ScaleRun {
    /** The fake serves loopback answers of a few hundred bytes; a few threads keep up with 20 connections. */
    private static final int FAKE_THREADS = 4;
    private static final Duration FIRST_POLL_MARGIN = Duration.ofMillis(200);

    private final ScaleSettings settings;
    private final AtomicInteger submitted = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger succeeded = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private final Set<TaskId> taskIds = ConcurrentHashMap.newKeySet();
    private final Map<TaskId, AtomicInteger> finalStatusesSeen = new ConcurrentHashMap<>();

    /** @param settings what to run and the bounds */
    public ScaleRun(ScaleSettings settings) {
        this.settings = settings;
    }

    /**
     * Runs once; not reusable.
     *
     * @return what was measured
     * @throws IllegalStateException when the run did not finish within its wait timeout and a minute
     */
    public ScaleReport run() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Set<Long> threadsBefore = liveThreads().keySet();
        int threadsAtStart = threads.getThreadCount();
        threads.resetPeakThreadCount();
        int tasks = settings.tasks();
        Duration taskDuration = settings.stageDuration().multipliedBy(3);
        PollingPolicy polling = PollingPolicy.builder()
                .initialDelay(taskDuration.plus(FIRST_POLL_MARGIN))     // the first poll finds the task final
                .maxInterval(max(settings.stageDuration().dividedBy(2), Duration.ofMillis(50)))
                .waitTimeout(taskDuration.plus(Duration.ofMinutes(2)))
                .build();
        try (FakeGemPix2Backend fake = FakeGemPix2Backend.builder().stageDuration(settings.stageDuration())
                     .maxThreads(FAKE_THREADS).start();
             HttpClient5Transport transport = HttpClient5Transport.builder().baseUrl(fake.baseUrl())
                     .apiKey(fake.apiKey()).build();
             GemPix2Client client = GemPix2Client.builder().generator(transport).pollingPolicy(polling)
                     .listener((record, snapshot) -> {
                         if (snapshot.isFinal()) {
                             finalStatusesSeen.computeIfAbsent(snapshot.id(), id -> new AtomicInteger())
                                     .incrementAndGet();
                         }
                     })
                     .build()) {
            long heapBefore = settledHeapBytes();
            CountDownLatch allSubmitted = new CountDownLatch(tasks);
            List<CompletableFuture<Task>> waits = new ArrayList<>(tasks);
            long start = System.nanoTime();
            for (int i = 0; i < tasks; i++) {
                waits.add(client.submitAsync(ImageRequest.of("scale run task " + i))
                        .whenComplete((id, error) -> {
                            maxInFlight.accumulateAndGet(submitted.incrementAndGet() - completed.get(), Math::max);
                            allSubmitted.countDown();
                        })
                        .thenCompose(client::awaitAsync)
                        .whenComplete(this::completedOne));
            }
            awaitQuietly(allSubmitted, taskDuration.plus(Duration.ofMinutes(2)));
            Duration submitTime = Duration.ofNanos(System.nanoTime() - start);
            List<String> newThreadNames = liveThreads().entrySet().stream()
                    .filter(entry -> !threadsBefore.contains(entry.getKey()))
                    .map(Map.Entry::getValue).sorted().collect(Collectors.toList());
            long heapPerTask = Math.max(0, settledHeapBytes() - heapBefore) / tasks;
            try {
                CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new))
                        .handle((ignored, error) -> null)
                        .get(polling.waitTimeout().plus(Duration.ofMinutes(1)).toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception notFinished) {
                throw new IllegalStateException("the scale run did not finish: " + completed.get() + " of " + tasks
                        + " tasks completed", notFinished);
            }
            Duration wallTime = Duration.ofNanos(System.nanoTime() - start);
            int finishedOnce = (int) finalStatusesSeen.values().stream().filter(seen -> seen.get() == 1).count();
            Throwable failure = firstFailure.get();
            if (failure != null) {
                System.err.println("first failure of the scale run: " + failure);
            }
            return new ScaleReport(settings, succeeded.get(), failed.get(), taskIds.size(), finishedOnce,
                    fake.submitCount(), maxInFlight.get(), threadsAtStart,
                    threads.getPeakThreadCount() - threadsAtStart, newThreadNames, heapPerTask, submitTime, wallTime);
        }
    }

    private void completedOne(Task task, Throwable error) {
        completed.incrementAndGet();
        if (error == null) {
            succeeded.incrementAndGet();
            taskIds.add(task.id());
        } else {
            failed.incrementAndGet();
            firstFailure.compareAndSet(null, error);
        }
    }

    private static Map<Long, String> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .collect(Collectors.toMap(Thread::getId, Thread::getName, (a, b) -> a));
    }

    /** Heap in use after full collections; the least of three readings, since the run goes on meanwhile. */
    private static long settledHeapBytes() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
        try {
            if (!latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the submits did not finish within " + timeout + ": "
                        + (latch.getCount()) + " left");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while submitting", interrupted);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
