package dev.gempix2.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Many waits at once: the SDK ({@link SdkWaits}) against a thread-per-wait polling client ({@link NaiveWaits}),
 * at each task count of the settings, on a fake in its own JVM ({@link ChildFake}) so that threads and heap
 * count the client alone.
 */
final class ScaleSection {
    private static final int FAKE_THREADS = 4;

    private ScaleSection() {
    }

    static Section run(ReportSettings settings, Charts charts) throws Exception {
        Map<String, ScaleResult> results = new LinkedHashMap<>();
        try (ScaleProbe probe = new ScaleProbe()) {
            for (int tasks : settings.scaleTasks()) {
                try (ChildFake fake = new ChildFake(settings.scaleStage(), FAKE_THREADS)) {
                    results.put("sdk " + tasks, SdkWaits.run(fake, tasks, settings.scaleStage(), probe));
                    results.put("naive " + tasks, NaiveWaits.run(fake, tasks, settings.scaleStage(), probe));
                }
            }
        }
        int large = settings.scaleTasks()[settings.scaleTasks().length - 1];
        ScaleResult sdk = results.get("sdk " + large);
        ScaleResult naive = results.get("naive " + large);
        List<Figure> figures = new ArrayList<>();
        figures.add(count("inflight_tasks_completed", "SDK, tasks completed of " + large, sdk.completed())
                .target("= " + large, done -> done == large));
        figures.add(count("inflight_max_threads", "SDK, new threads at peak (client and transport)",
                sdk.newThreads()).target("≤ 16", n -> n <= 16));
        figures.add(count("inflight_heap_bytes_per_task", "SDK, heap per waiting task (client and transport)",
                sdk.heapBytesPerTask()).target("≤ 3,072 (aim 2,048)", bytes -> bytes <= 3072));
        figures.add(count("naive_max_threads_10k", "thread-per-wait client, new threads at peak",
                naive.newThreads()));
        // The heap per task of the largest run where the thread-per-wait client had every task in flight at
        // once: at 10,000 on a loaded machine it does not get there, and a figure over the tasks would mislead.
        ScaleResult naiveAllInFlight = results.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("naive ")
                        && entry.getValue().maxInFlight() == entry.getValue().tasks())
                .map(Map.Entry::getValue).reduce((first, second) -> second).orElse(naive);
        figures.add(count("naive_heap_bytes_per_task", "thread-per-wait client, heap per waiting task (the run of "
                + naiveAllInFlight.tasks() + " tasks" + (naiveAllInFlight.maxInFlight() == naiveAllInFlight.tasks()
                ? ", all in flight at once)" : ")"), naiveAllInFlight.heapBytesPerTask()));
        List<String> notes = new ArrayList<>();
        notes.add("Every run, in full (`fake heap/task` is the fake's JVM, measured apart and not counted above):");
        StringBuilder table = new StringBuilder("| run | completed | failed | most in flight | new threads | "
                + "heap/task (B) | fake heap/task (B) | wall time |\n|---|---|---|---|---|---|---|---|\n");
        results.forEach((name, result) -> table.append(String.format("| %s | %,d | %,d | %,d | %,d | %,d | %,d | "
                        + "%.1f s |%n", name, result.completed(), result.failed(), result.maxInFlight(),
                result.newThreads(), result.heapBytesPerTask(), result.fakeHeapBytesPerTask(),
                result.wallTime().toMillis() / 1000.0)));
        notes.add(table.toString().strip());
        if (naive.completed() < naive.tasks()) {
            notes.add(String.format("The thread-per-wait client at %,d tasks: all %,d threads were started (peak "
                    + "+%,d), but on this machine at most %,d of its tasks were in flight at once and %,d were not "
                    + "final after %d s (the JDK `HttpClient` opening a connection per blocked thread, against 4 "
                    + "handler threads of the fake). The SDK completed all of them with %d new threads.",
                    naive.tasks(), naive.tasks(), naive.newThreads(), naive.maxInFlight(),
                    naive.tasks() - naive.completed(), NaiveWaits.GIVE_UP.toSeconds(), sdk.newThreads()));
        }
        notes.add("Where the SDK's heap per task goes (a `jmap -histo:live` of 10,000 tasks submitted and waiting, "
                + "taken while writing this report, polls not yet due): per task one `TaskRecord` (48 B), its "
                + "`ImageRequest` (32 B) and prompt, two `TaskId`s, a `TaskWait` (64 B) and its `Waiter`, two "
                + "`ScheduledFutureTask`s on the clock (72 B each: the first poll and the wait's timeout) with their "
                + "adapters and lambdas, four `CompletableFuture`s with their completions, three "
                + "`ConcurrentHashMap` nodes in the in-memory repository's indexes and one in the client's set of "
                + "pending futures, and the `Instant`s of the record: about 1.5 to 2 KiB, as the 1,000-task run "
                + "measures. The 10,000-task figure is higher when the first polls fall due before the last submit "
                + "is answered (the pool of 20 connections serves requests in order): each queued request then holds "
                + "its request producer, context and future too. No single structure dominates, so nothing was "
                + "changed in core for it.");
        charts.scale("scale-threads.png", "scale-heap.png", results);
        return new Section("Scale of waiting",
                "The fake runs in a JVM of its own (" + FAKE_THREADS + " handler threads, stages of "
                        + settings.scaleStage().toMillis() + " ms, so a task ends "
                        + settings.scaleStage().multipliedBy(3).toMillis() + " ms after its submit), so the "
                        + "threads and heap below are the client's alone. The SDK run is `ScaleDriver`'s: one "
                        + "`GemPix2Client` over `HttpClient5Transport` (default pool of 20), every task submitted at "
                        + "once with `submitAsync` and awaited with `awaitAsync`, the first poll when the task should "
                        + "be done. The thread-per-wait client is what a user writes without the SDK: the JDK's "
                        + "`HttpClient`, one platform thread per task that submits, then sleeps "
                        + settings.scaleStage().toMillis() + " ms and polls until the task is final (Jackson tree). "
                        + "New threads: `ThreadMXBean` peak minus the count at start. Heap per task: heap in use "
                        + "after `System.gc()` once every task is submitted, minus the same before the first "
                        + "submit (or " + NaiveWaits.GIVE_UP.toSeconds() + " s after the start, if sooner), over the task "
                        + "count; a thread-per-wait task not final after " + NaiveWaits.GIVE_UP.toSeconds() + " s counts "
                        + "as failed. Each task count has a fresh fake, the SDK first; runs at "
                        + java.util.Arrays.toString(settings.scaleTasks()) + " tasks.",
                figures, notes, List.of("scale-threads.png", "scale-heap.png"));
    }

    private static Figure count(String name, String label, long value) {
        return Figure.plain(name, label, "", Samples.of(value));
    }
}
