package dev.gempix2.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.wire.WireFormat;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client a user writes without this SDK: the JDK's {@link HttpClient}, and one thread per task that
 * submits, then sleeps and polls until the task is final. Errors are retried after the same sleep, as such a
 * loop usually does.
 */
final class NaiveWaits {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A task not final this long after the start counts as failed: the report must end in minutes. */
    static final Duration GIVE_UP = Duration.ofSeconds(90);

    private NaiveWaits() {
    }

    static ScaleResult run(ChildFake fake, int tasks, Duration stage, ScaleProbe probe) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int threadsAtStart = threads.getThreadCount();
        threads.resetPeakThreadCount();
        long fakeHeapBefore = fake.settledHeapBytes();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        String authorization = fake.apiKey().authorizationHeader();
        URI submitUri = WireFormat.submitUri(fake.baseUrl());
        AtomicInteger submitted = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch allSubmitted = new CountDownLatch(tasks);
        CountDownLatch allDone = new CountDownLatch(tasks);
        long heapBefore = ScaleProbe.settledHeapBytes();
        probe.watch(() -> Math.max(0, submitted.get() - completed.get() - failed.get()));
        long giveUp = System.nanoTime() + GIVE_UP.toNanos();
        List<Thread> workers = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            String body = "{\"model\":\"google/gempix2\",\"prompt\":\"naive task " + i + "\"}";
            Thread worker = new Thread(() -> {
                try {
                    gate.await();
                    String id = null;
                    while (id == null && System.nanoTime() < giveUp) {
                        JsonNode answer = send(http, HttpRequest.newBuilder(submitUri)
                                .header("Authorization", authorization).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
                        id = answer == null ? null : answer.path("data").path("task_id").asText("");
                        id = id.isBlank() ? null : id;
                        if (id == null) {
                            Thread.sleep(stage.toMillis());
                        }
                    }
                    maxInFlight.accumulateAndGet(submitted.incrementAndGet() - completed.get() - failed.get(),
                            Math::max);
                    allSubmitted.countDown();
                    URI query = WireFormat.queryUri(fake.baseUrl(), TaskId.of(id));
                    while (System.nanoTime() < giveUp) {
                        Thread.sleep(stage.toMillis());
                        JsonNode answer = send(http, HttpRequest.newBuilder(query)
                                .header("Authorization", authorization).GET().build());
                        String status = answer == null ? "" : answer.path("data").path("status").asText("");
                        if (status.equals("success") || status.equals("failed")) {
                            completed.incrementAndGet();
                            return;
                        }
                    }
                    failed.incrementAndGet();
                } catch (InterruptedException | RuntimeException stopped) {
                    failed.incrementAndGet();
                } finally {
                    allDone.countDown();
                }
            }, "naive-wait-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        // Every thread is started before the first submit, so that all the tasks are in flight at once, as the
        // SDK's are: thread creation on a loaded machine is slower than a task.
        long start = System.nanoTime();
        gate.countDown();
        allSubmitted.await(GIVE_UP.toMillis(), TimeUnit.MILLISECONDS);
        long heapPerTask = Math.max(0, ScaleProbe.settledHeapBytes() - heapBefore) / tasks;
        long fakeHeapPerTask = Math.max(0, fake.settledHeapBytes() - fakeHeapBefore) / tasks;
        allDone.await(GIVE_UP.toMillis() + 30_000, TimeUnit.MILLISECONDS);
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        for (Thread worker : workers) {
            worker.join(1_000);
        }
        return new ScaleResult("naive", tasks, completed.get(), failed.get(), maxInFlight.get(),
                threads.getPeakThreadCount() - threadsAtStart, heapPerTask, fakeHeapPerTask, wall, probe.points());
    }

    /** @return the parsed answer, or null on any I/O error or non-2xx (the caller sleeps and tries again) */
    private static JsonNode send(HttpClient http, HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() / 100 == 2 ? JSON.readTree(response.body()) : null;
        } catch (java.io.IOException failed) {
            return null;
        }
    }
}
