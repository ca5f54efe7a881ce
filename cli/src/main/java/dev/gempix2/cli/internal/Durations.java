package dev.gempix2.cli.internal;

import java.time.Duration;
import java.util.Locale;

/** Durations as a person reads them: {@code 0.4s}, {@code 12.0s}, {@code 1m30s}, {@code 2h05m}. */
final class Durations {

    private Durations() {
    }

    static String describe(Duration duration) {
        if (duration.toSeconds() < 60) {
            return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
        }
        if (duration.toHours() < 1) {
            return String.format(Locale.ROOT, "%dm%02ds", duration.toMinutes(), duration.toSecondsPart());
        }
        return String.format(Locale.ROOT, "%dh%02dm", duration.toHours(), duration.toMinutesPart());
    }
}
