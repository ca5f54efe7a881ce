package dev.gempix2.cli.internal;

import dev.gempix2.core.DurationText;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations with core's {@link DurationText}, as the environment variables and the framework keys are read:
 * {@code 90s}, {@code 5m}, {@code 1h}, {@code 500ms}, {@code 1m30s}, a bare number of seconds, or ISO-8601
 * ({@code PT90S}). Only positive durations are accepted.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String text) {
        Duration duration;
        try {
            duration = DurationText.parse(text);
        } catch (IllegalArgumentException unusable) {
            throw new TypeConversionException("'" + text + "' is not a duration: it " + unusable.getMessage()
                    .replaceFirst(", got '.*'$", ""));
        }
        if (duration.isZero()) {
            throw new TypeConversionException("'" + text + "' must be longer than zero");
        }
        return duration;
    }
}
