package dev.gempix2.benchmarks.report;

import java.time.Duration;
import java.util.List;

/**
 * What one scale run measured.
 *
 * @param contender "sdk" or "naive"
 * @param tasks tasks submitted
 * @param completed tasks whose wait ended with the final status
 * @param failed tasks whose wait failed
 * @param maxInFlight the most tasks submitted and not yet completed at one moment
 * @param newThreads the peak thread count minus the count at start (this JVM only: the fake runs apart)
 * @param heapBytesPerTask settled heap with every task submitted, minus before, over the tasks (this JVM only)
 * @param fakeHeapBytesPerTask the same in the fake's JVM
 * @param wallTime from the first submit to the last completion
 * @param points threads and heap against tasks in flight over the run
 */
record ScaleResult(String contender, int tasks, int completed, int failed, int maxInFlight, int newThreads,
                   long heapBytesPerTask, long fakeHeapBytesPerTask, Duration wallTime,
                   List<ScaleProbe.Point> points) {
}
