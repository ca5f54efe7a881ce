package dev.gempix2.repository.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** p50, p99 and the maximum of latencies in nanoseconds, as one line. */
final class PushLatencyFigures {
    private PushLatencyFigures() {
    }

    static String describe(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("push latency, save on one instance to the future completing on another, %d tasks: "
                + "p50 %.1f ms, p99 %.1f ms, max %.1f ms", sorted.size(), percentile(sorted, 50),
                percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
