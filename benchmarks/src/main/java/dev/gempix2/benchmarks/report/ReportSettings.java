package dev.gempix2.benchmarks.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How long and how big the report's runs are: the full report, or the smoke run of the same code that the
 * build runs in seconds.
 *
 * @param smoke true for the smoke run (no figure of it means anything)
 * @param out where {@code benchmarks.md}, {@code benchmarks.json} and {@code benchmarks/*.png} go
 * @param warmUp each contender's warm-up before the rounds
 * @param rounds measured rounds of each comparison
 * @param roundTime how long each contender runs per round
 * @param scaleTasks the task counts of the scale run, smaller first
 * @param scaleStage the fake's stage duration in the scale run (a task takes three)
 * @param callbackTasks tasks completed by callbacks
 * @param downloads measured downloads of {@link #downloadBytes()} each
 * @param downloadBytes the image's size
 */
public record ReportSettings(boolean smoke, Path out, Duration warmUp, int rounds, Duration roundTime,
                             int[] scaleTasks, Duration scaleStage, int callbackTasks, int downloads,
                             int downloadBytes) {
    /** 8 MiB, the issue's image. */
    public static final int EIGHT_MIB = 8 * 1024 * 1024;

    /** Requires the output directory and positive counts. */
    public ReportSettings {
        Objects.requireNonNull(out, "out");
        if (rounds < 1 || callbackTasks < 1 || downloads < 1 || scaleTasks.length == 0) {
            throw new IllegalArgumentException("rounds, tasks and downloads must be at least 1");
        }
        scaleTasks = scaleTasks.clone();
    }

    /**
     * @param out where to write
     * @return the full report: about 5 minutes
     */
    public static ReportSettings full(Path out) {
        return new ReportSettings(false, out, Duration.ofSeconds(4), 15, Duration.ofMillis(500),
                new int[] {1_000, 10_000}, Duration.ofSeconds(2), 2_000, 12, EIGHT_MIB);
    }

    /**
     * @param out where to write
     * @return the smoke run: the same code in a few seconds, every section in its smallest form (one round,
     *         20 waiting tasks, 10 callbacks, one download of 1 MiB)
     */
    public static ReportSettings smoke(Path out) {
        return new ReportSettings(true, out, Duration.ofMillis(60), 1, Duration.ofMillis(50),
                new int[] {20}, Duration.ofMillis(50), 10, 1, 1024 * 1024);
    }

    /** @return the rounds in words, for the method paragraphs */
    String describeRounds() {
        return String.format("%,d ms warm-up each (in 3 alternating slices), then %d rounds of %,d ms each, the "
                + "order rotating per round", warmUp.toMillis(), rounds, roundTime.toMillis());
    }
}
