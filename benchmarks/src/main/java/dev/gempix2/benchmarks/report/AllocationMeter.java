package dev.gempix2.benchmarks.report;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Bytes allocated by the JVM's live threads, read from {@code com.sun.management.ThreadMXBean}, leaving out
 * the threads a predicate names (a server's own, measured apart). Threads that start and end between two
 * readings are missed, so the work measured must run on long-lived threads (pools warmed up first).
 */
final class AllocationMeter {
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final Predicate<String> leftOut;

    AllocationMeter(Predicate<String> leftOut) {
        this.leftOut = leftOut;
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    /** @return each counted live thread's allocated bytes so far, by thread id */
    Map<Long, Long> reading() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !leftOut.test(thread.getName()))
                .collect(Collectors.toMap(Thread::getId, thread -> threads.getThreadAllocatedBytes(thread.getId()),
                        (a, b) -> a));
    }

    /** @return bytes allocated since {@code before} by the threads counted then and alive now */
    long since(Map<Long, Long> before) {
        long total = 0;
        for (Map.Entry<Long, Long> now : reading().entrySet()) {
            long then = before.getOrDefault(now.getKey(), 0L);
            if (now.getValue() >= 0 && then >= 0) {
                total += now.getValue() - then;
            }
        }
        return total;
    }
}
