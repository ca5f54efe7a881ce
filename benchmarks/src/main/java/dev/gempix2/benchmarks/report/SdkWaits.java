package dev.gempix2.benchmarks.report;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.transport.httpclient5.HttpClient5Transport;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SDK's side of the scale run, as {@code ScaleDriver} does it: one {@link GemPix2Client} over an
 * {@link HttpClient5Transport} (default pool of 20), every task submitted at once with {@code submitAsync} and
 * awaited with {@code awaitAsync}, the first poll when the task should be done.
 */
final class SdkWaits {

    private SdkWaits() {
    }

    static ScaleResult run(ChildFake fake, int tasks, Duration stage, ScaleProbe probe) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int threadsAtStart = threads.getThreadCount();
        threads.resetPeakThreadCount();
        long fakeHeapBefore = fake.settledHeapBytes();
        Duration taskTime = stage.multipliedBy(3);
        PollingPolicy polling = PollingPolicy.builder().initialDelay(taskTime.plusMillis(200))
                .maxInterval(stage.compareTo(Duration.ofMillis(100)) > 0 ? stage.dividedBy(2) : Duration.ofMillis(50))
                .waitTimeout(taskTime.plus(Duration.ofMinutes(3))).build();
        AtomicInteger submitted = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        try (HttpClient5Transport transport = HttpClient5Transport.builder().baseUrl(fake.baseUrl())
                     .apiKey(fake.apiKey()).build();
             GemPix2Client client = GemPix2Client.builder().generator(transport).pollingPolicy(polling).build()) {
            long heapBefore = ScaleProbe.settledHeapBytes();
            probe.watch(() -> Math.max(0, submitted.get() - completed.get() - failed.get()));
            List<CompletableFuture<Task>> waits = new ArrayList<>(tasks);
            List<CompletableFuture<?>> submits = new ArrayList<>(tasks);
            long start = System.nanoTime();
            for (int i = 0; i < tasks; i++) {
                CompletableFuture<TaskId> submit = client.submitAsync(ImageRequest.of("scale task " + i))
                        .whenComplete((id, error) -> maxInFlight.accumulateAndGet(
                                submitted.incrementAndGet() - completed.get() - failed.get(), Math::max));
                submits.add(submit);
                waits.add(submit.thenCompose(client::awaitAsync)
                        .whenComplete((task, error) -> (error == null ? completed : failed).incrementAndGet()));
            }
            CompletableFuture.allOf(submits.toArray(CompletableFuture[]::new)).handle((a, b) -> null)
                    .get(5, TimeUnit.MINUTES);
            long heapPerTask = Math.max(0, ScaleProbe.settledHeapBytes() - heapBefore) / tasks;
            long fakeHeapPerTask = Math.max(0, fake.settledHeapBytes() - fakeHeapBefore) / tasks;
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).handle((a, b) -> null)
                    .get(5, TimeUnit.MINUTES);
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            return new ScaleResult("sdk", tasks, completed.get(), failed.get(), maxInFlight.get(),
                    threads.getPeakThreadCount() - threadsAtStart, heapPerTask, fakeHeapPerTask, wall,
                    probe.points());
        }
    }
}
