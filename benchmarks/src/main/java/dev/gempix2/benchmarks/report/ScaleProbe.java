package dev.gempix2.benchmarks.report;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Samples threads and heap against tasks in flight during a scale run, every {@value #PERIOD_MS} ms, on a
 * thread started before the run's baseline so that it is not counted as one of the run's threads.
 */
final class ScaleProbe implements AutoCloseable {
    private static final long PERIOD_MS = 100;

    /** One sample: tasks in flight, live threads, heap in use (not collected first). */
    record Point(int inFlight, int threads, long heapBytes) {
    }

    private final List<Point> points = new ArrayList<>();
    private final Thread thread;
    private volatile IntSupplier inFlight = () -> 0;
    private volatile boolean running = true;

    ScaleProbe() {
        thread = new Thread(this::sample, "bench-scale-probe");
        thread.setDaemon(true);
        thread.start();
    }

    /** @param source where the count of tasks in flight comes from, from now on */
    void watch(IntSupplier source) {
        synchronized (points) {
            points.clear();
        }
        inFlight = source;
    }

    /** @return the samples since {@link #watch} */
    List<Point> points() {
        synchronized (points) {
            return List.copyOf(points);
        }
    }

    private void sample() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        while (running) {
            Point point = new Point(inFlight.getAsInt(), ManagementFactory.getThreadMXBean().getThreadCount(),
                    memory.getHeapMemoryUsage().getUsed());
            synchronized (points) {
                points.add(point);
            }
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException interrupted) {
                return;
            }
        }
    }

    /** Heap in use after full collections; the least of three readings, since a run goes on meanwhile. */
    static long settledHeapBytes() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
