package dev.gempix2.benchmarks;

import java.time.Duration;
import java.util.Locale;

/**
 * What the scale driver runs and the bounds it holds the run to.
 *
 * <pre>{@code
 * ScaleReport report = new ScaleRun(ScaleSettings.defaults().withTasks(2_000)).run();
 * }</pre>
 *
 * @param tasks how many tasks are submitted at once and awaited together
 * @param stageDuration each of the fake's three stages ({@code pending}, {@code submitted}, {@code in_progress});
 *                      a task is final three stages after its submit, which must outlast the submit phase so
 *                      that every task is in flight at the same time
 * @param maxNewThreads the most threads the JVM may gain over those alive when the run starts
 * @param maxHeapPerTaskBytes the most heap each waiting task may retain (whole JVM: client, transport and the
 *                            in-process fake), measured after a GC with every task submitted
 */
public record ScaleSettings(int tasks, Duration stageDuration, int maxNewThreads, long maxHeapPerTaskBytes) {

    /** The promise: 10,000 tasks in flight at once. */
    public static final int DEFAULT_TASKS = 10_000;
    /** 4 s per stage: a task takes 12 s, longer than submitting 10,000 takes on a small machine. */
    public static final Duration DEFAULT_STAGE_DURATION = Duration.ofSeconds(4);
    /** The promise: at most 16 threads more than at start, fake included. */
    public static final int DEFAULT_MAX_NEW_THREADS = 16;
    /** The promise: a few KiB per waiting task. */
    public static final long DEFAULT_MAX_HEAP_PER_TASK_BYTES = 8 * 1024;

    /** @throws IllegalArgumentException naming the setting that is out of range */
    public ScaleSettings {
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks must be at least 1, got " + tasks);
        }
        if (stageDuration == null || stageDuration.isNegative() || stageDuration.isZero()) {
            throw new IllegalArgumentException("stage duration must be positive, got " + stageDuration);
        }
        if (maxNewThreads < 1) {
            throw new IllegalArgumentException("max new threads must be at least 1, got " + maxNewThreads);
        }
        if (maxHeapPerTaskBytes < 1) {
            throw new IllegalArgumentException("max heap per task must be positive, got " + maxHeapPerTaskBytes);
        }
    }

    /** @return 10,000 tasks, 4 s stages, at most 16 new threads and 8 KiB per task */
    public static ScaleSettings defaults() {
        return new ScaleSettings(DEFAULT_TASKS, DEFAULT_STAGE_DURATION, DEFAULT_MAX_NEW_THREADS,
                DEFAULT_MAX_HEAP_PER_TASK_BYTES);
    }

    /**
     * @param count how many tasks
     * @return these settings with another task count
     */
    public ScaleSettings withTasks(int count) {
        return new ScaleSettings(count, stageDuration, maxNewThreads, maxHeapPerTaskBytes);
    }

    /**
     * @param each each stage's duration
     * @return these settings with another stage duration
     */
    public ScaleSettings withStageDuration(Duration each) {
        return new ScaleSettings(tasks, each, maxNewThreads, maxHeapPerTaskBytes);
    }

    /**
     * Reads {@code --tasks N}, {@code --stage 4s}, {@code --max-new-threads N}, {@code --max-heap-per-task-kib N}.
     *
     * @param args the command line
     * @return the settings, defaults for what is not given
     * @throws IllegalArgumentException naming the argument that is wrong
     */
    public static ScaleSettings parse(String... args) {
        ScaleSettings settings = defaults();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing a value after " + option);
            }
            String value = args[++i];
            settings = switch (option) {
                case "--tasks" -> new ScaleSettings(integer(option, value), settings.stageDuration,
                        settings.maxNewThreads, settings.maxHeapPerTaskBytes);
                case "--stage" -> settings.withStageDuration(duration(option, value));
                case "--max-new-threads" -> new ScaleSettings(settings.tasks, settings.stageDuration,
                        integer(option, value), settings.maxHeapPerTaskBytes);
                case "--max-heap-per-task-kib" -> new ScaleSettings(settings.tasks, settings.stageDuration,
                        settings.maxNewThreads, integer(option, value) * 1024L);
                default -> throw new IllegalArgumentException("unknown option " + option
                        + " (known: --tasks, --stage, --max-new-threads, --max-heap-per-task-kib)");
            };
        }
        return settings;
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(option + " takes a whole number, got '" + value + "'");
        }
    }

    private static Duration duration(String option, String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            return Duration.parse(value.strip());
        } catch (RuntimeException malformed) {
            throw new IllegalArgumentException(option + " takes a duration such as 500ms, 4s or PT4S, got '"
                    + value + "'");
        }
    }
}
