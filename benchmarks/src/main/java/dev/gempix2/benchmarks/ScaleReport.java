package dev.gempix2.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one scale run measured.
 *
 * @param settings what was run, and the bounds
 * @param succeeded awaits that completed with a successful task
 * @param failed awaits that completed exceptionally (each one is a broken run)
 * @param distinctTaskIds distinct task ids among the successful awaits
 * @param tasksFinishedOnce tasks whose final status the client's listener saw exactly once
 * @param submitsAtFake submit requests the fake received
 * @param maxInFlight the most tasks submitted and not yet completed at one moment
 * @param threadsAtStart live threads when the run started
 * @param peakNewThreads the JVM's peak thread count during the run, minus {@code threadsAtStart}
 * @param newThreadNames the threads alive beyond those at start, once every task was submitted
 * @param heapPerTaskBytes heap retained per task (after a GC, every task submitted), whole JVM
 * @param submitTime from the first submit to the last submit's answer
 * @param wallTime from the first submit to the last completion
 */
public record ScaleReport(ScaleSettings settings, int succeeded, int failed, int distinctTaskIds,
                          int tasksFinishedOnce, int submitsAtFake, int maxInFlight, int threadsAtStart,
                          int peakNewThreads, List<String> newThreadNames, long heapPerTaskBytes,
                          Duration submitTime, Duration wallTime) {

    /** Copies the list. */
    public ScaleReport {
        newThreadNames = List.copyOf(newThreadNames);
    }

    /** @return every bound the run broke, in words; empty when it held them all */
    public List<String> violations() {
        List<String> broken = new ArrayList<>();
        int tasks = settings.tasks();
        if (succeeded != tasks || failed != 0) {
            broken.add(succeeded + " of " + tasks + " tasks succeeded, " + failed + " failed");
        }
        if (distinctTaskIds != tasks || submitsAtFake != tasks) {
            broken.add(distinctTaskIds + " distinct task ids and " + submitsAtFake + " submits at the fake for "
                    + tasks + " tasks");
        }
        if (tasksFinishedOnce != tasks) {
            broken.add("the listener saw exactly one final status for " + tasksFinishedOnce + " of " + tasks
                    + " tasks");
        }
        if (maxInFlight != tasks) {
            broken.add("at most " + maxInFlight + " of " + tasks + " tasks were in flight at once: the first ones "
                    + "finished before the last was submitted (give the fake longer stages with --stage)");
        }
        if (peakNewThreads > settings.maxNewThreads()) {
            broken.add(peakNewThreads + " threads beyond the " + threadsAtStart + " at start, more than "
                    + settings.maxNewThreads() + " (" + newThreadNames + ")");
        }
        if (heapPerTaskBytes > settings.maxHeapPerTaskBytes()) {
            broken.add(heapPerTaskBytes + " bytes of heap per waiting task, more than "
                    + settings.maxHeapPerTaskBytes());
        }
        return broken;
    }

    /** @return a few lines for a person */
    public String format() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("tasks          %,d (%,d succeeded, %,d failed, %,d distinct ids, %,d submits "
                + "at the fake)%n", settings.tasks(), succeeded, failed, distinctTaskIds, submitsAtFake));
        text.append(String.format("in flight      %,d at once at most; final status seen once for %,d%n",
                maxInFlight, tasksFinishedOnce));
        text.append(String.format("threads        %d at start, peak +%d (bound +%d)%n", threadsAtStart,
                peakNewThreads, settings.maxNewThreads()));
        text.append(String.format("  new threads  %s%n", String.join(", ", newThreadNames)));
        text.append(String.format("heap per task  %,d bytes (bound %,d; client, transport and fake together)%n",
                heapPerTaskBytes, settings.maxHeapPerTaskBytes()));
        text.append(String.format("wall time      %.1f s, of which %.1f s submitting (stages of %s, so %s per task)%n",
                wallTime.toMillis() / 1000.0, submitTime.toMillis() / 1000.0, settings.stageDuration(),
                settings.stageDuration().multipliedBy(3)));
        List<String> broken = violations();
        text.append(broken.isEmpty() ? "every bound held" : "BOUNDS BROKEN:\n  - " + String.join("\n  - ", broken));
        return text.toString();
    }
}
